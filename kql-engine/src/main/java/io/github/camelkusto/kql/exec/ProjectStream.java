package io.github.camelkusto.kql.exec;

import java.util.List;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.functions.EvalContext;
import io.github.camelkusto.kql.plan.BoundExpr;

/**
 * project/extend/...: each output column evaluated over the input batch; plain columns are passed, not copied.
 * Serial functions (prev, next, row_cumsum...) see their batch with its neighbours ({@link SerialWindows}).
 */
final class ProjectStream implements BatchStream {
    private final SerialWindows input;
    private final BoundExpr[] columns;
    private final Schema schema;

    ProjectStream(BatchStream input, List<BoundExpr> columns, Schema schema) {
        this.input = new SerialWindows(input, columns);
        this.columns = columns.toArray(BoundExpr[]::new);
        this.schema = schema;
    }

    @Override
    public Batch next() {
        SerialWindows.Window w = input.next();
        if (w == null) {
            return null;
        }
        Batch b = w.rows();
        EvalContext context = w.context();
        Vector[] out = new Vector[columns.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = w.own(columns[c].evaluate(b, context));
        }
        Batch projected = new Batch(schema, out, w.to() - w.from());
        // still the extent's rows: ingestion_time() after an extend reads them as before it
        return w.isWholeBatch() ? b.ingestion().map(projected::stamped).orElse(projected) : projected;
    }

    @Override
    public void close() {
        input.close();
    }
}

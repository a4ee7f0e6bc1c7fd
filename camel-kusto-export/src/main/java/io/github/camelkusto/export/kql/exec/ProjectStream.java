package io.github.camelkusto.export.kql.exec;

import java.util.List;

import io.github.camelkusto.export.kql.data.Batch;
import io.github.camelkusto.export.kql.data.BatchStream;
import io.github.camelkusto.export.kql.data.Schema;
import io.github.camelkusto.export.kql.data.Vector;
import io.github.camelkusto.export.kql.functions.EvalContext;
import io.github.camelkusto.export.kql.plan.BoundExpr;

/** project/extend/...: each output column evaluated over the input batch; plain columns are passed, not copied. */
final class ProjectStream implements BatchStream {
    private final BatchStream input;
    private final BoundExpr[] columns;
    private final Schema schema;
    private long seen;

    ProjectStream(BatchStream input, List<BoundExpr> columns, Schema schema) {
        this.input = input;
        this.columns = columns.toArray(BoundExpr[]::new);
        this.schema = schema;
    }

    @Override
    public Batch next() {
        Batch b = input.next();
        if (b == null) {
            return null;
        }
        int n = b.rowCount();
        EvalContext context = new EvalContext(n, seen);
        seen += n;
        Vector[] out = new Vector[columns.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = columns[c].evaluate(b, context);
        }
        return new Batch(schema, out, n);
    }

    @Override
    public void close() {
        input.close();
    }
}

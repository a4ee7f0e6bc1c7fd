package io.github.camelkusto.kql.exec;

import java.util.List;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.functions.EvalContext;
import io.github.camelkusto.kql.functions.OutputArrays;
import io.github.camelkusto.kql.plan.BoundExpr;

/**
 * project/extend/...: each output column evaluated over the input batch; plain columns are passed, not copied.
 * Serial functions (prev, next, row_cumsum...) see their batch with its neighbours ({@link SerialWindows}).
 * <p>
 * Read by a step that is done with a batch before it asks for the next one and keeps none of its vectors (a
 * join's probe and build sides: {@link #readOnce}), the computed columns are written into the same arrays batch
 * after batch ({@link OutputArrays}): {@code extend k = i % 1000000} over a 65,536-row extent is otherwise a new
 * 512 KB array per extent, each on heap pages the kernel must fault in.
 */
final class ProjectStream implements BatchStream {
    private final SerialWindows input;
    private final BoundExpr[] columns;
    private final Schema schema;
    /** The computed columns' arrays, reused batch after batch; null when the reader may keep the vectors. */
    private OutputArrays outputs;
    private final ScratchArrays scratch;

    ProjectStream(BatchStream input, List<BoundExpr> columns, Schema schema) {
        this(input, columns, schema, null, null);
    }

    private ProjectStream(BatchStream input, List<BoundExpr> columns, Schema schema, OutputArrays outputs,
            ScratchArrays scratch) {
        this.input = new SerialWindows(input, columns);
        this.columns = columns.toArray(BoundExpr[]::new);
        this.schema = schema;
        this.outputs = outputs;
        this.scratch = scratch;
    }

    /**
     * A project whose reader reads each batch before it asks for the next and keeps none of its vectors: the
     * computed columns' arrays are taken from {@code scratch} and given back on close, for the query's next
     * partition. Serial functions (their windows copy rows across batches) keep the plain stream.
     */
    static ProjectStream readOnce(BatchStream input, List<BoundExpr> columns, Schema schema, ScratchArrays scratch) {
        if (SerialWindows.usesSerialFunctions(columns)) {
            return new ProjectStream(input, columns, schema);
        }
        return new ProjectStream(input, columns, schema, scratch.takeOutputs(), scratch);
    }

    @Override
    public Batch next() {
        SerialWindows.Window w = input.next();
        if (w == null) {
            return null;
        }
        Batch b = w.rows();
        EvalContext context = w.context();
        if (outputs != null) {
            outputs.reuse();
            context.state().put(OutputArrays.class, outputs);
        } else if (scratch != null) {
            context.state().remove(OutputArrays.class); // read after close: the arrays went back
        }
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
        if (outputs != null) {
            scratch.giveOutputs(outputs);
            outputs = null;
        }
        input.close();
    }
}

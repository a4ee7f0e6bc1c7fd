package io.github.camelkusto.kql.exec;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.LongVector;
import io.github.camelkusto.kql.functions.OutputArrays;
import io.github.camelkusto.kql.plan.BoundExpr;
import io.github.camelkusto.kql.plan.PlanNode;

/**
 * where: evaluates the predicate over each batch and copies the surviving rows (true, not null) into a new
 * batch through a selection vector; a batch where all rows survive passes as is, one where none does is skipped.
 * Only the columns a later step reads are copied ({@link PlanNode.Filter#unread}); the selection vector is
 * reused from batch to batch, and from partition to partition ({@link ScratchArrays}); so are the predicate's own
 * result arrays (read into the selection before the next batch: {@link OutputArrays}), taken when the stream
 * opens and given back when it closes (a partition is often one extent, one batch).
 */
final class FilterStream implements BatchStream {
    private final SerialWindows input;
    private final BoundExpr predicate;
    private final boolean[] unread;
    private final RowSelection rowSelection;
    private final ScratchArrays scratch;
    private OutputArrays predicateOutputs;
    private int[] selection;

    FilterStream(BatchStream input, PlanNode.Filter filter, ScratchArrays scratch) {
        this.input = new SerialWindows(input, java.util.List.of(filter.predicate()));
        this.predicate = filter.predicate();
        this.unread = Streams.mask(filter.unread(), filter.schema().size());
        this.rowSelection = RowSelection.of(filter.predicate());
        this.scratch = scratch;
    }

    @Override
    public Batch next() {
        for (SerialWindows.Window w = input.next(); w != null; w = input.next()) {
            Batch b = w.batch();
            int n = b.rowCount();
            selection = scratch.atLeast(selection, n);
            int k = selected(w);
            if (k == n) {
                return b;
            }
            if (k > 0) {
                return b.select(selection, k, unread);
            }
        }
        return null;
    }

    /** Fills {@link #selection} with the rows of {@code w}'s batch that pass; returns how many. */
    private int selected(SerialWindows.Window w) {
        Batch b = w.batch();
        int n = b.rowCount();
        if (rowSelection != null && w.isWholeBatch()) {
            int k = rowSelection.select(b, selection);
            if (k >= 0) {
                return k;
            }
        }
        if (predicateOutputs == null) {
            predicateOutputs = scratch.takeOutputs();
        }
        predicateOutputs.reuse();
        w.state().put(OutputArrays.class, predicateOutputs);
        LongVector p = (LongVector) w.own(predicate.evaluate(w.rows(), w.context()));
        if (p.isConstant()) {
            return !p.isNull(0) && p.getLong(0) != 0 ? n : 0;
        }
        long[] values = p.values();
        boolean[] nulls = p.nulls();
        int[] selection = this.selection;
        int k = 0;
        if (nulls == null) {
            for (int i = 0; i < n; i++) {
                selection[k] = i;
                k += (int) values[i]; // bool storage is 0/1: branch-free selection
            }
        } else {
            for (int i = 0; i < n; i++) {
                selection[k] = i;
                k += nulls[i] ? 0 : (int) values[i];
            }
        }
        return k;
    }

    @Override
    public void close() {
        scratch.give(selection);
        selection = null;
        scratch.giveOutputs(predicateOutputs);
        predicateOutputs = null;
        input.close();
    }
}

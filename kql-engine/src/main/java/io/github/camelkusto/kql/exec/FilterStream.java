package io.github.camelkusto.kql.exec;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.LongVector;
import io.github.camelkusto.kql.plan.BoundExpr;

/**
 * where: evaluates the predicate over each batch and copies the surviving rows (true, not null) into a new
 * batch through a selection vector; a batch where all rows survive passes as is, one where none does is skipped.
 */
final class FilterStream implements BatchStream {
    private final SerialWindows input;
    private final BoundExpr predicate;

    FilterStream(BatchStream input, BoundExpr predicate) {
        this.input = new SerialWindows(input, java.util.List.of(predicate));
        this.predicate = predicate;
    }

    @Override
    public Batch next() {
        for (SerialWindows.Window w = input.next(); w != null; w = input.next()) {
            Batch b = w.batch();
            int n = b.rowCount();
            LongVector p = (LongVector) w.own(predicate.evaluate(w.rows(), w.context()));
            if (p.isConstant()) {
                if (!p.isNull(0) && p.getLong(0) != 0) {
                    return b;
                }
                continue;
            }
            long[] values = p.values();
            boolean[] nulls = p.nulls();
            int[] selection = new int[n];
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
            if (k == n) {
                return b;
            }
            if (k > 0) {
                return b.select(selection, k);
            }
        }
        return null;
    }

    @Override
    public void close() {
        input.close();
    }
}

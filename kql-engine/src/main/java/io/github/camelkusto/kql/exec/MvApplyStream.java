package io.github.camelkusto.kql.exec;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.plan.PlanNode;

/**
 * mv-apply over one partition: each input row is handed to the sub-plan (through its {@link PlanNode.RowsCell},
 * then {@link PlanExecutor#run}), whose result rows are emitted after the row's kept columns. Holds one input batch
 * and one row's sub-query result at a time.
 */
final class MvApplyStream implements BatchStream {
    private final BatchStream input;
    private final PlanNode.MvApply apply;
    private final PlanExecutor executor;
    private final Deque<Batch> pending = new ArrayDeque<>();
    private Batch batch;
    private int row;

    MvApplyStream(BatchStream input, PlanNode.MvApply apply, PlanExecutor executor) {
        this.executor = executor;
        this.input = input;
        this.apply = apply;
    }

    /** The ApplyRows source of a sub-plan: the row its MvApply's executor has put in the cell. */
    static QueryResult rows(PlanNode.ApplyRows rows) {
        Batch current = rows.rows().get();
        return new QueryResult(rows.schema(), List.of(() -> BatchStream.of(List.of(current))));
    }

    @Override
    public Batch next() {
        while (pending.isEmpty()) {
            if (batch == null || row >= batch.rowCount()) {
                batch = input.next();
                row = 0;
                if (batch == null) {
                    return null;
                }
                continue;
            }
            applyTo(row++);
        }
        return pending.poll();
    }

    private void applyTo(int r) {
        apply.rows().set(batch.slice(r, r + 1));
        QueryResult result;
        try {
            result = executor.run(apply.perRow());
        } finally {
            apply.rows().set(null);
        }
        List<Integer> kept = apply.keptColumns();
        for (Partition p : result.partitions()) {
            try (BatchStream s = p.open()) {
                for (Batch b = s.next(); b != null; b = s.next()) {
                    if (b.rowCount() == 0) {
                        continue;
                    }
                    Vector[] columns = new Vector[kept.size() + b.schema().size()];
                    for (int k = 0; k < kept.size(); k++) {
                        int c = kept.get(k);
                        columns[k] = Vector.constant(batch.schema().column(c).type(), batch.value(c, r), b.rowCount());
                    }
                    System.arraycopy(b.columns(), 0, columns, kept.size(), b.schema().size());
                    pending.add(new Batch(apply.schema(), columns, b.rowCount()));
                }
            }
        }
    }

    @Override
    public void close() {
        input.close();
    }
}

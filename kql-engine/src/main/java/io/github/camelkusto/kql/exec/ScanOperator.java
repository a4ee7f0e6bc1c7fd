package io.github.camelkusto.kql.exec;

import java.util.Arrays;
import java.util.List;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.functions.EvalContext;
import io.github.camelkusto.kql.plan.BoundExpr;
import io.github.camelkusto.kql.plan.PlanNode;

/**
 * scan, as Kusto documents it. The state of step k is the sequence that reached it: one record per step 1..k (the
 * input row extended by the step's assignments), or none. A row is checked against the steps from last to first;
 * for step k: when step k-1 has a state and the row meets step k's condition over that state, the sequence
 * advances (step k-1's state moves to step k, the row becomes step k's record); otherwise, when step k has a state
 * (or is the first step) and the row meets its condition over that state, the row replaces step k's record (the
 * first step without a state begins a new sequence, with a new match id). A matching row is output unless its
 * step is {@code output=none}, and goes on to the earlier steps. Rows matching no step are dropped. {@code s.c}
 * reads column or variable c of step s's record in the state the condition is checked with (null, or the
 * declared default of a variable, when it has none); a bare variable reads its default; variables a step does
 * not assign keep the values of the record the sequence came from. Reads its input in order, row by row (the
 * input is materialised: documented exception to bounded memory, like sort).
 */
final class ScanOperator {
    private ScanOperator() {
    }

    static List<Batch> run(PlanNode.ScanSteps node, QueryResult input) {
        QueryResult ordered = new QueryResult(input.schema(), List.of(() -> Streams.concat(input.partitions())));
        Batch rows = Materialized.of(ordered);
        int columns = rows.schema().size();
        int vars = node.variables().size();
        int steps = node.steps().size();
        Object[][][] state = new Object[steps][][];
        long[] stateMatch = new long[steps];
        long matchId = -1;
        Batch.Builder out = Batch.builder(node.schema());
        EvalContext context = new EvalContext(1, 0);
        Object[] defaults = node.defaults().toArray();
        for (int r = 0; r < rows.rowCount(); r++) {
            Object[] row = new Object[columns + vars];
            for (int c = 0; c < columns; c++) {
                row[c] = rows.value(c, r);
            }
            for (int k = steps - 1; k >= 0; k--) {
                PlanNode.ScanStep step = node.steps().get(k);
                Object[][] from;
                long id;
                Batch seen;
                if (k > 0 && state[k - 1] != null
                        && meets(step, seen = seen(node, rows, r, state[k - 1], defaults), context)) {
                    from = state[k - 1];
                    id = stateMatch[k - 1];
                    state[k - 1] = null;
                } else if ((state[k] != null || k == 0)
                        && meets(step, seen = seen(node, rows, r, state[k], defaults), context)) {
                    from = state[k];
                    id = state[k] == null ? ++matchId : stateMatch[k];
                } else {
                    continue;
                }
                Object[] record = row.clone();
                if (from == null) {
                    System.arraycopy(defaults, 0, record, columns, vars);
                } else {
                    System.arraycopy(from[from.length - 1], columns, record, columns, vars);
                }
                for (int a = 0; a < step.targets().size(); a++) {
                    Vector value = step.values().get(a).evaluate(seen, context);
                    record[columns + step.targets().get(a)] = value.isNull(0) ? null : value.box(0);
                }
                Object[][] sequence = from == null ? new Object[1][] : Arrays.copyOf(from, k + 1);
                sequence[k] = record;
                state[k] = sequence;
                stateMatch[k] = id;
                if (step.output()) {
                    Object[] emitted = Arrays.copyOf(record, node.schema().size());
                    if (node.matchId()) {
                        emitted[columns + vars] = id;
                    }
                    out.addRow(emitted);
                }
            }
        }
        Batch all = out.build();
        return Batch.chunks(all.schema(), all.columns(), all.rowCount());
    }

    /** Row r as a step's expressions see it, with {@code s.c} read from {@code sequence} (null: no state). */
    private static Batch seen(PlanNode.ScanSteps node, Batch rows, int r, Object[][] sequence, Object[] defaults) {
        int columns = rows.schema().size();
        int vars = defaults.length;
        List<Column> schema = node.expressionSchema().columns();
        Vector[] seen = new Vector[schema.size()];
        for (int c = 0; c < columns; c++) {
            seen[c] = rows.column(c).slice(r, r + 1);
        }
        for (int v = 0; v < vars; v++) {
            seen[columns + v] = Vector.constant(schema.get(columns + v).type(), defaults[v], 1);
        }
        int width = columns + vars;
        for (int i = width; i < seen.length; i++) {
            int s = node.stateColumns().get(i - width)[0];
            int c = node.stateColumns().get(i - width)[1];
            Object[] record = sequence != null && s < sequence.length ? sequence[s] : null;
            Object value = record != null ? record[c] : c >= columns ? defaults[c - columns] : null;
            seen[i] = Vector.constant(schema.get(i).type(), value, 1);
        }
        return new Batch(node.expressionSchema(), seen, 1);
    }

    private static boolean meets(PlanNode.ScanStep step, Batch row, EvalContext context) {
        Vector v = step.predicate().evaluate(row, context);
        return !v.isNull(0) && v.getLong(0) != 0;
    }
}

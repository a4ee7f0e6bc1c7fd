package io.github.camelkusto.kql.exec;

import java.util.ArrayList;
import java.util.List;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.functions.EvalContext;
import io.github.camelkusto.kql.plan.BoundExpr;
import io.github.camelkusto.kql.plan.PlanNode;

/**
 * scan, as Kusto documents it: each step has a state (the variables of the row that last matched it) or none.
 * A row is checked against the steps from last to first; for step k it matches when the state of step k-1 is
 * set and the row meets step k's condition (the match advances: step k-1's state moves to step k), or when step
 * k's own state is set and the row meets its condition (the match stays), or, for the first step with no state,
 * when the row meets its condition (a new match begins). A matching row gets the step's assignments over the
 * state it came from, is output, and becomes the step's state; the next row is checked. Rows matching no step
 * are dropped. {@code s.v} reads step s's state (the declared default when s has none); a bare variable its
 * default. Reads its input in order, row by row (the input is materialised: documented exception to bounded
 * memory, like sort).
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
        Object[][] state = new Object[steps][];
        long matchId = -1;
        long[] stateMatch = new long[steps];
        Batch.Builder out = Batch.builder(node.schema());
        EvalContext context = new EvalContext(1, 0);
        Object[] defaults = node.defaults().toArray();
        for (int r = 0; r < rows.rowCount(); r++) {
            Vector[] seen = new Vector[node.expressionSchema().size()];
            for (int c = 0; c < columns; c++) {
                seen[c] = rows.column(c).slice(r, r + 1);
            }
            for (int v = 0; v < vars; v++) {
                seen[columns + v] = Vector.constant(node.variables().get(v).type(), defaults[v], 1);
            }
            for (int s = 0; s < steps; s++) {
                Object[] values = state[s] == null ? defaults : state[s];
                for (int v = 0; v < vars; v++) {
                    seen[columns + vars + s * vars + v] = Vector.constant(node.variables().get(v).type(), values[v], 1);
                }
            }
            Batch row = new Batch(node.expressionSchema(), seen, 1);
            for (int k = steps - 1; k >= 0; k--) {
                PlanNode.ScanStep step = node.steps().get(k);
                Object[] base = null;
                long id = 0;
                if (k > 0 && state[k - 1] != null && meets(step, row, context)) {
                    base = state[k - 1];
                    id = stateMatch[k - 1];
                    state[k - 1] = null;
                } else if (state[k] != null && meets(step, row, context)) {
                    base = state[k];
                    id = stateMatch[k];
                } else if (k == 0 && state[0] == null && meets(step, row, context)) {
                    base = defaults;
                    id = ++matchId;
                }
                if (base == null) {
                    continue;
                }
                Object[] values = base.clone();
                for (int a = 0; a < step.targets().size(); a++) {
                    Vector value = step.values().get(a).evaluate(row, context);
                    values[step.targets().get(a)] = value.isNull(0) ? null : value.box(0);
                }
                state[k] = values;
                stateMatch[k] = id;
                Object[] emitted = new Object[node.schema().size()];
                for (int c = 0; c < columns; c++) {
                    emitted[c] = rows.value(c, r);
                }
                System.arraycopy(values, 0, emitted, columns, vars);
                if (node.matchId()) {
                    emitted[columns + vars] = id;
                }
                out.addRow(emitted);
                break;
            }
        }
        Batch all = out.build();
        return Batch.chunks(all.schema(), all.columns(), all.rowCount());
    }

    private static boolean meets(PlanNode.ScanStep step, Batch row, EvalContext context) {
        Vector v = step.predicate().evaluate(row, context);
        return !v.isNull(0) && v.getLong(0) != 0;
    }
}

package io.github.camelkusto.kql.exec;

import java.util.ArrayList;
import java.util.List;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.functions.EvalContext;
import io.github.camelkusto.kql.functions.GroupedAggregator;
import io.github.camelkusto.kql.plan.BoundExpr;
import io.github.camelkusto.kql.plan.PlanNode;

/**
 * summarize (also distinct and count): hash-groups the rows by the key columns and updates every aggregate's
 * grouped state a batch at a time. Holds one entry per group (documented exception to bounded memory).
 */
final class AggregateOperator {
    private AggregateOperator() {
    }

    static List<Batch> run(PlanNode.Aggregate node, QueryResult input, Parallel parallel) {
        GroupTable groups = GroupTable.create(node.keys().stream().map(BoundExpr::type).toList());
        List<GroupedAggregator> states = new ArrayList<>();
        for (PlanNode.BoundAggregate a : node.aggregates()) {
            states.add(a.binding().aggregator().get());
        }
        int[][] ids = {new int[Batch.MAX_ROWS]};
        // the operators under it run on every core; groups and states see the batches in serial order
        parallel.forEachBatchInOrder(input.partitions(), batch -> {
            int n = batch.rowCount();
            if (ids[0].length < n) {
                ids[0] = new int[n];
            }
            EvalContext context = new EvalContext(n, 0);
            Vector[] keys = new Vector[node.keys().size()];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = node.keys().get(k).evaluate(batch, context);
            }
            groups.assign(keys, n, ids[0]);
            for (int a = 0; a < states.size(); a++) {
                List<BoundExpr> argExprs = node.aggregates().get(a).args();
                Vector[] args = new Vector[argExprs.size()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = argExprs.get(i).evaluate(batch, context);
                }
                GroupedAggregator state = states.get(a);
                state.ensureGroups(groups.groupCount());
                state.update(ids[0], args, n);
            }
        });
        int count = groups.groupCount();
        Vector[] columns = new Vector[node.schema().size()];
        Vector[] keys = groups.keyVectors();
        System.arraycopy(keys, 0, columns, 0, keys.length);
        int c = keys.length;
        for (GroupedAggregator state : states) {
            state.ensureGroups(count);
            for (Vector v : state.finish(count)) {
                columns[c++] = v;
            }
        }
        return Batch.chunks(node.schema(), columns, count);
    }
}

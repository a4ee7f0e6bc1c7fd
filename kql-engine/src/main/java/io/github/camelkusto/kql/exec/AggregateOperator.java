package io.github.camelkusto.kql.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.functions.EvalContext;
import io.github.camelkusto.kql.functions.OutputArrays;
import io.github.camelkusto.kql.functions.GroupedAggregator;
import io.github.camelkusto.kql.plan.BoundExpr;
import io.github.camelkusto.kql.plan.PlanNode;

/**
 * summarize (also distinct and count): hash-groups the rows by the key columns and updates every aggregate's
 * grouped state a batch at a time. Holds one entry per group (documented exception to bounded memory).
 *
 * <p>When every aggregate {@linkplain GroupedAggregator#mergeable() merges} partial states, each thread reading
 * the input groups the partitions it takes into states of its own, which are then merged, and the groups are put
 * back in the order of their first row in the input: the result is the serial one. Otherwise (take_any,
 * make_list, real sums) the groups see the batches one at a time, in input order.
 */
final class AggregateOperator {
    /** Tasks a per-group loop before finish is split into: enough to balance groups of unequal work. */
    private static final int LOOP_CHUNKS = 64;

    private AggregateOperator() {
    }

    static List<Batch> run(PlanNode.Aggregate node, QueryResult input, Parallel parallel) {
        Grouping merged = new Grouping(node);
        if (input.partitions().size() > 1 && merged.mergeable()) {
            List<Grouping> partials = parallel.foldPartitions(input.partitions(), () -> new Grouping(node),
                    (grouping, partition, firstRow, batch) -> grouping.add(batch, (long) partition << 32 | firstRow));
            for (Grouping partial : partials) {
                merged.merge(partial);
            }
            return merged.finish(parallel, true);
        }
        // the operators under it run on every core; groups and states see the batches in serial order
        parallel.forEachBatchInOrder(input.partitions(), batch -> merged.add(batch, 0));
        return merged.finish(parallel, false);
    }

    /** The groups of some rows and every aggregate's state over them; the position of each group's first row. */
    private static final class Grouping {
        private final PlanNode.Aggregate node;
        private final GroupTable groups;
        private final List<GroupedAggregator> states = new ArrayList<>();
        private long[] firstRows = new long[16];
        private int[] ids = new int[Batch.MAX_ROWS];
        private final OutputArrays keyOutputs = new OutputArrays();

        Grouping(PlanNode.Aggregate node) {
            this.node = node;
            groups = GroupTable.create(node.keys().stream().map(BoundExpr::type).toList());
            for (PlanNode.BoundAggregate a : node.aggregates()) {
                states.add(a.binding().aggregator().get());
            }
            Arrays.fill(firstRows, Long.MAX_VALUE);
        }

        boolean mergeable() {
            return states.stream().allMatch(GroupedAggregator::mergeable);
        }

        /** Adds a batch whose first row is at {@code position} in the input (partition and row, for the order). */
        void add(Batch batch, long position) {
            int n = batch.rowCount();
            if (ids.length < n) {
                ids = new int[n];
            }
            EvalContext context = new EvalContext(n, 0);
            // the group table copies the keys it keeps: the key kernels' output arrays serve batch after batch
            keyOutputs.reuse();
            EvalContext keyContext = new EvalContext(n, 0);
            keyContext.state().put(OutputArrays.class, keyOutputs);
            Vector[] keys = new Vector[node.keys().size()];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = node.keys().get(k).evaluate(batch, keyContext);
            }
            int before = groups.groupCount();
            groups.assign(keys, n, ids);
            recordFirstRows(before, n, position);
            for (int a = 0; a < states.size(); a++) {
                List<BoundExpr> argExprs = node.aggregates().get(a).args();
                Vector[] args = new Vector[argExprs.size()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = argExprs.get(i).evaluate(batch, context);
                }
                GroupedAggregator state = states.get(a);
                state.ensureGroups(groups.groupCount());
                state.update(ids, args, n);
            }
        }

        /** New groups are numbered in order of their first row: the first row of each is the first with its id. */
        private void recordFirstRows(int before, int rows, long position) {
            int after = groups.groupCount();
            if (after == before) {
                return;
            }
            ensureFirstRows(after);
            for (int i = 0, next = before; i < rows && next < after; i++) {
                if (ids[i] == next) {
                    firstRows[next++] = position + i;
                }
            }
        }

        private void ensureFirstRows(int groupCount) {
            if (firstRows.length < groupCount) {
                int old = firstRows.length;
                firstRows = Arrays.copyOf(firstRows, Math.max(groupCount, old * 2));
                Arrays.fill(firstRows, old, firstRows.length, Long.MAX_VALUE);
            }
        }

        /** Adds the groups and states of {@code other} (over other rows) into these. */
        void merge(Grouping other) {
            int theirs = other.groups.groupCount();
            int[] map = new int[theirs];
            groups.assign(other.groups.keyVectors(), theirs, map); // builds (ends) the other's key columns
            int count = groups.groupCount();
            ensureFirstRows(count);
            for (int g = 0; g < theirs; g++) {
                firstRows[map[g]] = Math.min(firstRows[map[g]], other.firstRows[g]);
            }
            for (int a = 0; a < states.size(); a++) {
                states.get(a).ensureGroups(count);
                states.get(a).merge(other.states.get(a), map, theirs);
            }
        }

        List<Batch> finish(Parallel parallel, boolean reorder) {
            int count = groups.groupCount();
            Vector[] columns = new Vector[node.schema().size()];
            Vector[] keys = groups.keyVectors();
            System.arraycopy(keys, 0, columns, 0, keys.length);
            int c = keys.length;
            GroupedAggregator.GroupLoop loop = (groupCount, body) -> {
                int chunks = Math.min(groupCount, LOOP_CHUNKS);
                parallel.map(chunks, chunk -> {
                    for (int g = chunk; g < groupCount; g += chunks) {
                        body.accept(g);
                    }
                    return null;
                });
            };
            for (GroupedAggregator state : states) {
                state.ensureGroups(count);
                state.prepareFinish(count, loop);
                for (Vector v : state.finish(count)) {
                    columns[c++] = v;
                }
            }
            if (reorder) {
                int[] order = inputOrder(count);
                if (order != null) {
                    for (int i = 0; i < columns.length; i++) {
                        columns[i] = columns[i].select(order, count);
                    }
                }
            }
            return Batch.chunks(node.schema(), columns, count);
        }

        /** The groups by their first row in the input, or null when they are in that order already. */
        private int[] inputOrder(int count) {
            boolean sorted = true;
            for (int g = 1; g < count && sorted; g++) {
                sorted = firstRows[g - 1] <= firstRows[g];
            }
            if (sorted) {
                return null;
            }
            // every group but the row-less one of a summarize without by has a first row of its own: positions
            // are distinct, and a group's place is the rank of its position
            long[] positions = Arrays.copyOf(firstRows, count);
            Arrays.sort(positions);
            int[] order = new int[count];
            for (int g = 0; g < count; g++) {
                order[Arrays.binarySearch(positions, firstRows[g])] = g;
            }
            return order;
        }
    }
}

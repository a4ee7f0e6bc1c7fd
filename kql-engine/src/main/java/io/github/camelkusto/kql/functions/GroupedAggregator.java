package io.github.camelkusto.kql.functions;

import java.util.function.IntConsumer;

import io.github.camelkusto.kql.data.Vector;

/**
 * The state of one aggregate call over all groups of a summarize, kept in primitive arrays indexed by group id
 * and updated a batch (column) at a time. Not thread-safe: one per summarize execution, or one per thread when
 * the aggregate {@linkplain #mergeable() merges} partial states.
 */
public interface GroupedAggregator {

    /** Makes room for groups {@code [0, groupCount)}; called before an update that may use new group ids. */
    void ensureGroups(int groupCount);

    /** Adds rows {@code [0, rows)}: row {@code r} of each argument vector goes to group {@code groupIds[r]}. */
    void update(int[] groupIds, Vector[] args, int rows);

    /** The result: one vector of {@code groupCount} rows per output column. */
    Vector[] finish(int groupCount);

    /**
     * Whether states built over disjoint sets of rows, in any order, {@linkplain #merge merge} into exactly the
     * state of all the rows (count, integer sums, min, max, dcount): a summarize then splits its input across
     * threads. An aggregate whose result depends on the order of the rows (take_any, make_list) or on the order
     * of floating-point additions is not, and sees every row on one thread.
     */
    default boolean mergeable() {
        return false;
    }

    /**
     * Adds the state of {@code other} (the same aggregate, over other rows) into this one: its group {@code g}
     * into this state's group {@code groupMap[g]}, for {@code g} in {@code [0, otherGroups)}; this state has room
     * for every target group. {@code other} is not used afterwards (its objects may be taken over).
     */
    default void merge(GroupedAggregator other, int[] groupMap, int otherGroups) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not merge");
    }

    /**
     * Work on each group before {@link #finish} that may run on several threads at once, one group per call of
     * the loop's body (dcount's deduplication); none by default.
     */
    default void prepareFinish(int groupCount, GroupLoop loop) {
    }

    /** Runs {@code body} for every group of {@code [0, groupCount)}, possibly several groups at once. */
    @FunctionalInterface
    interface GroupLoop {
        void forEach(int groupCount, IntConsumer body);
    }
}

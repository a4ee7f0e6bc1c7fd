package io.github.camelkusto.kql.functions;

import io.github.camelkusto.kql.data.Vector;

/**
 * The state of one aggregate call over all groups of a summarize, kept in primitive arrays indexed by group id
 * and updated a batch (column) at a time. Not thread-safe: one per summarize execution.
 */
public interface GroupedAggregator {

    /** Makes room for groups {@code [0, groupCount)}; called before an update that may use new group ids. */
    void ensureGroups(int groupCount);

    /** Adds rows {@code [0, rows)}: row {@code r} of each argument vector goes to group {@code groupIds[r]}. */
    void update(int[] groupIds, Vector[] args, int rows);

    /** The result: one vector of {@code groupCount} rows per output column. */
    Vector[] finish(int groupCount);
}

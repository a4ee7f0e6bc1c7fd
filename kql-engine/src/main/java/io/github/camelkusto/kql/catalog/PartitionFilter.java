package io.github.camelkusto.kql.catalog;

/**
 * What a query's {@code where} lets the reader of an external table skip: the engine answers, for a partition
 * of the table, whether any of its rows may pass. The reader asks before it opens a partition's files.
 */
@FunctionalInterface
public interface PartitionFilter {
    /** Skips nothing: a query without a {@code where} on the table. */
    PartitionFilter NONE = (expression, low, high) -> true;

    /**
     * Whether a row whose partition expression has a value from {@code low} to {@code high} (inclusive; the same
     * for one value; the engine's values: {@code String}, {@code Long}, {@code java.time.Instant}) may pass the
     * query's {@code where}. False only when no such row can; true when the engine cannot tell.
     *
     * @param expression the partition's KQL over the table's columns, e.g. {@code bin(Timestamp, 1d)},
     *                   {@code hash(Id, 8)} or {@code Tenant}
     */
    boolean mayMatch(String expression, Object low, Object high);
}

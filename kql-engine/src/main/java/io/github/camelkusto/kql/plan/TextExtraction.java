package io.github.camelkusto.kql.plan;

import java.util.List;

import io.github.camelkusto.kql.data.Column;

/**
 * Columns read out of a text, row by row: what the {@code parse}, {@code parse-where} and {@code parse-kv}
 * operators add to their input ({@link PlanNode.Extract}). Immutable and thread-safe: patterns are compiled when
 * the query is bound.
 */
public interface TextExtraction {
    /** The columns it produces, in order. */
    List<Column> columns();

    /**
     * Fills {@code out} (one slot per column) with the values read from {@code text}, as contract values of each
     * column's type: an empty string for a string column and null for others when a value is not there.
     *
     * @return false when the text does not match at all (parse-where drops that row)
     */
    boolean extract(String text, Object[] out);
}

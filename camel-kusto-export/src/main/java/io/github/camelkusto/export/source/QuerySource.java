package io.github.camelkusto.export.source;

import io.github.camelkusto.export.kql.data.QueryResult;

/**
 * Where an export's rows come from. {@link #prepare} must check the query completely (syntax, tables,
 * columns) before returning, so that a bad query fails before anything is written; the rows themselves
 * are read only when the result's partitions are opened.
 */
public interface QuerySource {

    /**
     * @throws io.github.camelkusto.export.kql.KustoException when the query is not valid here
     */
    QueryResult prepare(String query);

    /** What to call this source in logs, e.g. {@code embedded database 'default'}. */
    String describe();
}

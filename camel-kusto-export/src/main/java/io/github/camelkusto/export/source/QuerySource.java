package io.github.camelkusto.export.source;

import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.exec.Cancellation;

/**
 * Where an export's rows come from. {@link #prepare} must check the query completely (syntax, tables,
 * columns) before returning, so that a bad query fails before anything is written; the rows themselves
 * are read only when the result's partitions are opened.
 */
public interface QuerySource {

    /**
     * @throws io.github.camelkusto.kql.KustoException when the query is not valid here
     */
    QueryResult prepare(String query);

    /**
     * {@link #prepare(String)} for a query that stops when {@code cancellation} says so, while it is prepared
     * and while its rows are read. A source that cannot stop its query (the default) leaves the deadline to the
     * export's writers, which check it between chunks.
     */
    default QueryResult prepare(String query, Cancellation cancellation) {
        return prepare(query);
    }

    /**
     * Checks that the source can run queries now, for the component's health check: the embedded engine always
     * can. A source on a remote cluster overrides this to reach the cluster with its credentials, failing with
     * an exception whose message names the cluster and never a secret.
     */
    default void checkReachable(Cancellation cancellation) throws Exception {
    }

    /** What to call this source in logs, e.g. {@code embedded database 'default'}. */
    String describe();

    /**
     * Frees what a prepared result holds before its partitions are read (a cluster's open response), for an
     * export that fails between {@link #prepare} and writing: partitions that are {@link AutoCloseable} are closed.
     */
    static void release(QueryResult result) {
        for (Partition partition : result.partitions()) {
            if (partition instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // releasing after a failure: the failure is what is reported
                }
            }
        }
    }
}

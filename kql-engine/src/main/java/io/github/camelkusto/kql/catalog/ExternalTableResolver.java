package io.github.camelkusto.kql.catalog;

import java.util.Optional;

/**
 * Finds the external tables {@code external_table('T')} reads: the embedding application knows where they are
 * stored and reads them; the engine knows nothing of storage.
 */
@FunctionalInterface
public interface ExternalTableResolver {
    ExternalTableResolver NONE = name -> Optional.empty();

    /**
     * The external table's rows as a table, empty when there is no external table of that name.
     *
     * @throws io.github.camelkusto.kql.KustoException when it exists and cannot be read
     */
    Optional<Table> resolve(String name);

    /**
     * The external table's rows that may pass {@code filter}: a resolver that knows the table's partitions skips
     * those the filter rules out (partition pruning); the query still applies its {@code where} to what is read.
     */
    default Optional<Table> resolve(String name, PartitionFilter filter) {
        return resolve(name);
    }
}

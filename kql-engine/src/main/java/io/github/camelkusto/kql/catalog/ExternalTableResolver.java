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
}

package io.github.camelkusto.kql.catalog;

import java.util.List;

import io.github.camelkusto.kql.data.Batch;

/**
 * Told of every change of a {@link KustoDatabase} before queries can see it, while the database holds its lock:
 * how an embedding application keeps the database durable. A change whose call throws is not made (and makes no
 * cursor).
 */
public interface DatabaseChanges {
    DatabaseChanges NONE = new DatabaseChanges() {
    };

    /** Extents (stamped with their ingestion) were added to {@code table}, which is the table with them. */
    default void ingested(Table table, List<Batch> extents) {
    }

    /** A table was created or replaced (schema and extents) by {@code table}. */
    default void replaced(Table table) {
    }

    default void dropped(String tableName) {
    }
}

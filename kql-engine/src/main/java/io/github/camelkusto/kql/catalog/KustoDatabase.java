package io.github.camelkusto.kql.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Schema;

/**
 * An in-memory Kusto database of the embedded engine. Thread-safe: tables are replaced atomically, so a
 * query sees a consistent snapshot of each table it reads. Register one in Camel's registry to share it.
 */
public final class KustoDatabase {
    private final String name;
    private final ConcurrentMap<String, Table> tables = new ConcurrentHashMap<>();
    private volatile ExternalTableResolver externalTables = ExternalTableResolver.NONE;

    public KustoDatabase(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Creates an empty table, or keeps the existing one when its schema is the same. */
    public Table createTable(String tableName, Schema schema) {
        return tables.compute(tableName, (n, existing) -> {
            if (existing != null && !existing.schema().equals(schema)) {
                throw new IllegalArgumentException(
                        "table " + n + " already exists with schema " + existing.schema() + ", not " + schema);
            }
            return existing != null ? existing : new Table(n, schema, List.of());
        });
    }

    /** Adds rows to a table as a new extent, creating the table if needed. */
    public void append(String tableName, Batch extent) {
        createTable(tableName, extent.schema());
        tables.computeIfPresent(tableName, (n, table) -> table.withExtent(extent));
    }

    /**
     * Adds extents to a table in one step, creating it with {@code schema} if needed: a query sees all of them
     * or none.
     */
    public void appendAll(String tableName, Schema schema, List<Batch> extents) {
        createTable(tableName, schema);
        tables.computeIfPresent(tableName, (n, table) -> {
            Table grown = table;
            for (Batch extent : extents) {
                grown = grown.withExtent(extent);
            }
            return grown;
        });
    }

    /** Creates or replaces a table, schema and rows. */
    public void put(Table table) {
        tables.put(table.name(), table);
    }

    /** Where {@code external_table('T')} finds its tables; none unless the embedding application sets one. */
    public void setExternalTables(ExternalTableResolver externalTables) {
        this.externalTables = externalTables;
    }

    public Optional<Table> externalTable(String tableName) {
        return externalTables.resolve(tableName);
    }

    public Optional<Table> table(String tableName) {
        return Optional.ofNullable(tables.get(tableName));
    }

    public boolean dropTable(String tableName) {
        return tables.remove(tableName) != null;
    }

    /** Tables sorted by name. */
    public List<Table> tables() {
        List<Table> sorted = new ArrayList<>(tables.values());
        sorted.sort(Comparator.comparing(Table::name));
        return sorted;
    }

    public Collection<String> tableNames() {
        return tables().stream().map(Table::name).toList();
    }

    @Override
    public String toString() {
        return "KustoDatabase[" + name + ", tables=" + tableNames() + "]";
    }
}

package io.github.camelkusto.kql.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Ingestion;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.Ticks;

/**
 * An in-memory Kusto database of the embedded engine. Thread-safe: tables are replaced atomically, so a
 * query sees a consistent snapshot of each table it reads. Register one in Camel's registry to share it.
 *
 * <p>Each ingestion (an append of extents, a table replaced with new rows) gets the next database cursor and its
 * time, stamped on its extents: {@code ingestion_time()} reads them, and a continuous export exports the extents
 * between two cursors. Changes are made one at a time, so a higher cursor never has an earlier time, and a
 * cursor is visible with all the rows it stamped.
 */
public final class KustoDatabase {
    private final String name;
    private final ConcurrentMap<String, Table> tables = new ConcurrentHashMap<>();
    private volatile ExternalTableResolver externalTables = ExternalTableResolver.NONE;
    private DatabaseChanges changes = DatabaseChanges.NONE;
    /** The last cursor made; guarded by this. */
    private long cursor;
    private Instant lastIngestion = Instant.EPOCH;

    public KustoDatabase(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Creates an empty table, or keeps the existing one when its schema is the same. */
    public synchronized Table createTable(String tableName, Schema schema) {
        Table existing = tables.get(tableName);
        if (existing != null) {
            if (!existing.schema().equals(schema)) {
                throw new IllegalArgumentException("table " + tableName + " already exists with schema "
                        + existing.schema() + ", not " + schema);
            }
            return existing;
        }
        Table created = new Table(tableName, schema, List.of());
        changes.replaced(created);
        tables.put(tableName, created);
        return created;
    }

    /** Adds rows to a table as a new extent, creating the table if needed. */
    public void append(String tableName, Batch extent) {
        appendAll(tableName, extent.schema(), List.of(extent));
    }

    /**
     * Adds extents to a table in one step, creating it with {@code schema} if needed: a query sees all of them
     * or none. They are one ingestion: one cursor, one time.
     */
    public synchronized void appendAll(String tableName, Schema schema, List<Batch> extents) {
        Table table = createTable(tableName, schema);
        if (extents.isEmpty()) {
            return;
        }
        Ingestion ingestion = next();
        List<Batch> stamped = extents.stream().map(e -> e.stamped(ingestion)).toList();
        Table grown = table.withExtents(stamped);
        changes.ingested(grown, stamped);
        tables.put(tableName, grown);
        cursor = ingestion.cursor();
        lastIngestion = ingestion.time();
    }

    /** Creates or replaces a table, schema and rows; extents not stamped yet are this change's ingestion. */
    public synchronized void put(Table table) {
        Ingestion ingestion = next();
        boolean ingests = table.extents().stream().anyMatch(e -> e.ingestion().isEmpty());
        Table stamped = ingests ? new Table(table.name(), table.schema(), table.extents().stream()
                .map(e -> e.ingestion().isPresent() ? e : e.stamped(ingestion)).toList()) : table;
        changes.replaced(stamped);
        tables.put(table.name(), stamped);
        if (ingests) {
            cursor = ingestion.cursor();
            lastIngestion = ingestion.time();
        }
    }

    /**
     * Puts back a table as it was kept (its extents stamped), without telling the {@link DatabaseChanges}: how a
     * durable database is loaded. The database cursor moves past the table's.
     */
    public synchronized void restore(Table table) {
        tables.put(table.name(), table);
        for (Batch extent : table.extents()) {
            extent.ingestion().ifPresent(i -> {
                cursor = Math.max(cursor, i.cursor());
                lastIngestion = lastIngestion.isAfter(i.time()) ? lastIngestion : i.time();
            });
        }
    }

    /**
     * Moves the database cursor to at least {@code last}'s, as a kept database was left (its tables may have been
     * dropped since): a cursor is never made twice.
     */
    public synchronized void restoreCursor(Ingestion last) {
        cursor = Math.max(cursor, last.cursor());
        lastIngestion = lastIngestion.isAfter(last.time()) ? lastIngestion : last.time();
    }

    /** The next ingestion: the next cursor, now (to the tick), or the last ingestion's time if the clock went back. */
    private Ingestion next() {
        Instant now = Ticks.toInstant(Ticks.of(Instant.now()));
        return new Ingestion(cursor + 1, now.isBefore(lastIngestion) ? lastIngestion : now);
    }

    /** The last cursor made: every ingestion up to it is visible; {@code 0} before the first. */
    public synchronized long cursor() {
        return cursor;
    }

    /** Where changes are reported before they are made (a durable copy); none by default. */
    public synchronized void setChanges(DatabaseChanges changes) {
        this.changes = changes == null ? DatabaseChanges.NONE : changes;
    }

    /**
     * A read-only copy of this database (same tables, same external tables) in which the given tables replace
     * theirs: how a query runs over part of a table's extents ({@link Table#ingestedBetween}).
     */
    public KustoDatabase view(Map<String, Table> replaced) {
        KustoDatabase view = new KustoDatabase(name);
        view.tables.putAll(tables);
        view.tables.putAll(replaced);
        view.externalTables = externalTables;
        view.cursor = cursor();
        return view;
    }

    /** Where {@code external_table('T')} finds its tables; none unless the embedding application sets one. */
    public void setExternalTables(ExternalTableResolver externalTables) {
        this.externalTables = externalTables;
    }

    public Optional<Table> externalTable(String tableName) {
        return externalTables.resolve(tableName);
    }

    /** An external table's rows, without the partitions {@code filter} rules out. */
    public Optional<Table> externalTable(String tableName, PartitionFilter filter) {
        return externalTables.resolve(tableName, filter);
    }

    public Optional<Table> table(String tableName) {
        return Optional.ofNullable(tables.get(tableName));
    }

    public synchronized boolean dropTable(String tableName) {
        if (!tables.containsKey(tableName)) {
            return false;
        }
        changes.dropped(tableName);
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

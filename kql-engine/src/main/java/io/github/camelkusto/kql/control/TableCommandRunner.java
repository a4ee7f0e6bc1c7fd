package io.github.camelkusto.kql.control;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.Suggestions;
import io.github.camelkusto.kql.catalog.ExtentBuilder;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.catalog.Table;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.exec.Deadline;
import io.github.camelkusto.kql.exec.QueryEngine;
import io.github.camelkusto.kql.format.IngestFormat;
import io.github.camelkusto.kql.format.RecordReaders;
import io.github.camelkusto.kql.syntax.KustoSyntaxException;
import io.github.camelkusto.kql.types.KqlType;

/**
 * Runs table commands on a database. Each command changes the database atomically: rows are read (or the query
 * run) into new extents first, and the table is replaced in one step, so a failing ingestion leaves the table as
 * it was and queries never see half of an ingestion.
 */
public final class TableCommandRunner {
    /** What {@code .create table}, {@code .show table T schema} return: the table and its schema, csl-style. */
    public static final Schema SCHEMA_TABLE = Schema.of(new Column("TableName", KqlType.STRING),
            new Column("Schema", KqlType.STRING), new Column("DatabaseName", KqlType.STRING));
    /** What {@code .show tables} and {@code .drop table} (the tables that remain, as ADX does) return. */
    public static final Schema TABLES_TABLE = Schema.of(new Column("TableName", KqlType.STRING),
            new Column("DatabaseName", KqlType.STRING));
    /** What ingestion and the {@code .set} family return: one row per extent written. */
    public static final Schema EXTENTS_TABLE = Schema.of(new Column("ExtentId", KqlType.GUID),
            new Column("ItemLoaded", KqlType.STRING), new Column("Duration", KqlType.TIMESPAN),
            new Column("HasErrors", KqlType.BOOL), new Column("OperationId", KqlType.GUID),
            new Column("RowCount", KqlType.LONG));

    private final KustoDatabase database;
    private final QueryEngine engine;

    public TableCommandRunner(KustoDatabase database, QueryEngine engine) {
        this.database = database;
        this.engine = engine;
    }

    public ResultTable run(TableCommand command) {
        if (command instanceof TableCommand.CreateTable create) {
            return create(create);
        }
        if (command instanceof TableCommand.DropTable drop) {
            return drop(drop);
        }
        if (command instanceof TableCommand.ShowTableSchema show) {
            return schemaRow(existing(show.table()));
        }
        if (command instanceof TableCommand.IngestInline inline) {
            return ingestInline(inline);
        }
        if (command instanceof TableCommand.IngestFrom files) {
            return ingestFiles(files);
        }
        return store((TableCommand.StoreQueryResult) command);
    }

    private ResultTable create(TableCommand.CreateTable create) {
        var existing = database.table(create.table());
        Table table = existing
                .map(t -> create.merge() ? merged(t, create.schema()) : sameSchema(t, create))
                .orElseGet(() -> new Table(create.table(), create.schema(), List.of()));
        if (existing.isEmpty() || existing.get() != table) {
            database.put(table);
        }
        return schemaRow(table);
    }

    private static Table sameSchema(Table existing, TableCommand.CreateTable create) {
        if (!existing.schema().equals(create.schema())) {
            throw new KustoException("table '" + existing.name() + "' already exists with schema " + existing.schema()
                    + ", not " + create.schema() + " (use .create-merge table to add columns)");
        }
        return existing;
    }

    /** Kusto's create-merge: new columns are added at the end; a column may not change its type. */
    private static Table merged(Table existing, Schema requested) {
        List<Column> columns = new ArrayList<>(existing.schema().columns());
        for (Column column : requested.columns()) {
            var at = existing.schema().indexOf(column.name());
            if (at.isEmpty()) {
                columns.add(column);
            } else if (existing.schema().column(at.get()).type() != column.type()) {
                throw new KustoException("column '" + column.name() + "' of table '" + existing.name() + "' is "
                        + existing.schema().column(at.get()).type() + ": .create-merge cannot change it to "
                        + column.type());
            }
        }
        if (columns.size() == existing.schema().size()) {
            return existing;
        }
        Schema schema = new Schema(columns);
        int oldWidth = existing.schema().size();
        List<Batch> extents = new ArrayList<>();
        for (Batch extent : existing.extents()) {
            // extent by extent, so that each keeps its ingestion (time and cursor)
            ExtentBuilder widened = new ExtentBuilder(schema);
            for (int r = 0; r < extent.rowCount(); r++) {
                Object[] row = new Object[schema.size()];
                for (int c = 0; c < schema.size(); c++) {
                    row[c] = c < oldWidth ? extent.value(c, r) : emptyValue(schema.column(c).type());
                }
                widened.add(row);
            }
            for (Batch rows : widened.extents()) {
                extents.add(extent.ingestion().map(rows::stamped).orElse(rows));
            }
        }
        return new Table(existing.name(), schema, extents);
    }

    private static Object emptyValue(KqlType type) {
        return type == KqlType.STRING ? "" : null; // Kusto strings are never null
    }

    /** {@code .show tables}: every table of the database, by name. */
    public ResultTable showTables() {
        return new ResultTable(TABLES_TABLE, database.tables().stream()
                .map(t -> List.<Object>of(t.name(), database.name())).toList());
    }

    private ResultTable drop(TableCommand.DropTable drop) {
        if (!database.dropTable(drop.table()) && !drop.ifExists()) {
            throw unknownTable(drop.table(), " (add 'ifexists' to ignore a missing table)");
        }
        return showTables();
    }

    private ResultTable ingestInline(TableCommand.IngestInline inline) {
        Table table = existing(inline.table());
        long started = System.nanoTime();
        ExtentBuilder extents = new ExtentBuilder(table.schema());
        try (Reader in = new StringReader(inline.data())) {
            RecordReaders.read(inline.format(), in, table.schema(), false, "inline records", extents::add);
        } catch (IOException e) {
            throw new KustoException("cannot read the inline records: " + KustoException.reason(e), e);
        }
        List<Batch> added = extents.extents();
        database.appendAll(table.name(), table.schema(), added);
        return extentRows(added, "inline", started);
    }

    private ResultTable ingestFiles(TableCommand.IngestFrom ingest) {
        Table table = existing(ingest.table());
        List<List<Object>> rows = new ArrayList<>();
        List<Batch> all = new ArrayList<>();
        for (String source : ingest.sources()) {
            long started = System.nanoTime();
            Path file = localFile(source);
            ExtentBuilder extents = new ExtentBuilder(table.schema());
            RecordReaders.readFile(ingest.format(), file, table.schema(), ingest.ignoreFirstRecord(), extents::add);
            List<Batch> added = extents.extents();
            all.addAll(added);
            rows.addAll(extentRows(added, file.toString(), started).rows());
        }
        database.appendAll(table.name(), table.schema(), all);
        return new ResultTable(EXTENTS_TABLE, rows);
    }

    /** A local file from a plain path or a {@code file://} URL; other schemes are refused, the value unshown. */
    private static Path localFile(String source) {
        Path file;
        try {
            if (source.regionMatches(true, 0, "file:", 0, 5)) {
                file = Path.of(URI.create(source));
            } else if (source.matches("(?i)[a-z][a-z0-9+.-]*://.*")) {
                throw new KustoException("cannot ingest from '" + source.substring(0, source.indexOf(':'))
                        + "://...' : the embedded database ingests local files only (a path or a file:// URL)");
            } else {
                file = Path.of(source);
            }
        } catch (IllegalArgumentException e) { // also InvalidPathException
            throw new KustoException("not a valid local file path or file:// URL: " + KustoException.reason(e));
        }
        if (!Files.isRegularFile(file)) {
            throw new KustoException("no file to ingest at " + file.toAbsolutePath());
        }
        return file;
    }

    private ResultTable store(TableCommand.StoreQueryResult store) {
        long started = System.nanoTime();
        QueryResult result;
        try {
            // ADX's default timeout of a control command; the request's servertimeout is to replace it once parsed.
            result = engine.prepare(store.query(), Deadline.after(Deadline.CONTROL_COMMAND_DEFAULT, "servertimeout"));
        } catch (KustoSyntaxException e) {
            throw e.within(store.text(), store.queryStart());
        }
        var existing = database.table(store.table());
        switch (store.mode()) {
            case SET -> existing.ifPresent(t -> {
                throw new KustoException(".set: table '" + t.name() + "' already exists (use .set-or-append or"
                        + " .set-or-replace)");
            });
            case APPEND -> existing.orElseThrow(() -> unknownTable(store.table(),
                    " (.set-or-append creates it)"));
            default -> {
            }
        }
        if (store.mode() != TableCommand.StoreMode.SET_OR_REPLACE) {
            existing.ifPresent(t -> requireSameSchema(t, result.schema(), store.mode()));
        }
        ExtentBuilder extents = new ExtentBuilder(result.schema());
        for (Partition partition : result.partitions()) {
            try (BatchStream batches = partition.open()) {
                for (Batch batch = batches.next(); batch != null; batch = batches.next()) {
                    extents.addAll(batch);
                }
            }
        }
        List<Batch> added = extents.extents();
        if (store.mode() == TableCommand.StoreMode.SET_OR_REPLACE) {
            database.put(new Table(store.table(), result.schema(), added));
        } else {
            database.appendAll(store.table(), result.schema(), added);
        }
        return extentRows(added, store.mode().command(), started);
    }

    private static void requireSameSchema(Table table, Schema schema, TableCommand.StoreMode mode) {
        if (!table.schema().equals(schema)) {
            throw new KustoException(mode.command() + ": the query's columns " + schema + " differ from table '"
                    + table.name() + "' " + table.schema() + " (use .set-or-replace to replace the table)");
        }
    }

    private Table existing(String name) {
        return database.table(name).orElseThrow(() -> unknownTable(name, ""));
    }

    private KustoException unknownTable(String name, String hint) {
        var names = database.tableNames();
        return new KustoException("unknown table '" + name + "'" + Suggestions.didYouMean(name, names)
                + " in database " + database.name() + " (tables: " + (names.isEmpty() ? "none" : String.join(", ",
                names)) + ")" + hint);
    }

    private ResultTable schemaRow(Table table) {
        return new ResultTable(SCHEMA_TABLE, List.of(List.of(table.name(), cslSchema(table.schema()),
                database.name())));
    }

    /** Kusto's csl schema text: {@code a:string, b:long}. */
    static String cslSchema(Schema schema) {
        String text = schema.toString(); // "(a:string, b:long)"
        return text.substring(1, text.length() - 1);
    }

    private static ResultTable extentRows(List<Batch> extents, String item, long startedNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
        UUID operation = UUID.randomUUID();
        List<List<Object>> rows = new ArrayList<>();
        for (Batch extent : extents) {
            rows.add(List.of(UUID.randomUUID(), item, took, false, operation, (long) extent.rowCount()));
        }
        return new ResultTable(EXTENTS_TABLE, rows);
    }
}

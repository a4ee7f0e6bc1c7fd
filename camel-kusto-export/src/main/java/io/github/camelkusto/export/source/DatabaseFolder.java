package io.github.camelkusto.export.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.catalog.DatabaseChanges;
import io.github.camelkusto.kql.catalog.ExtentBuilder;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.catalog.Table;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Ingestion;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.format.IngestFormat;
import io.github.camelkusto.kql.format.RecordReaders;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded database in a folder, so that its tables, their rows and each extent's ingestion (cursor
 * and time) are back after a restart, a crash included. Each extent is a JSON-lines file under {@code extents/},
 * forced to disk before the line of {@value #LOG} that makes it part of a table; that line is forced to disk
 * before the change is visible to queries. A change whose line was not written is not there after a restart (its
 * files are removed), as it was never seen. Values are kept as the engine's JSON ingestion reads them back.
 */
public final class DatabaseFolder implements DatabaseChanges, AutoCloseable {
    public static final String LOG = "database.jsonl";
    private static final String EXTENTS = "extents";
    private static final ObjectMapper JSON = DurableLog.JSON;
    private static final Logger LOGGER = LoggerFactory.getLogger(DatabaseFolder.class);

    private final Path folder;
    private DurableLog log;
    private List<String> loaded;
    /** The ingestion with the highest cursor the log names, dropped tables' included. */
    private Ingestion lastIngestion;

    private DatabaseFolder(Path folder) {
        this.folder = folder;
    }

    /** Whether {@code folder} already keeps a database. */
    public static boolean exists(Path folder) {
        return Files.exists(folder.resolve(LOG));
    }

    /** Loads the tables kept in {@code folder} into {@code database} and keeps every later change there. */
    public static DatabaseFolder open(Path folder, KustoDatabase database) {
        DatabaseFolder kept = new DatabaseFolder(folder);
        try {
            Files.createDirectories(folder.resolve(EXTENTS));
            Map<String, Schema> schemas = new LinkedHashMap<>();
            Map<String, List<JsonNode>> extents = new LinkedHashMap<>();
            kept.log = DurableLog.open("Database log", folder.resolve(LOG),
                    line -> kept.replay(line, schemas, extents));
            Map<String, Table> tables = kept.tables(schemas, extents);
            tables.values().forEach(database::restore);
            if (kept.lastIngestion != null) {
                database.restoreCursor(kept.lastIngestion); // also that of a table dropped since
            }
            database.setChanges(kept);
            kept.loaded = List.copyOf(tables.keySet());
            return kept;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the database folder " + folder, e);
        }
    }

    /** The tables that were loaded when it was opened. */
    public List<String> loaded() {
        return loaded;
    }

    /** Replays the log: the tables as its last whole line left them. */
    private void replay(JsonNode line, Map<String, Schema> schemas, Map<String, List<JsonNode>> extents) {
        String table = line.path("table").asText();
        for (JsonNode extent : line.path("extents")) {
            Ingestion ingestion = ingestion(extent);
            lastIngestion = lastIngestion == null || ingestion.cursor() > lastIngestion.cursor() ? ingestion
                    : lastIngestion;
        }
        switch (line.path("event").asText()) {
            case "replaced" -> {
                schemas.put(table, schema(line.path("schema")));
                extents.put(table, new ArrayList<>());
                line.path("extents").forEach(extents.get(table)::add);
            }
            case "ingested" -> {
                if (extents.containsKey(table)) {
                    line.path("extents").forEach(extents.get(table)::add);
                }
            }
            case "dropped" -> {
                schemas.remove(table);
                extents.remove(table);
            }
            default -> LOGGER.warn("Database folder {}: unknown line skipped", folder);
        }
    }

    /** The tables of the replayed log; extent files no line names (a change not made) are removed. */
    private Map<String, Table> tables(Map<String, Schema> schemas, Map<String, List<JsonNode>> extents)
            throws IOException {
        Set<String> used = new HashSet<>();
        Map<String, Table> tables = new LinkedHashMap<>();
        for (Map.Entry<String, Schema> table : schemas.entrySet()) {
            List<Batch> batches = new ArrayList<>();
            for (JsonNode extent : extents.get(table.getKey())) {
                String name = extent.path("file").asText();
                used.add(name);
                Ingestion ingestion = ingestion(extent);
                ExtentBuilder rows = new ExtentBuilder(table.getValue());
                RecordReaders.readFile(IngestFormat.JSON, folder.resolve(EXTENTS).resolve(name), table.getValue(),
                        false, rows::add);
                rows.extents().forEach(b -> batches.add(b.stamped(ingestion)));
            }
            tables.put(table.getKey(), new Table(table.getKey(), table.getValue(), batches));
        }
        try (Stream<Path> files = Files.list(folder.resolve(EXTENTS))) {
            for (Path unused : files.filter(f -> !used.contains(f.getFileName().toString())).toList()) {
                Files.deleteIfExists(unused);
            }
        }
        return tables;
    }

    private static Ingestion ingestion(JsonNode extent) {
        return new Ingestion(extent.path("cursor").asLong(), Instant.parse(extent.path("time").asText()));
    }

    private static Schema schema(JsonNode columns) {
        List<Column> list = new ArrayList<>();
        for (JsonNode column : columns) {
            list.add(new Column(column.path("name").asText(), KqlType.byName(column.path("type").asText())
                    .orElseThrow(() -> new KustoException("unknown type " + column.path("type")))));
        }
        return new Schema(list);
    }

    @Override
    public void ingested(Table table, List<Batch> extents) {
        ObjectNode line = JSON.createObjectNode().put("event", "ingested").put("table", table.name());
        writeExtents(line.putArray("extents"), table.schema(), extents);
        append(line);
    }

    @Override
    public void replaced(Table table) {
        ObjectNode line = JSON.createObjectNode().put("event", "replaced").put("table", table.name());
        ArrayNode columns = line.putArray("schema");
        table.schema().columns().forEach(c -> columns.addObject().put("name", c.name())
                .put("type", c.type().kustoName()));
        writeExtents(line.putArray("extents"), table.schema(), table.extents());
        append(line);
    }

    @Override
    public void dropped(String tableName) {
        append(JSON.createObjectNode().put("event", "dropped").put("table", tableName));
    }

    private void writeExtents(ArrayNode list, Schema schema, List<Batch> extents) {
        for (Batch extent : extents) {
            String name = UUID.randomUUID() + ".json";
            StringBuilder rows = new StringBuilder();
            for (int row = 0; row < extent.rowCount(); row++) {
                ObjectNode record = JSON.createObjectNode();
                for (int c = 0; c < schema.size(); c++) {
                    Object value = extent.value(c, row);
                    record.set(schema.column(c).name(), json(value));
                }
                rows.append(record).append('\n');
            }
            write(folder.resolve(EXTENTS).resolve(name), rows.toString(), StandardOpenOption.CREATE_NEW);
            Ingestion ingestion = extent.ingestion().orElseThrow();
            list.addObject().put("file", name).put("cursor", ingestion.cursor())
                    .put("time", ingestion.time().toString());
        }
    }

    /**
     * A value as the JSON ingestion reads it back the same: decimals as text (a JSON number would lose their
     * scale), non-finite reals as their names, the rest as the engine's JSON.
     */
    private static JsonNode json(Object value) {
        if (value == null) {
            return JSON.getNodeFactory().nullNode();
        }
        if (value instanceof java.math.BigDecimal || value instanceof Double d && !Double.isFinite(d)) {
            return JSON.getNodeFactory().textNode(KqlValues.render(value));
        }
        return KqlValues.toJson(value);
    }

    private void append(ObjectNode line) {
        log.append(line);
    }

    private static void write(Path file, String text, StandardOpenOption mode) {
        try (FileChannel out = FileChannel.open(file, mode, StandardOpenOption.WRITE)) {
            DurableLog.writeAll(out, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        if (log != null) {
            log.close();
        }
    }
}

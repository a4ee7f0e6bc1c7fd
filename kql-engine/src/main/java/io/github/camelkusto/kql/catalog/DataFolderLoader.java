package io.github.camelkusto.kql.catalog;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.format.IngestFormat;
import io.github.camelkusto.kql.format.ParquetRecords;
import io.github.camelkusto.kql.format.RecordReaders;
import io.github.camelkusto.kql.types.KqlType;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Loads a data folder into a database: every {@code <Table>.csv}, {@code <Table>.tsv}, {@code <Table>.json} and
 * {@code <Table>.parquet} file becomes table {@code <Table>}, read by the readers of {@code .ingest}. The schema:
 * <ul>
 * <li>csv, tsv: the first line names the columns as {@code name:type} ({@code :string} when the type is left
 * out); the other lines are rows in Kusto's text form (empty field = null);</li>
 * <li>json (JSON lines, properties by column name): the one line {@code name:type, ...} of {@code <Table>.schema}
 * or, without one, the properties of the first object, each typed by its JSON value: a string is a string (no
 * guessing of dates), an integral number a long, another number a real, true/false a bool, an object, array or
 * null a dynamic;</li>
 * <li>parquet: the file's own column types ({@code <Table>.schema} may override them, e.g. to read ticks as a
 * timespan or text as a guid).</li>
 * </ul>
 * Two files naming one table are refused, as is a {@code .schema} file beside a csv or tsv file or no file at all.
 * Each table is loaded whole or not at all.
 */
public final class DataFolderLoader {
    private static final String SCHEMA_SUFFIX = ".schema";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DataFolderLoader() {
    }

    /** A table's data file and its format. */
    private record DataFile(Path file, IngestFormat format) {
    }

    /** Loads every data file of {@code folder} into {@code database}; returns the names of the tables. */
    public static List<String> load(Path folder, KustoDatabase database) {
        if (!Files.isDirectory(folder)) {
            throw new KustoException("data folder " + folder.toAbsolutePath() + " does not exist or is not a folder");
        }
        Map<String, DataFile> tables = new TreeMap<>();
        Map<String, Path> schemaFiles = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                int dot = name.lastIndexOf('.');
                if (dot <= 0) {
                    continue;
                }
                String table = name.substring(0, dot);
                String extension = name.substring(dot + 1).toLowerCase(Locale.ROOT);
                if (extension.equals(SCHEMA_SUFFIX.substring(1))) {
                    schemaFiles.put(table, file);
                    continue;
                }
                Optional<IngestFormat> format = IngestFormat.byName(extension)
                        .filter(f -> f.kustoName().equals(extension));
                if (format.isEmpty()) {
                    continue; // not a data file (a README, a .gitkeep)
                }
                DataFile other = tables.putIfAbsent(table, new DataFile(file, format.get()));
                if (other != null) {
                    throw new KustoException("data folder " + folder.toAbsolutePath() + ": both "
                            + other.file().getFileName() + " and " + name + " name table '" + table + "'");
                }
            }
            for (var schemaFile : schemaFiles.entrySet()) {
                DataFile data = tables.get(schemaFile.getKey());
                if (data == null || data.format() == IngestFormat.CSV || data.format() == IngestFormat.TSV) {
                    throw new KustoException(schemaFile.getValue() + ": a schema file describes " + schemaFile.getKey()
                            + ".json or " + schemaFile.getKey() + ".parquet, "
                            + (data == null ? "but there is none" : "but " + data.file().getFileName()
                            + " names its columns in its header line"));
                }
            }
            List<String> loaded = new ArrayList<>();
            for (var table : tables.entrySet()) {
                load(table.getKey(), table.getValue(), Optional.ofNullable(schemaFiles.get(table.getKey())), database);
                loaded.add(table.getKey());
            }
            return loaded;
        } catch (IOException e) {
            throw new KustoException("cannot read data folder " + folder.toAbsolutePath() + ": " + KustoException.reason(e), e);
        }
    }

    private static void load(String tableName, DataFile data, Optional<Path> schemaFile, KustoDatabase database)
            throws IOException {
        Path file = data.file();
        Schema schema = schemaFile.isPresent() ? schemaLine(schemaFile.get()) : switch (data.format()) {
            case CSV, TSV -> headerSchema(file, data.format());
            case JSON -> firstObjectSchema(file);
            case PARQUET -> ParquetRecords.schemaOf(file);
        };
        ExtentBuilder extents = new ExtentBuilder(schema);
        boolean header = data.format() == IngestFormat.CSV || data.format() == IngestFormat.TSV;
        RecordReaders.readFile(data.format(), file, schema, header, extents::add);
        database.appendAll(tableName, schema, extents.extents());
    }

    private static Schema headerSchema(Path file, IngestFormat format) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = RecordReaders.delimited(format).parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new KustoException(file + ": empty file, expected a header line of name:type columns");
            }
            return columns(records.next().toList(), file);
        }
    }

    /** The one line {@code name:type, ...} of a {@code .schema} file (parentheses around it are allowed). */
    private static Schema schemaLine(Path schemaFile) throws IOException {
        String line = Files.readString(schemaFile, StandardCharsets.UTF_8).strip();
        if (line.startsWith("(") && line.endsWith(")")) {
            line = line.substring(1, line.length() - 1);
        }
        if (line.isEmpty() || line.contains("\n")) {
            throw new KustoException(schemaFile + ": expected one line of name:type columns, e.g. 'a:long, b:string'");
        }
        return columns(List.of(line.split(",")), schemaFile);
    }

    private static Schema columns(List<String> fields, Path file) {
        List<Column> columns = new ArrayList<>();
        for (String field : fields) {
            String[] nameAndType = field.trim().split(":", 2);
            KqlType type = nameAndType.length == 1 ? KqlType.STRING : KqlType.byName(nameAndType[1].trim())
                    .orElseThrow(() -> new KustoException(file + ": column '" + field.trim() + "' has an unknown type"
                            + " (valid types: " + KqlType.validNames() + ")"));
            columns.add(new Column(nameAndType[0].trim(), type));
        }
        return new Schema(columns);
    }

    /** Each property of the first JSON object, typed by its value (see the class comment). */
    private static Schema firstObjectSchema(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<JsonNode> records = JSON.readerFor(JsonNode.class).readValues(reader)) {
            if (!records.hasNextValue()) {
                throw new KustoException(file + ": empty file, expected JSON objects (or a "
                        + file.getFileName().toString().replaceFirst("\\.json$", SCHEMA_SUFFIX) + " file)");
            }
            JsonNode first = records.nextValue();
            if (!first.isObject()) {
                throw new KustoException(file + " record 1: expected a JSON object but found "
                        + first.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            List<Column> columns = new ArrayList<>();
            first.properties().forEach(p -> columns.add(new Column(p.getKey(), jsonType(p.getValue()))));
            return new Schema(columns);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new KustoException(file + " record 1: not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static KqlType jsonType(JsonNode value) {
        if (value.isTextual()) {
            return KqlType.STRING;
        }
        if (value.isIntegralNumber()) {
            return KqlType.LONG;
        }
        if (value.isNumber()) {
            return KqlType.REAL;
        }
        return value.isBoolean() ? KqlType.BOOL : KqlType.DYNAMIC;
    }
}

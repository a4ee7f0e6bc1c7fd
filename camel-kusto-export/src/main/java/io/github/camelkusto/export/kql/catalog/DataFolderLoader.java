package io.github.camelkusto.export.kql.catalog;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.camelkusto.export.kql.KustoException;
import io.github.camelkusto.export.kql.data.Batch;
import io.github.camelkusto.export.kql.data.Column;
import io.github.camelkusto.export.kql.data.Schema;
import io.github.camelkusto.export.kql.types.KqlType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Loads a data folder into a database: every {@code <Table>.csv} file becomes table {@code <Table>}. The
 * first line names the columns as {@code name:type} ({@code :string} when the type is left out); the other
 * lines are rows in Kusto's text form (empty field = null). Rows are stored in extents of
 * {@value #EXTENT_ROWS} rows.
 */
public final class DataFolderLoader {
    static final int EXTENT_ROWS = 65_536;

    private DataFolderLoader() {
    }

    /** Loads every {@code *.csv} of {@code folder} into {@code database}; returns the names of the tables. */
    public static List<String> load(Path folder, KustoDatabase database) {
        if (!Files.isDirectory(folder)) {
            throw new KustoException("data folder " + folder.toAbsolutePath() + " does not exist or is not a folder");
        }
        List<String> loaded = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList()) {
                loaded.add(loadCsv(file, database));
            }
        } catch (IOException e) {
            throw new KustoException("cannot read data folder " + folder.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        return loaded;
    }

    static String loadCsv(Path file, KustoDatabase database) throws IOException {
        String fileName = file.getFileName().toString();
        String tableName = fileName.substring(0, fileName.length() - ".csv".length());
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw new KustoException(file + ": empty file, expected a header line of name:type columns");
            }
            Schema schema = schemaOf(records.next(), file);
            database.createTable(tableName, schema);
            Batch.Builder extent = Batch.builder(schema);
            while (records.hasNext()) {
                CSVRecord record = records.next();
                extent.addRow(rowOf(record, schema, file));
                if (extent.rowCount() == EXTENT_ROWS) {
                    database.append(tableName, extent.build());
                }
            }
            if (extent.rowCount() > 0) {
                database.append(tableName, extent.build());
            }
        }
        return tableName;
    }

    private static Schema schemaOf(CSVRecord header, Path file) {
        List<Column> columns = new ArrayList<>();
        for (String field : header) {
            String[] nameAndType = field.trim().split(":", 2);
            KqlType type = nameAndType.length == 1 ? KqlType.STRING : KqlType.byName(nameAndType[1].trim())
                    .orElseThrow(() -> new KustoException(file + ": column '" + field + "' has an unknown type"
                            + " (valid types: " + KqlType.validNames() + ")"));
            columns.add(new Column(nameAndType[0].trim(), type));
        }
        return new Schema(columns);
    }

    private static Object[] rowOf(CSVRecord record, Schema schema, Path file) {
        return TextRecords.row(schema, record.toList(), file + " line " + parserLine(record));
    }

    private static long parserLine(CSVRecord record) {
        return record.getRecordNumber() + 1;
    }
}

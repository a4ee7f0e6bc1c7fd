package io.github.camelkusto.kql.format;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlValues;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads text records of an ingestion format into rows of a table, streaming: csv and tsv through Commons CSV
 * (fields by position, Kusto's text form, empty = null), json as JSON lines or concatenated objects through
 * Jackson (properties by column name, missing or null = null).
 */
public final class RecordReaders {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CSVFormat TSV = CSVFormat.RFC4180.builder().setDelimiter('\t').get();

    private RecordReaders() {
    }

    /** How Commons CSV reads records of a text format: RFC 4180, with a tab between tsv fields. */
    public static CSVFormat delimited(IngestFormat format) {
        return switch (format) {
            case CSV -> CSVFormat.RFC4180;
            case TSV -> TSV;
            default -> throw new IllegalArgumentException(format.kustoName() + " is not a delimited format");
        };
    }

    /**
     * Reads every record of {@code in}, handing each row to {@code rows}.
     *
     * @param origin   what the records are, for errors: {@code inline records}, a file name
     * @param skipFirst drop the first record (a header line)
     */
    public static void read(IngestFormat format, Reader in, Schema schema, boolean skipFirst, String origin,
            Consumer<Object[]> rows) throws IOException {
        switch (format) {
            case CSV, TSV -> delimited(delimited(format), in, schema, skipFirst, origin, rows);
            case JSON -> json(in, schema, skipFirst, origin, rows);
            case PARQUET -> throw new IllegalArgumentException("parquet is not a text format: see ParquetRecords");
        }
    }

    /**
     * Reads every record of {@code file} in {@code format}, handing each row to {@code rows}: the one entry of
     * {@code .ingest} and data folders. Text is UTF-8; parquet is read by {@link ParquetRecords}.
     *
     * @param skipFirst drop the first record (a header line; ignored for parquet)
     */
    public static void readFile(IngestFormat format, Path file, Schema schema, boolean skipFirst,
            Consumer<Object[]> rows) {
        if (format == IngestFormat.PARQUET) {
            ParquetRecords.read(file, schema, rows);
            return;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read(format, in, schema, skipFirst, file.getFileName().toString(), rows);
        } catch (IOException e) {
            throw new KustoException("cannot read " + file + ": " + KustoException.reason(e), e);
        }
    }

    private static void delimited(CSVFormat csv, Reader in, Schema schema, boolean skipFirst, String origin,
            Consumer<Object[]> rows) throws IOException {
        try (CSVParser parser = csv.parse(in)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (skipFirst && records.hasNext()) {
                records.next();
            }
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (record.size() == 1 && record.get(0).isEmpty() && schema.size() != 1) {
                    continue; // a blank line is no record, except of a one-column table: its empty value
                }
                rows.accept(TextRecords.row(schema, record.toList(),
                        origin + " record " + record.getRecordNumber()));
            }
        } catch (java.io.UncheckedIOException e) {
            throw new KustoException(origin + ": not valid " + (csv == TSV ? "tsv" : "csv") + ": "
                    + e.getCause().getMessage());
        }
    }

    private static void json(Reader in, Schema schema, boolean skipFirst, String origin, Consumer<Object[]> rows)
            throws IOException {
        long number = 0;
        try (JsonParser parser = JSON.createParser(in);
             MappingIterator<JsonNode> records = JSON.readerFor(JsonNode.class).readValues(parser)) {
            while (records.hasNextValue()) {
                JsonNode record = records.nextValue();
                number++;
                if (skipFirst && number == 1) {
                    continue;
                }
                if (!record.isObject()) {
                    throw new KustoException(origin + " record " + number + ": expected a JSON object but found "
                            + record.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
                }
                rows.accept(jsonRow(schema, record, origin + " record " + number));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new KustoException(origin + " record " + (number + 1) + ": not valid JSON: "
                    + e.getOriginalMessage());
        }
    }

    private static Object[] jsonRow(Schema schema, JsonNode record, String where) {
        Object[] row = new Object[schema.size()];
        for (int c = 0; c < row.length; c++) {
            Column column = schema.column(c);
            JsonNode value = record.get(column.name());
            try {
                row[c] = jsonValue(column, value);
            } catch (IllegalArgumentException e) {
                throw new KustoException(where + ", column " + column.name() + ": " + KustoException.reason(e));
            }
        }
        return row;
    }

    /** A JSON value as a value of the column's type: JSON numbers and booleans as such, anything as text. */
    private static Object jsonValue(Column column, JsonNode value) {
        if (value == null || value.isNull()) {
            return switch (column.type()) {
                case STRING -> "";
                case DYNAMIC -> value == null ? null : KqlValues.parse(column.type(), "null");
                default -> null;
            };
        }
        return switch (column.type()) {
            case DYNAMIC -> KqlValues.parse(column.type(), value.toString());
            case STRING -> value.isTextual() ? value.textValue() : value.toString();
            case BOOL -> value.isBoolean() ? value.booleanValue() : KqlValues.parse(column.type(), value.asText());
            case INT, LONG, REAL, DECIMAL -> value.isNumber()
                    ? KqlValues.parse(column.type(), numberText(value))
                    : KqlValues.parse(column.type(), value.asText());
            default -> KqlValues.parse(column.type(), value.isTextual() ? value.textValue() : value.toString());
        };
    }

    private static String numberText(JsonNode value) {
        return value.isIntegralNumber() ? value.bigIntegerValue().toString()
                : value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText();
    }
}

package io.github.camelkusto.kql.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.testing.ExpectedValues;
import io.github.camelkusto.kql.types.KqlType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A table as a case file writes it, in the data folder's conventions: a header of {@code name:type} columns
 * ({@code string} when the type is left out) and rows as RFC 4180 CSV in Kusto's text form, an empty field
 * being null (an empty string for a string column).
 *
 * @param line the line of the header in the case file, for messages
 */
record TableText(String header, List<String> rows, int line) {

    /** The header and rows as one CSV text: what a data folder's {@code <Table>.csv} holds. */
    String csv() {
        return rows.isEmpty() ? header + "\n" : header + "\n" + String.join("\n", rows) + "\n";
    }

    Schema schema() {
        List<Column> columns = new ArrayList<>();
        for (String field : records(header).get(0)) {
            String[] nameAndType = field.strip().split(":", 2);
            KqlType type = nameAndType.length == 1 ? KqlType.STRING : KqlType.byName(nameAndType[1].strip())
                    .orElseThrow(() -> new IllegalArgumentException("line " + line + ": column '" + field
                            + "' has an unknown type (valid types: " + KqlType.validNames() + ")"));
            columns.add(new Column(nameAndType[0].strip(), type));
        }
        return new Schema(columns);
    }

    /** The rows as the values the engine would return, read by the header's types. */
    List<List<Object>> values() {
        Schema schema = schema();
        List<List<Object>> values = new ArrayList<>();
        for (CSVRecord record : records(String.join("\n", rows))) {
            if (record.size() != schema.size()) {
                throw new IllegalArgumentException("expected table of line " + line + ": row " + record.toList()
                        + " has " + record.size() + " fields, the header " + schema.size());
            }
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < schema.size(); c++) {
                row.add(ExpectedValues.parse(schema.column(c).type(), record.get(c)));
            }
            values.add(row);
        }
        return values;
    }

    private static List<CSVRecord> records(String csv) {
        try (CSVParser parser = CSVFormat.RFC4180.parse(new java.io.StringReader(csv))) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

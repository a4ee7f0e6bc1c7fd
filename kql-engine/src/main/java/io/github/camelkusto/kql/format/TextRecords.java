package io.github.camelkusto.kql.format;

import java.util.List;

import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlValues;

/**
 * Turns the fields of a text record (csv, tsv) into a row of a table, in Kusto's text form: an empty field is
 * a null (an empty string for string columns). One place for data folders and {@code .ingest}.
 */
public final class TextRecords {
    private TextRecords() {
    }

    /**
     * @param where names the record in errors, e.g. {@code data.csv line 3}
     * @throws KustoException naming the record and column when a field is not a value of its column's type or
     *                        the record has another number of fields than the schema has columns
     */
    public static Object[] row(Schema schema, List<String> fields, String where) {
        if (fields.size() != schema.size()) {
            throw new KustoException(where + ": " + fields.size() + " field" + (fields.size() == 1 ? "" : "s")
                    + ", but the table has " + schema.size() + " column" + (schema.size() == 1 ? "" : "s")
                    + " " + schema);
        }
        Object[] row = new Object[schema.size()];
        for (int c = 0; c < row.length; c++) {
            try {
                row[c] = KqlValues.parse(schema.column(c).type(), fields.get(c));
            } catch (IllegalArgumentException e) {
                throw new KustoException(where + ", column " + schema.column(c).name() + ": " + KustoException.reason(e));
            }
        }
        return row;
    }
}

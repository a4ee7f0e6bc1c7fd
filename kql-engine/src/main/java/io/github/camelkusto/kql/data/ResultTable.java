package io.github.camelkusto.kql.data;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelkusto.kql.types.KqlValues;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A small, fully materialised table: what a command returns (the artifact table of an export, the rows of
 * {@code .show tables}). Not for query results, which stream. Iterable over its rows as maps, so that a caller
 * that iterates (a splitter, a JSON writer) sees rows by column name.
 */
public final class ResultTable implements Iterable<Map<String, Object>> {
    private final Schema schema;
    private final List<List<Object>> rows;

    public ResultTable(Schema schema, List<List<Object>> rows) {
        this.schema = schema;
        this.rows = rows.stream().map(r -> {
            if (r.size() != schema.size()) {
                throw new IllegalArgumentException("row " + r + " does not fit " + schema);
            }
            return Collections.unmodifiableList(new ArrayList<>(r)); // keeps typed nulls
        }).toList();
    }

    public Schema schema() {
        return schema;
    }

    /** Rows as immutable lists; a null element is a typed null. */
    public List<List<Object>> rows() {
        return rows;
    }

    public int rowCount() {
        return rows.size();
    }

    public Object value(int row, String column) {
        return rows.get(row).get(schema.indexOf(column)
                .orElseThrow(() -> new IllegalArgumentException("no column " + column + " in " + schema)));
    }

    /** Rows as maps from column name to value, in column order: handy in Camel's simple language and JSON. */
    public List<Map<String, Object>> toMaps() {
        return rows.stream().map(this::toMap).toList();
    }

    /** The rows as maps, as {@link #toMaps()} has them, each built as it is reached. */
    @Override
    public Iterator<Map<String, Object>> iterator() {
        return rows.stream().map(this::toMap).iterator();
    }

    private Map<String, Object> toMap(List<Object> row) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int c = 0; c < schema.size(); c++) {
            map.put(schema.column(c).name(), row.get(c));
        }
        return map;
    }

    /** RFC 4180 CSV with a header line, values rendered as Kusto renders them. */
    public String toCsv() {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            printer.printRecord(schema.names());
            for (List<Object> row : rows) {
                for (Object value : row) {
                    printer.print(KqlValues.render(value));
                }
                printer.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return toCsv();
    }
}

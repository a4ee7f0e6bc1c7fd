package io.github.camelkusto.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.exec.QueryEngine;
import io.github.camelkusto.kql.types.KqlValues;

/**
 * {@code query}: a bare query's first {@link #MAX_ROWS} rows printed as an aligned table (as Kusto.Explorer's grid
 * shows them), CSV or JSON lines, without exporting anything. Reads no more than that many rows (plus one, to
 * say whether the result was cut), so a query over a large table prints at once and in bounded memory.
 */
final class QueryPreview {
    /** The most rows printed; a note on stderr says when the result has more. */
    static final int MAX_ROWS = 1000;
    /** The widest a table cell is shown; longer values end with an ellipsis. */
    static final int MAX_CELL = 60;

    enum Format { table, csv, json }

    private QueryPreview() {
    }

    /** Runs {@code query} on {@code database} and prints its first rows in {@code format}. */
    static void print(KustoDatabase database, String query, Format format, PrintStream out, PrintStream err) {
        if (query.strip().startsWith(".")) {
            throw new IllegalArgumentException("query runs a bare KQL query; run commands (.export, .show) with exec");
        }
        QueryResult result = new QueryEngine(database).prepare(query);
        List<List<Object>> rows = new ArrayList<>();
        boolean more = read(result, rows);
        ResultTable table = new ResultTable(result.schema(), rows);
        switch (format) {
            case table -> out.print(aligned(table));
            case csv -> out.print(table.toCsv());
            case json -> out.print(jsonLines(table));
        }
        out.flush();
        if (more) {
            err.println("note: the first " + MAX_ROWS + " rows are shown; the query returns more (add '| take N',"
                    + " or export it with exec)");
        }
    }

    /** Reads up to MAX_ROWS rows in partition order into {@code rows}; true when there were more. */
    private static boolean read(QueryResult result, List<List<Object>> rows) {
        int columns = result.schema().size();
        for (Partition partition : result.partitions()) {
            try (BatchStream stream = partition.open()) {
                for (Batch batch = stream.next(); batch != null; batch = stream.next()) {
                    for (int r = 0; r < batch.rowCount(); r++) {
                        if (rows.size() == MAX_ROWS) {
                            return true;
                        }
                        List<Object> row = new ArrayList<>(columns);
                        for (int c = 0; c < columns; c++) {
                            row.add(batch.value(c, r));
                        }
                        rows.add(row);
                    }
                }
            }
        }
        return false;
    }

    /** Columns padded to their widest cell; numbers right-aligned, a dashed line under the header. */
    static String aligned(ResultTable table) {
        Schema schema = table.schema();
        int columns = schema.size();
        List<String[]> cells = new ArrayList<>();
        cells.add(schema.names().toArray(String[]::new));
        for (List<Object> row : table.rows()) {
            String[] line = new String[columns];
            for (int c = 0; c < columns; c++) {
                line[c] = cell(row.get(c));
            }
            cells.add(line);
        }
        int[] widths = new int[columns];
        for (String[] line : cells) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String[] line = cells.get(i);
            for (int c = 0; c < columns; c++) {
                boolean right = i > 0 && table.rows().get(i - 1).get(c) instanceof Number;
                String padded = right ? " ".repeat(widths[c] - line[c].length()) + line[c]
                        : line[c] + " ".repeat(widths[c] - line[c].length());
                text.append(c == 0 ? "" : "  ").append(padded);
            }
            text.append('\n');
            if (i == 0) {
                for (int c = 0; c < columns; c++) {
                    text.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
                }
                text.append('\n');
            }
        }
        return text.toString().replaceAll("(?m) +$", "");
    }

    private static String cell(Object value) {
        String text = KqlValues.render(value).replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
        return text.length() <= MAX_CELL ? text : text.substring(0, MAX_CELL - 1) + "…";
    }

    /** One JSON object per row (JSON lines, as {@code .export to json} writes), numbers and booleans as such. */
    private static String jsonLines(ResultTable table) {
        StringBuilder text = new StringBuilder();
        List<String> names = table.schema().names();
        for (List<Object> row : table.rows()) {
            ObjectNode object = KqlValues.NODES.objectNode();
            for (int c = 0; c < names.size(); c++) {
                object.set(names.get(c), row.get(c) == null ? KqlValues.NODES.nullNode() : KqlValues.toJson(row.get(c)));
            }
            text.append(object).append('\n');
        }
        return text.toString();
    }
}

package io.github.camelkusto.kql.golden;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;

/**
 * A table as a case file writes it (typed header, CSV rows, an empty field for null), indented, so that a
 * failure shows expected and actual alike and an actual table can be pasted into a case file.
 */
final class TableRender {
    private static final String INDENT = "    ";

    private TableRender() {
    }

    static String render(Schema schema, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder(INDENT).append(schema.columns().stream()
                .map(c -> c.name() + ":" + c.type().kustoName()).collect(Collectors.joining(","))).append('\n');
        for (List<Object> row : rows) {
            out.append(INDENT);
            for (int c = 0; c < row.size(); c++) {
                Column column = c < schema.size() ? schema.column(c) : null;
                out.append(c == 0 ? "" : ",").append(field(column == null ? null : column.type(), row.get(c)));
            }
            out.append('\n');
        }
        if (rows.isEmpty()) {
            out.append(INDENT).append("(no rows)\n");
        }
        return out.toString();
    }

    private static String field(KqlType type, Object value) {
        if (value == null) {
            return type == KqlType.STRING ? "<null string>" : ""; // Kusto strings are never null: make it visible
        }
        String text = value instanceof JsonNode node ? node.toString() : KqlValues.render(value);
        boolean quote = text.isEmpty() || text.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r')
                || !text.equals(text.strip());
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}

package io.github.camelkusto.export.cluster;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.azure.kusto.data.KustoResultColumn;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;

/**
 * A small table the cluster answered (a management command's result) as the component's {@link ResultTable}, each
 * value as the embedded engine holds its type (long, Instant, UUID, Duration, BigDecimal, JsonNode ...). A column
 * type the engine does not know is kept as string.
 */
final class ClusterTables {
    private ClusterTables() {
    }

    static ResultTable toResultTable(KustoResultSetTable table) {
        KustoResultColumn[] columns = table.getColumns();
        List<Column> schema = new ArrayList<>(columns.length);
        for (KustoResultColumn column : columns) {
            KqlType type = KqlType.byName(column.getColumnType()).orElse(KqlType.STRING);
            schema.add(new Column(column.getColumnName(), type));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> raw : table.getData()) {
            List<Object> row = new ArrayList<>(schema.size());
            for (int c = 0; c < schema.size(); c++) {
                row.add(value(schema.get(c).type(), raw.get(c)));
            }
            rows.add(row);
        }
        return new ResultTable(new Schema(schema), rows);
    }

    private static Object value(KqlType type, Object raw) {
        if (raw == null || (raw instanceof JsonNode json && json.isNull() && type != KqlType.DYNAMIC)) {
            return null;
        }
        if (type == KqlType.DYNAMIC && raw instanceof JsonNode json) {
            return json;
        }
        String text = raw instanceof JsonNode json ? (json.isTextual() ? json.asText() : json.toString())
                : String.valueOf(raw);
        return KqlValues.parse(type, text);
    }
}

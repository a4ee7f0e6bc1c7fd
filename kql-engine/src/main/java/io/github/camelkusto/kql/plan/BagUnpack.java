package io.github.camelkusto.kql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;

/**
 * {@code evaluate bag_unpack(column [, prefix [, columnsConflict [, ignoredProperties]]])}: one column per
 * property of the bags in {@code column}, named {@code prefix + key} in key order, after the input's other
 * columns; a property that names the unpacked column takes its place. A column's type is the properties' common
 * type (long, real, bool, string), else dynamic.
 *
 * <p>The output columns depend on the data, and the binder must know them: so the input is read (materialised)
 * when the query is prepared, and the unpacked rows become the plan's values. This is the documented exception to
 * "nothing runs before binding passes".
 */
final class BagUnpack {
    private BagUnpack() {
    }

    /** @param conflict Kusto's columnsConflict: error, replace_source or keep_source */
    static PlanNode unpack(QueryResult input, int source, String prefix, String conflict, Set<String> ignored,
            java.util.function.Function<String, RuntimeException> error) {
        Schema schema = input.schema();
        List<Batch> batches = new ArrayList<>();
        Map<String, KqlType> keys = new TreeMap<>();
        for (Partition p : input.partitions()) {
            try (BatchStream s = p.open()) {
                for (Batch b = s.next(); b != null; b = s.next()) {
                    batches.add(b);
                    for (int r = 0; r < b.rowCount(); r++) {
                        if (b.value(source, r) instanceof JsonNode bag && bag.isObject()) {
                            bag.fields().forEachRemaining(e -> {
                                if (!ignored.contains(e.getKey()) && !e.getValue().isNull()) {
                                    keys.merge(e.getKey(), typeOf(e.getValue()), BagUnpack::common);
                                } else if (!ignored.contains(e.getKey())) {
                                    keys.putIfAbsent(e.getKey(), null);
                                }
                            });
                        }
                    }
                }
            }
        }
        String sourceName = schema.column(source).name();
        List<Column> columns = new ArrayList<>();
        List<Integer> inputColumns = new ArrayList<>(); // input column of each output column, or -1
        List<String> keyOf = new ArrayList<>();          // property of each output column, or null
        for (int c = 0; c < schema.size(); c++) {
            String name = schema.column(c).name();
            if (c == source) {
                String key = name.startsWith(prefix) ? name.substring(prefix.length()) : null;
                if (key != null && keys.containsKey(key)) {
                    columns.add(new Column(name, typeOrDynamic(keys.get(key))));
                    inputColumns.add(-1);
                    keyOf.add(key);
                }
                continue;
            }
            columns.add(schema.column(c));
            inputColumns.add(c);
            keyOf.add(null);
        }
        for (Map.Entry<String, KqlType> key : keys.entrySet()) {
            String name = prefix + key.getKey();
            if (keyOf.contains(key.getKey())) {
                continue;
            }
            int existing = columns.stream().map(Column::name).toList().indexOf(name);
            if (existing >= 0) {
                if (conflict.equals("error")) {
                    throw error.apply("bag_unpack: property '" + key.getKey() + "' conflicts with the column '"
                            + name + "' (use a prefix, or columnsConflict='replace_source' or 'keep_source')");
                }
                // ADX moves the conflicting column among the unpacked ones, at the property's place
                Column kept = columns.remove(existing);
                int keptInput = inputColumns.remove(existing);
                keyOf.remove(existing);
                boolean keep = conflict.equals("keep_source");
                columns.add(keep ? kept : new Column(name, typeOrDynamic(key.getValue())));
                inputColumns.add(keep ? keptInput : -1);
                keyOf.add(keep ? null : key.getKey());
                continue;
            }
            columns.add(new Column(name, typeOrDynamic(key.getValue())));
            inputColumns.add(-1);
            keyOf.add(key.getKey());
        }
        Schema out = new Schema(columns);
        Batch.Builder rows = Batch.builder(out);
        for (Batch b : batches) {
            for (int r = 0; r < b.rowCount(); r++) {
                JsonNode bag = b.value(source, r) instanceof JsonNode j && j.isObject() ? j : null;
                Object[] values = new Object[columns.size()];
                for (int c = 0; c < values.length; c++) {
                    values[c] = inputColumns.get(c) >= 0 ? b.value(inputColumns.get(c), r)
                            : value(bag == null ? null : bag.get(keyOf.get(c)), columns.get(c).type());
                }
                rows.addRow(values);
            }
        }
        Batch all = rows.build();
        return new PlanNode.Values(out, Batch.chunks(out, all.columns(), all.rowCount()));
    }

    private static KqlType typeOf(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? KqlType.LONG : KqlType.REAL;
        }
        if (v.isNumber()) {
            return KqlType.REAL;
        }
        if (v.isBoolean()) {
            return KqlType.BOOL;
        }
        if (v.isTextual()) {
            return KqlType.STRING;
        }
        return KqlType.DYNAMIC;
    }

    /** The type of a column whose values have types {@code a} and {@code b} (null: only nulls so far). */
    private static KqlType common(KqlType a, KqlType b) {
        if (a == null || a == b) {
            return b;
        }
        if (b == null) {
            return a;
        }
        boolean numbers = (a == KqlType.LONG || a == KqlType.REAL) && (b == KqlType.LONG || b == KqlType.REAL);
        return numbers ? KqlType.REAL : KqlType.DYNAMIC;
    }

    private static KqlType typeOrDynamic(KqlType t) {
        return t == null ? KqlType.DYNAMIC : t;
    }

    private static Object value(JsonNode v, KqlType type) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return type == KqlType.STRING ? "" : null;
        }
        return switch (type) {
            case LONG -> v.asLong();
            case REAL -> v.asDouble();
            case BOOL -> v.asBoolean();
            case STRING -> v.asText();
            default -> v;
        };
    }
}

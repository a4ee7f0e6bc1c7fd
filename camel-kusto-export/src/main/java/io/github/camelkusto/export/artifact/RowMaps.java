package io.github.camelkusto.export.artifact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Schema;

/**
 * Rows as Camel's row shape (camel-sql's, camel-csv's): a {@link LinkedHashMap} from column name to value, columns
 * in the query's order, values as {@link Batch#value} boxes them: bool Boolean, int Integer, long Long, real
 * Double, decimal BigDecimal, string String, datetime Instant, timespan Duration, guid UUID, dynamic Jackson
 * JsonNode; a null is null. Collects rows into batches bounded by {@link RowBatchLimits}. Not thread-safe.
 */
final class RowMaps {
    /** A map, its table and its entries: what one row costs on the heap besides its values. */
    private static final int ROW_OVERHEAD = 64;
    private static final int ENTRY_OVERHEAD = 40;

    private final String[] names;
    private final RowBatchLimits limits;
    private List<Map<String, Object>> batch;
    private long batchBytes;

    RowMaps(Schema schema, RowBatchLimits limits) {
        this.names = schema.names().toArray(String[]::new);
        this.limits = limits;
        this.batch = new ArrayList<>();
    }

    /** Adds row {@code row} of {@code rows}; true when the batch is full. */
    boolean add(Batch rows, int row) {
        Map<String, Object> map = new LinkedHashMap<>(names.length * 4 / 3 + 1);
        long bytes = ROW_OVERHEAD;
        for (int c = 0; c < names.length; c++) {
            Object value = rows.value(c, row);
            map.put(names[c], value);
            bytes += ENTRY_OVERHEAD + estimate(value);
        }
        batch.add(map);
        batchBytes += bytes;
        return batch.size() >= limits.rows() || batchBytes >= limits.bytes();
    }

    boolean isEmpty() {
        return batch.isEmpty();
    }

    /** The rows added since the last call, and a new, empty batch. */
    List<Map<String, Object>> take() {
        List<Map<String, Object>> full = batch;
        batch = new ArrayList<>(Math.min(limits.rows(), Math.max(16, full.size())));
        batchBytes = 0;
        return full;
    }

    /** The heap a value takes, roughly: enough to bound a batch's memory, cheap enough to run per value. */
    static long estimate(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof String s) {
            return 48 + s.length();
        }
        if (value instanceof JsonNode node) {
            return node.isContainerNode() ? 64 + 64L * node.size() : 48 + node.asText().length();
        }
        if (value instanceof java.math.BigDecimal) {
            return 64;
        }
        return 24; // boxed numbers, Instant, Duration, UUID
    }
}

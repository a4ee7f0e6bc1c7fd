package io.github.camelkusto.kql.exec;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;

import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.plan.PlanNode;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;
import io.github.camelkusto.kql.types.Ticks;

/**
 * make-series and top-nested over their aggregated input. Both materialise the aggregated rows (one per key and
 * bin, one per key path): like summarize, they are the documented exception to bounded memory.
 */
final class SeriesOperators {
    private SeriesOperators() {
    }

    static List<Batch> makeSeries(PlanNode.MakeSeries node, QueryResult aggregated) {
        Batch rows = Materialized.of(aggregated);
        int keys = node.keyCount();
        int aggregates = node.defaults().size();
        boolean real = node.axisType() == KqlType.REAL;
        Number first = node.from();
        Number last = null;
        for (int r = 0; r < rows.rowCount(); r++) {
            Object bin = rows.value(keys, r);
            if (bin == null) {
                continue;
            }
            Number n = axisNumber(bin);
            if (node.from() == null && (first == null || compare(n, first) < 0)) {
                first = n;
            }
            if (last == null || compare(n, last) > 0) {
                last = n;
            }
        }
        if (node.nonempty() && rows.rowCount() == 0 && node.from() != null && node.to() != null) {
            last = first; // kind=nonempty: the defaults over from..to, as for a key with no rows
        }
        if (first == null || last == null && node.to() == null) {
            return List.of();
        }
        double step = node.step().doubleValue();
        long count;
        if (node.to() != null) {
            count = (long) Math.ceil((node.to().doubleValue() - first.doubleValue()) / step);
            if (!real) {
                long span = node.to().longValue() - first.longValue();
                long s = node.step().longValue();
                count = span <= 0 ? 0 : (span + s - 1) / s;
            }
        } else {
            count = real ? (long) Math.floor((last.doubleValue() - first.doubleValue()) / step) + 1
                    : (last.longValue() - first.longValue()) / node.step().longValue() + 1;
        }
        if (count <= 0) {
            return List.of();
        }
        if (count > 10_000_000) {
            throw new KustoException("make-series would make " + count
                    + " bins; the embedded engine makes at most 10000000");
        }
        int bins = (int) count;
        Map<List<Object>, Object[][]> series = new LinkedHashMap<>();
        for (int r = 0; r < rows.rowCount(); r++) {
            Object bin = rows.value(keys, r);
            if (bin == null) {
                continue;
            }
            Number n = axisNumber(bin);
            long index = real ? Math.round((n.doubleValue() - first.doubleValue()) / step)
                    : Math.floorDiv(n.longValue() - first.longValue(), node.step().longValue());
            if (index < 0 || index >= bins) {
                continue;
            }
            List<Object> key = new ArrayList<>(keys);
            for (int k = 0; k < keys; k++) {
                key.add(rows.value(k, r));
            }
            Object[][] values = series.computeIfAbsent(key, k -> defaults(node, bins));
            for (int a = 0; a < aggregates; a++) {
                values[a][(int) index] = rows.value(keys + 1 + a, r);
            }
        }
        if (node.nonempty() && series.isEmpty()) {
            series.put(List.of(), defaults(node, bins));
        }
        ArrayNode axis = KqlValues.NODES.arrayNode(bins);
        for (int i = 0; i < bins; i++) {
            axis.add(KqlValues.toJson(axisValue(node.axisType(), first, node.step(), i)));
        }
        Batch.Builder out = Batch.builder(node.schema());
        for (Map.Entry<List<Object>, Object[][]> e : series.entrySet()) {
            Object[] row = new Object[keys + aggregates + 1];
            for (int k = 0; k < keys; k++) {
                row[k] = e.getKey().get(k);
            }
            for (int a = 0; a < aggregates; a++) {
                ArrayNode array = KqlValues.NODES.arrayNode(bins);
                for (Object v : e.getValue()[a]) {
                    array.add(v == null ? KqlValues.NODES.nullNode() : KqlValues.toJson(v));
                }
                row[keys + a] = array;
            }
            row[keys + aggregates] = axis;
            out.addRow(row);
        }
        return chunked(out);
    }

    private static Object[][] defaults(PlanNode.MakeSeries node, int bins) {
        Object[][] fresh = new Object[node.defaults().size()][bins];
        for (int a = 0; a < fresh.length; a++) {
            Arrays.fill(fresh[a], node.defaults().get(a));
        }
        return fresh;
    }

    private static List<Batch> chunked(Batch.Builder out) {
        Batch all = out.build();
        return Batch.chunks(all.schema(), all.columns(), all.rowCount());
    }

    private static Number axisNumber(Object value) {
        if (value instanceof Instant i) {
            return Ticks.of(i);
        }
        if (value instanceof Duration d) {
            return Ticks.of(d);
        }
        if (value instanceof Integer i) {
            return (long) i;
        }
        return (Number) value;
    }

    private static int compare(Number a, Number b) {
        return a instanceof Double || b instanceof Double ? Double.compare(a.doubleValue(), b.doubleValue())
                : Long.compare(a.longValue(), b.longValue());
    }

    private static Object axisValue(KqlType type, Number first, Number step, int i) {
        return switch (type) {
            case REAL -> first.doubleValue() + i * step.doubleValue();
            case DATETIME -> Ticks.toInstant(first.longValue() + i * step.longValue());
            case TIMESPAN -> Ticks.toDuration(first.longValue() + i * step.longValue());
            default -> first.longValue() + i * step.longValue();
        };
    }

    /**
     * top-nested: level 0's rows sorted by their aggregate (descending unless asc) and cut to its count; each
     * further level keeps, within each row kept by the level before (same key prefix), its best rows.
     */
    static List<Batch> topNested(PlanNode.TopNested node, List<QueryResult> levels) {
        List<List<Object[]>> kept = new ArrayList<>();
        Map<List<Object>, Object> parents = null;
        List<Map<List<Object>, Object>> aggregatesByPath = new ArrayList<>();
        for (int level = 0; level < levels.size(); level++) {
            Batch rows = Materialized.of(levels.get(level));
            int keys = level + 1;
            Map<List<Object>, List<Object[]>> groups = new LinkedHashMap<>();
            for (int r = 0; r < rows.rowCount(); r++) {
                Object[] row = new Object[keys + 1];
                for (int c = 0; c <= keys; c++) {
                    row[c] = rows.value(c, r);
                }
                List<Object> prefix = Arrays.asList(row).subList(0, keys - 1);
                if (parents != null && !parents.containsKey(prefix)) {
                    continue;
                }
                groups.computeIfAbsent(new ArrayList<>(prefix), p -> new ArrayList<>()).add(row);
            }
            boolean ascending = node.ascending().get(level);
            Long limit = node.counts().get(level);
            Comparator<Object[]> order = (a, b) -> compareValues(a[keys], b[keys]);
            Map<List<Object>, Object> current = new HashMap<>();
            List<Object[]> levelRows = new ArrayList<>();
            for (List<Object[]> group : groups.values()) {
                group.sort(ascending ? order : order.reversed());
                List<Object[]> best = limit == null || group.size() <= limit ? group
                        : group.subList(0, (int) (long) limit);
                for (Object[] row : best) {
                    current.put(Arrays.asList(row).subList(0, keys), row[keys]);
                    levelRows.add(row);
                }
            }
            parents = current;
            aggregatesByPath.add(current);
            kept.add(levelRows);
        }
        Batch.Builder out = Batch.builder(node.schema());
        int depth = levels.size();
        for (Object[] leaf : kept.get(depth - 1)) {
            Object[] row = new Object[depth * 2];
            for (int level = 0; level < depth; level++) {
                row[level * 2] = leaf[level];
                row[level * 2 + 1] = aggregatesByPath.get(level).get(Arrays.asList(leaf).subList(0, level + 1));
            }
            out.addRow(row);
        }
        return chunked(out);
    }

    /** Nulls sort lowest; numbers compare by value whatever their boxed type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return ((Comparable) a).compareTo(b);
    }
}

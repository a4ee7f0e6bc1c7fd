package io.github.camelkusto.kql.functions.builtin;

import static io.github.camelkusto.kql.types.KqlType.BOOL;
import static io.github.camelkusto.kql.types.KqlType.DATETIME;
import static io.github.camelkusto.kql.types.KqlType.DYNAMIC;
import static io.github.camelkusto.kql.types.KqlType.LONG;
import static io.github.camelkusto.kql.types.KqlType.REAL;
import static io.github.camelkusto.kql.types.KqlType.TIMESPAN;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.LongBinaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelkusto.kql.functions.FunctionLibrary;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.Overloads;
import io.github.camelkusto.kql.functions.RowWise;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;
import io.github.camelkusto.kql.types.Ticks;

/**
 * Functions over series, the dynamic arrays that make-series builds: element-wise arithmetic and comparisons
 * ({@code series_add(a, b)}: b an array or a scalar; integers stay integers, as in Kusto), filling missing (null)
 * elements, filters ({@code series_fir}, {@code series_iir}), statistics, {@code array_iff}, and
 * {@code range(start, stop[, step])}, which makes a series.
 * A non-numeric element counts as missing (null).
 */
public final class SeriesFunctions implements FunctionLibrary {
    private static final double MAX_RANGE = 1_048_576;

    @Override
    public void registerInto(FunctionRegistry registry) {
        arithmetic(registry, "series_add", Long::sum, Double::sum);
        arithmetic(registry, "series_subtract", (a, b) -> a - b, (a, b) -> a - b);
        arithmetic(registry, "series_multiply", (a, b) -> a * b, (a, b) -> a * b);
        registry.register(elementWise(Overloads.of("series_divide"),
                (a, b) -> KqlValues.NODES.numberNode(a.asDouble() / b.asDouble())));
        comparison(registry, "series_greater", c -> c > 0);
        comparison(registry, "series_greater_equals", c -> c >= 0);
        comparison(registry, "series_less", c -> c < 0);
        comparison(registry, "series_less_equals", c -> c <= 0);
        comparison(registry, "series_equals", c -> c == 0);
        comparison(registry, "series_not_equals", c -> c != 0);
        registry.register(Overloads.of("series_fill_const")
                .add(DYNAMIC, RowWise.of(DYNAMIC, (s, c) -> fillConst((JsonNode) s, c)), DYNAMIC, LONG)
                .add(DYNAMIC, RowWise.of(DYNAMIC, (s, c) -> fillConst((JsonNode) s, c)), DYNAMIC, REAL)
                .add(DYNAMIC, RowWise.of(DYNAMIC, s -> fillConst((JsonNode) s, 0L)), DYNAMIC));
        registry.register(Overloads.of("series_fill_forward")
                .add(DYNAMIC, RowWise.of(DYNAMIC, s -> fillForward((JsonNode) s, false)), DYNAMIC));
        registry.register(Overloads.of("series_fill_backward")
                .add(DYNAMIC, RowWise.of(DYNAMIC, s -> fillForward((JsonNode) s, true)), DYNAMIC));
        registry.register(Overloads.of("series_stats_dynamic")
                .add(DYNAMIC, RowWise.of(DYNAMIC, s -> stats((JsonNode) s)), DYNAMIC));
        registry.register(Overloads.of("series_fit_line_dynamic")
                .add(DYNAMIC, RowWise.of(DYNAMIC, s -> fitLine((JsonNode) s)), DYNAMIC));
        registry.register(Overloads.of("series_pearson_correlation")
                .add(REAL, RowWise.of(REAL, (a, b) -> pearson((JsonNode) a, (JsonNode) b)), DYNAMIC, DYNAMIC));
        registry.register(Overloads.of("series_iir")
                .add(DYNAMIC, RowWise.of(DYNAMIC, (s, n, d) -> iir((JsonNode) s, (JsonNode) n, (JsonNode) d)),
                        DYNAMIC, DYNAMIC, DYNAMIC));
        registry.register(Overloads.of("series_fir")
                .add(DYNAMIC, RowWise.of(DYNAMIC, (s, f) -> fir((JsonNode) s, (JsonNode) f, true, false)),
                        DYNAMIC, DYNAMIC)
                .add(DYNAMIC, RowWise.of(DYNAMIC, (s, f, n) -> fir((JsonNode) s, (JsonNode) f, (Boolean) n, false)),
                        DYNAMIC, DYNAMIC, BOOL)
                .add(DYNAMIC, RowWise.nary(DYNAMIC, a -> fir((JsonNode) a[0], (JsonNode) a[1], (Boolean) a[2],
                        (Boolean) a[3])), DYNAMIC, DYNAMIC, BOOL, BOOL));
        registry.register(Overloads.of("range")
                .add(DYNAMIC, RowWise.of(DYNAMIC, (a, b) -> range(a, b, 1L)), LONG, LONG)
                .add(DYNAMIC, RowWise.of(DYNAMIC, SeriesFunctions::range), LONG, LONG, LONG)
                .add(DYNAMIC, RowWise.of(DYNAMIC, (a, b) -> range(a, b, 1.0)), REAL, REAL)
                .add(DYNAMIC, RowWise.of(DYNAMIC, SeriesFunctions::range), REAL, REAL, REAL)
                .add(DYNAMIC, RowWise.of(DYNAMIC, SeriesFunctions::range), DATETIME, DATETIME, TIMESPAN)
                .add(DYNAMIC, RowWise.of(DYNAMIC, SeriesFunctions::range), TIMESPAN, TIMESPAN, TIMESPAN));
        // the values may be arrays (taken element by element) or scalars of any type (the array_iff() page)
        Overloads arrayIff = Overloads.of("array_iff");
        for (KqlType whenTrue : KqlType.values()) {
            arrayIff.add(DYNAMIC, RowWise.of(DYNAMIC, (c, t, f) -> arrayIff((JsonNode) c, t, f)), DYNAMIC, whenTrue,
                    whenTrue);
            if (whenTrue != DYNAMIC) {
                arrayIff.add(DYNAMIC, RowWise.of(DYNAMIC, (c, t, f) -> arrayIff((JsonNode) c, t, f)), DYNAMIC, DYNAMIC,
                        whenTrue);
                arrayIff.add(DYNAMIC, RowWise.of(DYNAMIC, (c, t, f) -> arrayIff((JsonNode) c, t, f)), DYNAMIC, whenTrue,
                        DYNAMIC);
            }
        }
        registry.register(arrayIff);
    }

    private static void arithmetic(FunctionRegistry registry, String name, LongBinaryOperator longs,
                                   DoubleBinaryOperator doubles) {
        registry.register(elementWise(Overloads.of(name), (a, b) -> a.isIntegralNumber() && b.isIntegralNumber()
                ? KqlValues.NODES.numberNode(longs.applyAsLong(a.asLong(), b.asLong()))
                : KqlValues.NODES.numberNode(doubles.applyAsDouble(a.asDouble(), b.asDouble()))));
    }

    private static void comparison(FunctionRegistry registry, String name, java.util.function.IntPredicate test) {
        registry.register(elementWise(Overloads.of(name), (a, b) -> KqlValues.NODES.booleanNode(
                test.test(a.isIntegralNumber() && b.isIntegralNumber() ? Long.compare(a.asLong(), b.asLong())
                        : Double.compare(a.asDouble(), b.asDouble())))));
    }

    /** {@code f(a, b)} with b a series (element by element, to the shorter length) or a scalar. */
    static Overloads elementWise(Overloads overloads, BinaryOperator<JsonNode> op) {
        return overloads
                .add(DYNAMIC, RowWise.of(DYNAMIC, (a, b) -> zip((JsonNode) a, (JsonNode) b, op)), DYNAMIC, DYNAMIC)
                .add(DYNAMIC, RowWise.of(DYNAMIC, (a, b) -> zip((JsonNode) a, KqlValues.toJson(b), op)),
                        DYNAMIC, LONG)
                .add(DYNAMIC, RowWise.of(DYNAMIC, (a, b) -> zip((JsonNode) a, KqlValues.toJson(b), op)),
                        DYNAMIC, REAL);
    }

    private static JsonNode zip(JsonNode a, JsonNode b, BinaryOperator<JsonNode> op) {
        if (!a.isArray() || b.isContainerNode() && !b.isArray()) {
            return null;
        }
        int n = b.isArray() ? Math.min(a.size(), b.size()) : a.size();
        ArrayNode out = KqlValues.NODES.arrayNode(n);
        for (int i = 0; i < n; i++) {
            JsonNode x = a.get(i);
            JsonNode y = b.isArray() ? b.get(i) : b;
            out.add(x.isNumber() && y.isNumber() ? op.apply(x, y) : KqlValues.NODES.nullNode());
        }
        return out;
    }

    private static JsonNode fillConst(JsonNode s, Object c) {
        if (!s.isArray()) {
            return null;
        }
        ArrayNode out = KqlValues.NODES.arrayNode(s.size());
        s.forEach(e -> out.add(e.isNumber() ? e : KqlValues.toJson(c)));
        return out;
    }

    /** Missing elements take the last value before them (after them when backward); leading ones stay null. */
    private static JsonNode fillForward(JsonNode s, boolean backward) {
        if (!s.isArray()) {
            return null;
        }
        int n = s.size();
        JsonNode[] out = new JsonNode[n];
        JsonNode last = KqlValues.NODES.nullNode();
        for (int k = 0; k < n; k++) {
            int i = backward ? n - 1 - k : k;
            JsonNode e = s.get(i);
            if (e.isNumber()) {
                last = e;
            }
            out[i] = e.isNumber() ? e : last;
        }
        ArrayNode array = KqlValues.NODES.arrayNode(n);
        for (JsonNode e : out) {
            array.add(e);
        }
        return array;
    }

    /** Kusto's series_stats as a bag: min, min_idx, max, max_idx, avg, stdev and variance (sample), sum, len. */
    private static JsonNode stats(JsonNode s) {
        if (!s.isArray()) {
            return null;
        }
        double min = Double.NaN;
        double max = Double.NaN;
        int minIdx = -1;
        int maxIdx = -1;
        double sum = 0;
        double sumSquares = 0;
        int count = 0;
        for (int i = 0; i < s.size(); i++) {
            JsonNode e = s.get(i);
            if (!e.isNumber()) {
                continue;
            }
            double v = e.asDouble();
            if (count == 0 || v < min) {
                min = v;
                minIdx = i;
            }
            if (count == 0 || v > max) {
                max = v;
                maxIdx = i;
            }
            sum += v;
            sumSquares += v * v;
            count++;
        }
        ObjectNode out = KqlValues.NODES.objectNode();
        double avg = count == 0 ? Double.NaN : sum / count;
        double variance = count < 2 ? 0 : (sumSquares - sum * sum / count) / (count - 1);
        out.put("min", min);
        out.put("min_idx", minIdx);
        out.put("max", max);
        out.put("max_idx", maxIdx);
        out.put("avg", avg);
        out.put("stdev", Math.sqrt(variance));
        out.put("variance", variance);
        out.put("sum", sum);
        out.put("len", s.size());
        return out;
    }

    /**
     * Least-squares line over x = 0, 1, ...: rsquare, slope, variance (of the series), rvariance (of the
     * residuals), interception and line_fit (the fitted values); missing elements count as 0.
     */
    private static JsonNode fitLine(JsonNode s) {
        if (!s.isArray() || s.size() == 0) {
            return null;
        }
        int n = s.size();
        double meanX = (n - 1) / 2.0;
        double meanY = 0;
        for (JsonNode e : s) {
            meanY += e.asDouble();
        }
        meanY /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dy = s.get(i).asDouble() - meanY;
            sxy += (i - meanX) * dy;
            sxx += (i - meanX) * (i - meanX);
            syy += dy * dy;
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double interception = meanY - slope * meanX;
        ArrayNode fit = KqlValues.NODES.arrayNode(n);
        double residuals = 0;
        for (int i = 0; i < n; i++) {
            double f = interception + slope * i;
            fit.add(f);
            double r = s.get(i).asDouble() - f;
            residuals += r * r;
        }
        ObjectNode out = KqlValues.NODES.objectNode();
        out.put("rsquare", syy == 0 ? 1.0 : 1 - residuals / syy);
        out.put("slope", slope);
        out.put("variance", n < 2 ? 0 : syy / (n - 1));
        out.put("rvariance", n < 2 ? 0 : residuals / (n - 1));
        out.put("interception", interception);
        out.set("line_fit", fit);
        return out;
    }

    private static Double pearson(JsonNode a, JsonNode b) {
        if (!a.isArray() || !b.isArray() || a.size() != b.size() || a.size() == 0) {
            return null;
        }
        int n = a.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double x = a.get(i).asDouble();
            double y = b.get(i).asDouble();
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
        }
        return (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
    }

    /** y[i] = (sum_k num[k]·x[i-k] - sum_{k>=1} den[k]·y[i-k]) / den[0]; missing elements count as 0. */
    private static JsonNode iir(JsonNode s, JsonNode numerators, JsonNode denominators) {
        if (!s.isArray() || !numerators.isArray() || !denominators.isArray() || denominators.size() == 0) {
            return null;
        }
        int n = s.size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = s.get(i).asDouble();
        }
        double a0 = denominators.get(0).asDouble();
        ArrayNode out = KqlValues.NODES.arrayNode(n);
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int k = 0; k < numerators.size() && k <= i; k++) {
                v += numerators.get(k).asDouble() * x[i - k];
            }
            for (int k = 1; k < denominators.size() && k <= i; k++) {
                v -= denominators.get(k).asDouble() * y[i - k];
            }
            y[i] = v / a0;
            out.add(y[i]);
        }
        return out;
    }

    /**
     * y[i] = sum_k f[k]·x[i-k] (centered: the filter's middle on x[i]); normalize divides the filter by its sum.
     * Integers in, integers out when not normalized, as Kusto renders them.
     */
    private static JsonNode fir(JsonNode s, JsonNode filter, boolean normalize, boolean center) {
        if (!s.isArray() || !filter.isArray() || filter.size() == 0) {
            return null;
        }
        int n = s.size();
        int m = filter.size();
        double norm = 1;
        if (normalize) {
            norm = 0;
            for (JsonNode f : filter) {
                norm += f.asDouble();
            }
        }
        boolean integral = !normalize;
        for (JsonNode f : filter) {
            integral &= f.isIntegralNumber();
        }
        for (JsonNode e : s) {
            integral &= e.isIntegralNumber();
        }
        int shift = center ? m / 2 : 0;
        ArrayNode out = KqlValues.NODES.arrayNode(n);
        for (int i = 0; i < n; i++) {
            double v = 0;
            long lv = 0;
            for (int k = 0; k < m; k++) {
                int j = i - k + shift;
                if (j >= 0 && j < n) {
                    v += filter.get(k).asDouble() * s.get(j).asDouble();
                    lv += filter.get(k).asLong() * s.get(j).asLong();
                }
            }
            if (integral) {
                out.add(lv);
            } else {
                out.add(v / norm);
            }
        }
        return out;
    }

    /**
     * {@code range(start, stop[, step])}: start, start + step, ... while not past stop (stop included); an empty
     * array when stop is on the wrong side, null for a zero step; truncated to 1,048,576 elements (Kusto's cap).
     */
    private static JsonNode range(Object start, Object stop, Object step) {
        boolean time = start instanceof java.time.Instant || start instanceof java.time.Duration;
        double from = time ? ticks(start) : ((Number) start).doubleValue();
        double to = time ? ticks(stop) : ((Number) stop).doubleValue();
        double by = time ? ticks(step) : ((Number) step).doubleValue();
        if (by == 0) {
            return null;
        }
        // the range() page: "The array is truncated if the maximum number of results allowed is reached"
        double count = Math.min(Math.floor((to - from) / by) + 1, MAX_RANGE);
        ArrayNode out = KqlValues.NODES.arrayNode();
        for (long i = 0; i < count; i++) {
            Object value;
            if (start instanceof java.time.Instant at) {
                value = Ticks.toInstant(
                        Ticks.of(at) + i * (long) by);
            } else if (start instanceof java.time.Duration d) {
                value = Ticks.toDuration(
                        Ticks.of(d) + i * (long) by);
            } else if (start instanceof Double) {
                value = from + i * by;
            } else {
                value = ((Number) start).longValue() + i * ((Number) step).longValue();
            }
            out.add(KqlValues.toJson(value));
        }
        return out;
    }

    private static double ticks(Object value) {
        return value instanceof Instant i ? Ticks.of(i)
                : Ticks.of((Duration) value);
    }

    /** Element i is {@code t[i]} (or t when not an array) where {@code c[i]} is true, else f's. */
    private static JsonNode arrayIff(JsonNode c, Object t, Object f) {
        if (!c.isArray()) {
            return null;
        }
        JsonNode whenTrue = KqlValues.toJson(t);
        JsonNode whenFalse = KqlValues.toJson(f);
        ArrayNode out = KqlValues.NODES.arrayNode(c.size());
        for (int i = 0; i < c.size(); i++) {
            JsonNode cond = c.get(i);
            JsonNode pick = cond.isBoolean() ? (cond.asBoolean() ? whenTrue : whenFalse)
                    : cond.isNumber() ? (cond.asDouble() != 0 ? whenTrue : whenFalse) : null;
            out.add(pick == null ? KqlValues.NODES.nullNode() : pick.isArray() ? elementOrNull(pick, i) : pick);
        }
        return out;
    }

    private static JsonNode elementOrNull(JsonNode array, int i) {
        return i < array.size() ? array.get(i) : KqlValues.NODES.nullNode();
    }
}

package io.github.camelkusto.kql.functions.builtin;

import static io.github.camelkusto.kql.types.KqlType.DYNAMIC;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkusto.kql.functions.Argument;
import io.github.camelkusto.kql.functions.BindException;
import io.github.camelkusto.kql.functions.FunctionLibrary;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.ScalarBinding;
import io.github.camelkusto.kql.functions.ScalarFunction;
import io.github.camelkusto.kql.types.KqlValues;

/**
 * series_decompose, series_decompose_anomalies and series_decompose_forecast, following the algorithm ADX
 * documents: the seasonal component is, per phase of the period, the median of the learning points in that phase
 * (0 without seasonality); the trend is taken from the deseasonalised series (avg: its mean, linefit: its least
 * squares line, none: 0); baseline = seasonal + trend and residual = x - baseline. The last {@code test_points}
 * are left out of the learning and extrapolated (forecast). Anomalies are residuals outside Tukey's fences: the
 * score is how many inter-quantile ranges a residual is past the 25th/75th (tukey) or 10th/90th (ctukey, the
 * default) percentile, and the flag is +1/-1 where the score's size passes the threshold.
 *
 * <p>Seasonality -1 detects the period: ADX uses series_periods_detect, whose scoring it does not document; the
 * engine takes the shortest lag (2 .. n/2) whose autocorrelation over the learning points is within 0.02 of the
 * highest, when that reaches the threshold (0.6 by default). Components therefore match ADX exactly when the period is
 * given and the input is a whole number of periods, and may differ where ADX's detection picks another period.
 */
public final class SeriesDecomposition implements FunctionLibrary {

    @Override
    public void registerInto(FunctionRegistry registry) {
        registry.register(new Checked(new ArrayFunctions.DynamicFunction("series_decompose_dynamic", DYNAMIC, 1, 5,
                a -> decomposeBag(a)), 2, -1));
        registry.register(new Checked(new ArrayFunctions.DynamicFunction("series_decompose_anomalies_dynamic",
                DYNAMIC, 1, 7, a -> anomalies(a)), 3, 5));
        registry.register(new Checked(new ArrayFunctions.DynamicFunction("series_decompose_forecast", DYNAMIC, 2, 5,
                a -> forecast(a)), 3, -1));
    }

    /** A decomposition function whose trend (and method) argument, when given, is checked when it is bound. */
    private record Checked(ArrayFunctions.DynamicFunction function, int trendIndex, int methodIndex)
            implements ScalarFunction {
        @Override
        public String name() {
            return function.name();
        }

        @Override
        public ScalarBinding bind(List<Argument> args) {
            check(args, trendIndex, Set.of("avg", "linefit", "none"), "trend");
            check(args, methodIndex, Set.of("ctukey", "tukey"), "method");
            return function.bind(args);
        }

        private void check(List<Argument> args, int index, Set<String> valid, String what) {
            if (index < 0 || index >= args.size() || args.get(index).isConstant()
                    && (args.get(index).constantValue() == null || "".equals(args.get(index).constantValue()))) {
                return;
            }
            Argument a = args.get(index);
            if (!a.isConstant() || !valid.contains(String.valueOf(a.constantValue()))) {
                throw new BindException(name().replace("_dynamic", "") + ": " + what + " must be a constant "
                        + String.join(", ", new java.util.TreeSet<>(valid)) + ", not " + (a.isConstant()
                        ? "'" + a.constantValue() + "'" : "an expression"));
            }
        }
    }

    /** The decomposition of one series. */
    private record Components(double[] baseline, double[] seasonal, double[] trend, double[] residual) {
    }

    private static Object arg(Object[] a, int i) {
        return i < a.length ? a[i] : null;
    }

    private static int intArg(Object[] a, int i, int fallback) {
        return arg(a, i) instanceof Number n ? n.intValue() : fallback;
    }

    private static double realArg(Object[] a, int i, double fallback) {
        return arg(a, i) instanceof Number n ? n.doubleValue() : fallback;
    }

    private static String textArg(Object[] a, int i, String fallback) {
        return arg(a, i) instanceof String s && !s.isEmpty() ? s : fallback;
    }

    /** series_decompose(series [, seasonality, trend, test_points, seasonality_threshold]). */
    private static Object decomposeBag(Object[] a) {
        double[] x = values(a[0]);
        if (x == null) {
            return null;
        }
        Components c = decompose(x, intArg(a, 1, -1), textArg(a, 2, "avg"), intArg(a, 3, 0), realArg(a, 4, 0.6));
        ObjectNode out = KqlValues.NODES.objectNode();
        out.set("baseline", array(c.baseline()));
        out.set("seasonal", array(c.seasonal()));
        out.set("trend", array(c.trend()));
        out.set("residual", array(c.residual()));
        return out;
    }

    /** series_decompose_forecast(series, points [, seasonality, trend, seasonality_threshold]): the baseline. */
    private static Object forecast(Object[] a) {
        double[] x = values(a[0]);
        if (x == null) {
            return null;
        }
        return array(decompose(x, intArg(a, 2, -1), textArg(a, 3, "linefit"), intArg(a, 1, 0),
                realArg(a, 4, 0.6)).baseline());
    }

    /**
     * series_decompose_anomalies(series [, threshold, seasonality, trend, test_points, method,
     * seasonality_threshold]): ad_flag, ad_score and baseline.
     */
    private static Object anomalies(Object[] a) {
        double[] x = values(a[0]);
        if (x == null) {
            return null;
        }
        double threshold = realArg(a, 1, 1.5);
        int testPoints = intArg(a, 4, 0);
        String method = textArg(a, 5, "ctukey");
        if (!method.equals("ctukey") && !method.equals("tukey")) {
            throw new IllegalArgumentException("series_decompose_anomalies: method must be 'ctukey' or 'tukey'");
        }
        Components c = decompose(x, intArg(a, 2, -1), textArg(a, 3, "avg"), testPoints, realArg(a, 6, 0.6));
        int learn = Math.max(1, x.length - Math.max(0, testPoints));
        double[] learning = Arrays.copyOf(c.residual(), Math.min(learn, x.length));
        double low = percentile(learning, method.equals("tukey") ? 25 : 10);
        double high = percentile(learning, method.equals("tukey") ? 75 : 90);
        double range = high - low;
        if (range < 1e-9 * Math.max(1, Math.abs(high))) {
            range = 1; // no spread (float noise aside): a point past a fence scores its distance from it
        }
        ArrayNode flags = KqlValues.NODES.arrayNode();
        ArrayNode scores = KqlValues.NODES.arrayNode();
        for (double r : c.residual()) {
            double score = r > high ? (r - high) / range : r < low ? (r - low) / range : 0;
            scores.add(score);
            flags.add(score > threshold ? 1 : score < -threshold ? -1 : 0);
        }
        ObjectNode out = KqlValues.NODES.objectNode();
        out.set("ad_flag", flags);
        out.set("ad_score", scores);
        out.set("baseline", array(c.baseline()));
        return out;
    }

    static Components decompose(double[] x, int seasonality, String trendKind, int testPoints, double threshold) {
        int n = x.length;
        int learn = Math.max(1, n - Math.max(0, testPoints));
        learn = Math.min(learn, n);
        int period = seasonality < 0 ? detectPeriod(x, learn, threshold) : seasonality;
        double[] seasonal = new double[n];
        if (period > 1) {
            double[] medians = new double[period];
            for (int phase = 0; phase < period; phase++) {
                int count = 0;
                double[] inPhase = new double[(learn + period - 1) / period];
                for (int i = phase; i < learn; i += period) {
                    if (!Double.isNaN(x[i])) {
                        inPhase[count++] = x[i];
                    }
                }
                medians[phase] = count == 0 ? 0 : percentile(Arrays.copyOf(inPhase, count), 50);
            }
            for (int i = 0; i < n; i++) {
                seasonal[i] = medians[i % period];
            }
        }
        double[] trend = new double[n];
        switch (trendKind) {
            case "avg" -> {
                double sum = 0;
                int count = 0;
                for (int i = 0; i < learn; i++) {
                    if (!Double.isNaN(x[i])) {
                        sum += x[i] - seasonal[i];
                        count++;
                    }
                }
                Arrays.fill(trend, count == 0 ? 0 : sum / count);
            }
            case "linefit" -> {
                double sx = 0;
                double sy = 0;
                double sxx = 0;
                double sxy = 0;
                int count = 0;
                for (int i = 0; i < learn; i++) {
                    if (!Double.isNaN(x[i])) {
                        double y = x[i] - seasonal[i];
                        sx += i;
                        sy += y;
                        sxx += (double) i * i;
                        sxy += i * y;
                        count++;
                    }
                }
                double denominator = count * sxx - sx * sx;
                double slope = denominator == 0 ? 0 : (count * sxy - sx * sy) / denominator;
                double intercept = count == 0 ? 0 : (sy - slope * sx) / count;
                for (int i = 0; i < n; i++) {
                    trend[i] = intercept + slope * i;
                }
            }
            case "none" -> {
                // no trend: 0
            }
            default -> throw new IllegalArgumentException("series_decompose: trend must be 'avg', 'linefit' or"
                    + " 'none', not '" + trendKind + "'");
        }
        double[] baseline = new double[n];
        double[] residual = new double[n];
        for (int i = 0; i < n; i++) {
            baseline[i] = seasonal[i] + trend[i];
            residual[i] = x[i] - baseline[i];
        }
        return new Components(baseline, seasonal, trend, residual);
    }

    /**
     * The period: the shortest lag (2 .. n/2) whose autocorrelation over the learning points is within 0.02 of the
     * highest (multiples of the period correlate as well, over fewer points), when that reaches {@code threshold}.
     */
    private static int detectPeriod(double[] x, int learn, double threshold) {
        double[] scores = new double[learn / 2 + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int lag = 2; lag <= learn / 2; lag++) {
            scores[lag] = correlation(x, lag, learn);
            max = Math.max(max, scores[lag]);
        }
        if (!(max >= threshold)) {
            return 0;
        }
        for (int lag = 2; lag <= learn / 2; lag++) {
            if (scores[lag] >= max - 0.02) {
                return lag;
            }
        }
        return 0;
    }

    private static double correlation(double[] x, int lag, int learn) {
        double ma = 0;
        double mb = 0;
        int m = learn - lag;
        for (int i = 0; i < m; i++) {
            ma += x[i];
            mb += x[i + lag];
        }
        ma /= m;
        mb /= m;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < m; i++) {
            double da = x[i] - ma;
            double db = x[i + lag] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }

    /** The p-th percentile with linear interpolation between the closest ranks. */
    private static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double rank = p / 100 * (sorted.length - 1);
        int lower = (int) Math.floor(rank);
        int upper = (int) Math.ceil(rank);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
    }

    /** The numbers of a series (a non-numeric element is NaN), or null when it is not an array. */
    private static double[] values(Object series) {
        if (!(series instanceof ArrayNode array)) {
            return null;
        }
        double[] x = new double[array.size()];
        for (int i = 0; i < x.length; i++) {
            JsonNode e = array.get(i);
            x[i] = e.isNumber() ? e.asDouble() : Double.NaN;
        }
        return x;
    }

    private static ArrayNode array(double[] values) {
        ArrayNode out = KqlValues.NODES.arrayNode(values.length);
        for (double v : values) {
            if (Double.isNaN(v)) {
                out.addNull();
            } else {
                out.add(v);
            }
        }
        return out;
    }
}

package io.github.camelkusto.kql.functions.builtin;

import static io.github.camelkusto.kql.types.KqlType.BOOL;
import static io.github.camelkusto.kql.types.KqlType.DATETIME;
import static io.github.camelkusto.kql.types.KqlType.DECIMAL;
import static io.github.camelkusto.kql.types.KqlType.INT;
import static io.github.camelkusto.kql.types.KqlType.LONG;
import static io.github.camelkusto.kql.types.KqlType.REAL;
import static io.github.camelkusto.kql.types.KqlType.TIMESPAN;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.github.camelkusto.kql.data.DoubleVector;
import io.github.camelkusto.kql.data.LongVector;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.functions.EvalContext;
import io.github.camelkusto.kql.functions.FunctionLibrary;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.Nulls;
import io.github.camelkusto.kql.functions.Overloads;
import io.github.camelkusto.kql.functions.RowWise;
import io.github.camelkusto.kql.functions.ScalarKernel;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KustoCalendar;
import io.github.camelkusto.kql.types.Ticks;

/**
 * bin/floor (column-at-a-time: summarize keys use them), round, abs, ceiling, sign, pow, sqrt, exp, log, the
 * trigonometric functions, isnan / isinf / isfinite; max_of / min_of are in {@link ConditionalFunctions}.
 */
public final class MathFunctions implements FunctionLibrary {

    @Override
    public void registerInto(FunctionRegistry registry) {
        for (String name : new String[] {"bin", "floor"}) {
            registry.register(Overloads.of(name)
                    .add(LONG, longBin(LONG), LONG, LONG)
                    .add(REAL, MathFunctions::doubleBin, REAL, REAL)
                    .add(DATETIME, longBin(DATETIME, KustoCalendar.MIN_TICKS), DATETIME, TIMESPAN)
                    .add(TIMESPAN, longBin(TIMESPAN), TIMESPAN, TIMESPAN)
                    .add(DECIMAL, RowWise.of(DECIMAL, (a, b) -> ((BigDecimal) b).signum() == 0 ? null
                            : ((BigDecimal) a).divide((BigDecimal) b, 0, RoundingMode.FLOOR).multiply((BigDecimal) b)),
                            DECIMAL, DECIMAL));
        }
        registry.register(Overloads.of("round")
                .add(REAL, RowWise.doubleToDouble(d -> round(d, 0)), REAL)
                .add(REAL, RowWise.of(REAL, (d, digits) -> round((Double) d, ((Number) digits).intValue())), REAL, LONG)
                .add(LONG, RowWise.longToLong(LONG, x -> x), LONG)
                .add(INT, RowWise.longToLong(INT, x -> x), INT)
                .add(DECIMAL, RowWise.of(DECIMAL, d -> ((BigDecimal) d).setScale(0, RoundingMode.HALF_UP)), DECIMAL)
                .add(DECIMAL, RowWise.of(DECIMAL, (d, digits) -> ((BigDecimal) d).setScale(((Number) digits).intValue(),
                        RoundingMode.HALF_UP)), DECIMAL, LONG));
        registerRealFunctions(registry);
        // around(value, center, delta): whether value is within [center - delta, center + delta]
        registry.register(Overloads.of("around")
                .add(BOOL, RowWise.of(BOOL, (v, c, d) -> Math.abs(((Number) v).doubleValue() - ((Number) c).doubleValue())
                        <= ((Number) d).doubleValue()), REAL, REAL, REAL)
                .add(BOOL, RowWise.of(BOOL, (v, c, d) -> Math.abs(Ticks.of((java.time.Instant) v)
                        - Ticks.of((java.time.Instant) c)) <= Ticks.of((java.time.Duration) d)), DATETIME, DATETIME, TIMESPAN)
                .add(BOOL, RowWise.of(BOOL, (v, c, d) -> Math.abs(Ticks.of((java.time.Duration) v)
                        - Ticks.of((java.time.Duration) c)) <= Ticks.of((java.time.Duration) d)), TIMESPAN, TIMESPAN,
                        TIMESPAN));
        registry.register(Overloads.of("abs")
                .add(LONG, RowWise.longToLong(LONG, Math::abs), LONG)
                .add(REAL, RowWise.doubleToDouble(Math::abs), REAL)
                .add(DECIMAL, RowWise.of(DECIMAL, d -> ((BigDecimal) d).abs()), DECIMAL)
                .add(TIMESPAN, RowWise.longToLong(TIMESPAN, Math::abs), TIMESPAN));
    }

    private static void registerReal(FunctionRegistry registry, String name, java.util.function.DoubleUnaryOperator f) {
        registry.register(Overloads.of(name).add(REAL, RowWise.doubleToDouble(f), REAL));
    }

    /** Functions of reals (an int or long argument widens): NaN for a value outside the domain, as in Kusto. */
    private static void registerRealFunctions(FunctionRegistry registry) {
        registerReal(registry, "sqrt", Math::sqrt);
        registerReal(registry, "exp", Math::exp);
        registerReal(registry, "exp2", x -> Math.pow(2, x));
        registerReal(registry, "exp10", x -> Math.pow(10, x));
        registerReal(registry, "cos", Math::cos);
        registerReal(registry, "sin", Math::sin);
        registerReal(registry, "tan", Math::tan);
        registerReal(registry, "acos", Math::acos);
        registerReal(registry, "asin", Math::asin);
        registerReal(registry, "atan", Math::atan);
        registerReal(registry, "cot", x -> 1 / Math.tan(x));
        registerReal(registry, "degrees", Math::toDegrees);
        registerReal(registry, "radians", Math::toRadians);
        registerReal(registry, "ceiling", Math::ceil);
        registerReal(registry, "sign", Math::signum);
        registerReal(registry, "gamma", x -> Math.exp(logGamma(x)) * (x < 0.5 ? Math.signum(Math.sin(Math.PI * x)) : 1));
        registerReal(registry, "loggamma", x -> logGamma(x));
        // log of a negative number is null in Kusto (not NaN); log(0) is -infinity.
        for (String name : new String[] {"log", "log2", "log10"}) {
            java.util.function.DoubleUnaryOperator log = name.equals("log") ? Math::log
                    : name.equals("log10") ? Math::log10 : x -> Math.log(x) / Math.log(2);
            registry.register(Overloads.of(name).add(REAL, RowWise.of(REAL, x -> {
                double d = (Double) x;
                return d < 0 ? null : log.applyAsDouble(d);
            }), REAL));
        }
        registry.register(Overloads.of("atan2").add(REAL, RowWise.of(REAL, (y, x) -> Math.atan2((Double) y,
                (Double) x)), REAL, REAL));
        registry.register(Overloads.of("pow").add(REAL, RowWise.of(REAL, (b, e) -> Math.pow((Double) b, (Double) e)),
                REAL, REAL));
        registry.register(Overloads.of("pi").add(REAL, RowWise.nary(REAL, a -> Math.PI)));
        registry.register(Overloads.of("isnan").add(KqlType.BOOL, RowWise.of(KqlType.BOOL, x -> Double.isNaN((Double) x)),
                REAL));
        registry.register(Overloads.of("isinf").add(KqlType.BOOL, RowWise.of(KqlType.BOOL,
                x -> Double.isInfinite((Double) x)), REAL));
        registry.register(Overloads.of("isfinite").add(KqlType.BOOL, RowWise.of(KqlType.BOOL,
                x -> Double.isFinite((Double) x)), REAL));
    }

    /** Half away from zero, as Kusto rounds. */
    static double round(double d, int digits) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return d;
        }
        return BigDecimal.valueOf(d).setScale(digits, RoundingMode.HALF_UP).doubleValue();
    }

    static ScalarKernel longBin(KqlType result) {
        return longBin(result, 0);
    }

    /**
     * {@code floor((x - origin) / size) * size + origin} over long storage; a size of 0 or null gives null.
     * Kusto bins datetimes from 0001-01-01 (its tick 0), which matters for sizes such as 7d.
     */
    static ScalarKernel longBin(KqlType result, long origin) {
        return (args, ctx) -> {
            int n = ctx.rows();
            LongVector a = (LongVector) args[0];
            LongVector b = (LongVector) args[1];
            long[] x = a.values();
            long[] y = b.values();
            int xm = a.mask();
            int ym = b.mask();
            long[] out = ctx.outputLongs(n);
            boolean[] nulls = Nulls.union(n, a, b);
            if (b.isConstant() && y[0] > 0) {
                long size = y[0];
                for (int i = 0; i < n; i++) {
                    out[i] = Math.floorDiv(x[i & xm] - origin, size) * size + origin;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    long size = y[i & ym];
                    if (size == 0) {
                        nulls = Nulls.set(nulls, n, i);
                        out[i] = 0; // the array may be reused: a null row's storage is 0, as in a new one
                    } else {
                        out[i] = Math.floorDiv(x[i & xm] - origin, size) * size + origin;
                    }
                }
            }
            return new LongVector(result, out, nulls, n);
        };
    }

    static Vector doubleBin(Vector[] args, EvalContext ctx) {
        int n = ctx.rows();
        DoubleVector a = (DoubleVector) args[0];
        DoubleVector b = (DoubleVector) args[1];
        double[] x = a.values();
        double[] y = b.values();
        int xm = a.mask();
        int ym = b.mask();
        double[] out = new double[n];
        boolean[] nulls = Nulls.union(n, a, b);
        for (int i = 0; i < n; i++) {
            double size = y[i & ym];
            if (size == 0) {
                nulls = Nulls.set(nulls, n, i);
            } else {
                out[i] = Math.floor(x[i & xm] / size) * size;
            }
        }
        return new DoubleVector(out, nulls, n);
    }

    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};

    /** ln|Γ(x)| by the Lanczos approximation (g = 7), with the reflection formula below 1/2. */
    static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}

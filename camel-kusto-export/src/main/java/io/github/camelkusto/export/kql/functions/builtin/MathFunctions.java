package io.github.camelkusto.export.kql.functions.builtin;

import static io.github.camelkusto.export.kql.types.KqlType.DATETIME;
import static io.github.camelkusto.export.kql.types.KqlType.DECIMAL;
import static io.github.camelkusto.export.kql.types.KqlType.INT;
import static io.github.camelkusto.export.kql.types.KqlType.LONG;
import static io.github.camelkusto.export.kql.types.KqlType.REAL;
import static io.github.camelkusto.export.kql.types.KqlType.TIMESPAN;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.github.camelkusto.export.kql.data.DoubleVector;
import io.github.camelkusto.export.kql.data.LongVector;
import io.github.camelkusto.export.kql.data.Vector;
import io.github.camelkusto.export.kql.functions.FunctionLibrary;
import io.github.camelkusto.export.kql.functions.FunctionRegistry;
import io.github.camelkusto.export.kql.functions.Nulls;
import io.github.camelkusto.export.kql.functions.Overloads;
import io.github.camelkusto.export.kql.functions.RowWise;
import io.github.camelkusto.export.kql.functions.ScalarKernel;
import io.github.camelkusto.export.kql.types.KqlType;
import io.github.camelkusto.export.kql.types.KustoCalendar;

/** bin/floor (column-at-a-time: summarize keys use them), round, abs. */
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
        registry.register(Overloads.of("abs")
                .add(INT, RowWise.longToLong(INT, x -> (int) Math.abs(x)), INT)
                .add(LONG, RowWise.longToLong(LONG, Math::abs), LONG)
                .add(REAL, RowWise.doubleToDouble(Math::abs), REAL)
                .add(DECIMAL, RowWise.of(DECIMAL, d -> ((BigDecimal) d).abs()), DECIMAL)
                .add(TIMESPAN, RowWise.longToLong(TIMESPAN, Math::abs), TIMESPAN));
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
            long[] out = new long[n];
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
                    } else {
                        out[i] = Math.floorDiv(x[i & xm] - origin, size) * size + origin;
                    }
                }
            }
            return new LongVector(result, out, nulls, n);
        };
    }

    static Vector doubleBin(Vector[] args, io.github.camelkusto.export.kql.functions.EvalContext ctx) {
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
}

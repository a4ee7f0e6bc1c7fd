package io.github.camelkusto.kql.functions;

import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

import io.github.camelkusto.kql.data.DoubleVector;
import io.github.camelkusto.kql.data.LongVector;
import io.github.camelkusto.kql.data.ObjectVector;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.data.VectorBuilder;
import io.github.camelkusto.kql.types.KqlType;

/**
 * Kernels written one row at a time, for functions that are not on a hot path. The framework does the rest:
 * a null argument gives a null result without calling the function (unless {@link #nullAware} is used), all
 * constant arguments give a constant result computed once, and values are the contract types of
 * {@code Batch.value} (Long, String, Instant, Duration, JsonNode...). A function returning null yields a null.
 * Typed variants ({@link #longToLong}, {@link #stringToString}...) skip the boxing for common shapes.
 */
public final class RowWise {
    private RowWise() {
    }

    /** {@code f(args)} over contract values; any null argument gives null. */
    @FunctionalInterface
    public interface Fn {
        Object apply(Object[] args);
    }

    public interface Fn1 {
        Object apply(Object a);
    }

    public interface Fn2 {
        Object apply(Object a, Object b);
    }

    public interface Fn3 {
        Object apply(Object a, Object b, Object c);
    }

    public static ScalarKernel of(KqlType result, Fn1 f) {
        return kernel(result, a -> f.apply(a[0]), false);
    }

    public static ScalarKernel of(KqlType result, Fn2 f) {
        return kernel(result, a -> f.apply(a[0], a[1]), false);
    }

    public static ScalarKernel of(KqlType result, Fn3 f) {
        return kernel(result, a -> f.apply(a[0], a[1], a[2]), false);
    }

    /** Any number of arguments; any null argument gives null. */
    public static ScalarKernel nary(KqlType result, Fn f) {
        return kernel(result, f, false);
    }

    /** {@code f} is called for null arguments too (isnull, coalesce-like functions). */
    public static ScalarKernel nullAware(KqlType result, Fn f) {
        return kernel(result, f, true);
    }

    private static ScalarKernel kernel(KqlType result, Fn f, boolean nullAware) {
        return (args, ctx) -> {
            int n = ctx.rows();
            boolean allConstant = true;
            for (Vector v : args) {
                allConstant &= v.isConstant();
            }
            int rows = allConstant ? 1 : n;
            VectorBuilder out = new VectorBuilder(result, rows);
            Object[] values = new Object[args.length];
            for (int i = 0; i < rows; i++) {
                boolean anyNull = false;
                for (int a = 0; a < args.length; a++) {
                    values[a] = args[a].box(i);
                    anyNull |= values[a] == null;
                }
                out.appendBoxed(anyNull && !nullAware ? null : f.apply(values));
            }
            Vector v = out.build();
            return allConstant ? Vector.constant(result, v.box(0), n) : v;
        };
    }

    /** long-stored in, long-stored out (int, long, datetime/timespan ticks), no boxing. */
    public static ScalarKernel longToLong(KqlType result, LongUnaryOperator f) {
        return (args, ctx) -> {
            Vector a = args[0];
            int n = a.isConstant() ? 1 : ctx.rows();
            long[] in = ((LongVector) a).values();
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = f.applyAsLong(in[i]);
            }
            Vector v = new LongVector(result, out, a.nulls(), n);
            return a.isConstant() ? Vector.constant(result, v.box(0), ctx.rows()) : v;
        };
    }

    /** real in, real out, no boxing. */
    public static ScalarKernel doubleToDouble(DoubleUnaryOperator f) {
        return (args, ctx) -> {
            Vector a = args[0];
            int n = a.isConstant() ? 1 : ctx.rows();
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = f.applyAsDouble(a.getDouble(i));
            }
            Vector v = new DoubleVector(out, a.nulls(), n);
            return a.isConstant() ? Vector.constant(KqlType.REAL, v.box(0), ctx.rows()) : v;
        };
    }

    /** string in, long-stored out (strlen, indexof...). */
    public static ScalarKernel stringToLong(KqlType result, ToLongFunction<String> f) {
        return (args, ctx) -> {
            Vector a = args[0];
            int n = a.isConstant() ? 1 : ctx.rows();
            Object[] in = ((ObjectVector) a).values();
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = f.applyAsLong((String) in[i]);
            }
            Vector v = new LongVector(result, out, null, n);
            return a.isConstant() ? Vector.constant(result, v.box(0), ctx.rows()) : v;
        };
    }

    /** string in, string out (tolower, trim...). */
    public static ScalarKernel stringToString(UnaryOperator<String> f) {
        return (args, ctx) -> {
            Vector a = args[0];
            int n = a.isConstant() ? 1 : ctx.rows();
            Object[] in = ((ObjectVector) a).values();
            Object[] out = new Object[n];
            for (int i = 0; i < n; i++) {
                String s = f.apply((String) in[i]);
                out[i] = s == null ? "" : s;
            }
            return a.isConstant() ? Vector.constant(KqlType.STRING, out[0], ctx.rows())
                    : new ObjectVector(KqlType.STRING, out, n);
        };
    }
}

package io.github.camelkusto.kql.functions.builtin;

import static io.github.camelkusto.kql.types.KqlType.BOOL;
import static io.github.camelkusto.kql.types.KqlType.DATETIME;
import static io.github.camelkusto.kql.types.KqlType.DECIMAL;
import static io.github.camelkusto.kql.types.KqlType.DYNAMIC;
import static io.github.camelkusto.kql.types.KqlType.GUID;
import static io.github.camelkusto.kql.types.KqlType.INT;
import static io.github.camelkusto.kql.types.KqlType.LONG;
import static io.github.camelkusto.kql.types.KqlType.REAL;
import static io.github.camelkusto.kql.types.KqlType.STRING;
import static io.github.camelkusto.kql.types.KqlType.TIMESPAN;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.Comparator;

import io.github.camelkusto.kql.data.DoubleVector;
import io.github.camelkusto.kql.data.LongVector;
import io.github.camelkusto.kql.data.ObjectVector;
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
 * Arithmetic ({@code + - * / %}, unary {@code -}), comparisons ({@code == != < <= > >=}) and logic
 * ({@code and or not}): the hot operators, written column-at-a-time over the primitive arrays (no boxing, no
 * per-row dispatch). Constant operands are read through the vector mask ({@code x[i & m]}).
 */
public final class Operators implements FunctionLibrary {
    static final int EQ = 0;
    static final int NE = 1;
    static final int LT = 2;
    static final int LE = 3;
    static final int GT = 4;
    static final int GE = 5;

    @Override
    public void registerInto(FunctionRegistry registry) {
        registerArithmetic(registry);
        registerComparisons(registry);
        registry.register(Overloads.of("and").add(BOOL, Operators::and, BOOL, BOOL));
        registry.register(Overloads.of("or").add(BOOL, Operators::or, BOOL, BOOL));
        registry.register(Overloads.of("not").add(BOOL, Operators::not, BOOL));
        // Arithmetic on ints gives longs: int + int, -int never wrap at 32 bits.
        registry.register(Overloads.of("negate")
                .add(LONG, longArith('n', LONG), LONG)
                .add(REAL, RowWise.doubleToDouble(d -> -d), REAL)
                .add(DECIMAL, RowWise.of(DECIMAL, a -> ((BigDecimal) a).negate()), DECIMAL)
                .add(TIMESPAN, longArith('n', TIMESPAN), TIMESPAN));
    }

    private static void registerArithmetic(FunctionRegistry registry) {
        for (char op : new char[] {'+', '-', '*', '/', '%'}) {
            Overloads f = Overloads.of(String.valueOf(op))
                    .add(LONG, longArith(op, LONG), LONG, LONG)
                    .add(REAL, doubleArith(op), REAL, REAL)
                    .add(DECIMAL, decimalArith(op), DECIMAL, DECIMAL);
            switch (op) {
                case '+' -> f.add(DATETIME, longArith('+', DATETIME), DATETIME, TIMESPAN)
                        .add(DATETIME, longArith('+', DATETIME), TIMESPAN, DATETIME)
                        .add(TIMESPAN, longArith('+', TIMESPAN), TIMESPAN, TIMESPAN);
                case '-' -> f.add(TIMESPAN, longArith('-', TIMESPAN), DATETIME, DATETIME)
                        .add(DATETIME, longArith('-', DATETIME), DATETIME, TIMESPAN)
                        .add(TIMESPAN, longArith('-', TIMESPAN), TIMESPAN, TIMESPAN);
                case '*' -> f.add(TIMESPAN, longArith('*', TIMESPAN), TIMESPAN, LONG)
                        .add(TIMESPAN, longArith('*', TIMESPAN), LONG, TIMESPAN)
                        .add(TIMESPAN, RowWise.of(TIMESPAN, (a, b) -> scale((Duration) a, ((Number) b).doubleValue())),
                                TIMESPAN, REAL)
                        .add(TIMESPAN, RowWise.of(TIMESPAN, (a, b) -> scale((Duration) b, ((Number) a).doubleValue())),
                                REAL, TIMESPAN);
                case '/' -> f.add(REAL, RowWise.of(REAL, (a, b) -> (double) Ticks.of((Duration) a)
                                / Ticks.of((Duration) b)), TIMESPAN, TIMESPAN)
                        .add(TIMESPAN, longArith('/', TIMESPAN), TIMESPAN, LONG)
                        .add(TIMESPAN, RowWise.of(TIMESPAN, (a, b) -> scale((Duration) a,
                                1 / ((Number) b).doubleValue())), TIMESPAN, REAL);
                case '%' -> f.add(TIMESPAN, longArith('%', TIMESPAN), TIMESPAN, TIMESPAN);
                default -> throw new IllegalStateException();
            }
            registry.register(f);
        }
    }

    private static Duration scale(Duration d, double factor) {
        return Ticks.toDuration(Math.round(Ticks.of(d) * factor));
    }

    private static void registerComparisons(FunctionRegistry registry) {
        String[] names = {"==", "!=", "<", "<=", ">", ">="};
        for (int op = EQ; op <= GE; op++) {
            Overloads f = Overloads.of(names[op]);
            for (KqlType t : new KqlType[] {LONG, DATETIME, TIMESPAN}) {
                f.add(BOOL, longCompare(op), t, t);
            }
            f.add(BOOL, doubleCompare(op), REAL, REAL)
                    .add(BOOL, objectCompare(op, Comparator.<String>naturalOrder()), STRING, STRING)
                    .add(BOOL, objectCompare(op, Comparator.<BigDecimal>naturalOrder()), DECIMAL, DECIMAL);
            if (op == EQ || op == NE) {
                f.add(BOOL, longCompare(op), BOOL, BOOL)
                        .add(BOOL, objectCompare(op, Comparator.<java.util.UUID>naturalOrder()), GUID, GUID)
                        .add(BOOL, objectCompare(op, (a, b) -> a.equals(b) ? 0 : 1), DYNAMIC, DYNAMIC);
            }
            registry.register(f);
        }
        registry.register(Overloads.of("=~").add(BOOL, objectCompare(EQ, String.CASE_INSENSITIVE_ORDER), STRING,
                STRING));
        registry.register(Overloads.of("!~").add(BOOL, objectCompare(NE, String.CASE_INSENSITIVE_ORDER), STRING,
                STRING));
    }

    /** {@code op} over long storage; 'n' is unary negation. Division and modulo by zero give null. */
    static ScalarKernel longArith(char op, KqlType result) {
        return (args, ctx) -> {
            int n = ctx.rows();
            LongVector a = (LongVector) args[0];
            long[] x = a.values();
            int xm = a.mask();
            long[] out = ctx.outputLongs(n);
            if (op == 'n') {
                for (int i = 0; i < n; i++) {
                    out[i] = -x[i & xm];
                }
                return finish(result, out, Nulls.union(n, a), n);
            }
            LongVector b = (LongVector) args[1];
            long[] y = b.values();
            int ym = b.mask();
            boolean[] nulls = Nulls.union(n, a, b);
            switch (op) {
                case '+' -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i & xm] + y[i & ym];
                    }
                }
                case '-' -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i & xm] - y[i & ym];
                    }
                }
                case '*' -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i & xm] * y[i & ym];
                    }
                }
                case '/' -> {
                    for (int i = 0; i < n; i++) {
                        long d = y[i & ym];
                        if (d == 0) {
                            nulls = Nulls.set(nulls, n, i);
                            out[i] = 0; // the array may be reused: a null row's storage is 0, as in a new one
                        } else {
                            out[i] = x[i & xm] / d;
                        }
                    }
                }
                case '%' -> {
                    for (int i = 0; i < n; i++) {
                        long d = y[i & ym];
                        if (d == 0) {
                            nulls = Nulls.set(nulls, n, i);
                            out[i] = 0; // the array may be reused: a null row's storage is 0, as in a new one
                        } else {
                            out[i] = modulo(x[i & xm], d);
                        }
                    }
                }
                default -> throw new IllegalStateException("operator " + op);
            }
            return finish(result, out, nulls, n);
        };
    }

    /** Kusto's modulo is never negative: -5 % 3 is 1, 5 % -3 is 2. */
    static long modulo(long a, long b) {
        long r = a % b;
        return r < 0 ? r + Math.abs(b) : r;
    }

    static double modulo(double a, double b) {
        double r = a % b;
        return r < 0 ? r + Math.abs(b) : r;
    }

    private static Vector finish(KqlType result, long[] out, boolean[] nulls, int n) {
        if (result == INT) {
            for (int i = 0; i < n; i++) {
                out[i] = (int) out[i]; // int arithmetic wraps at 32 bits
            }
        } else if (result == DATETIME) {
            for (int i = 0; i < n; i++) {
                if (!KustoCalendar.inRange(out[i])) {
                    nulls = Nulls.set(nulls, n, i); // beyond 0001-01-01 .. 9999-12-31: null, as in Kusto
                }
            }
        }
        return new LongVector(result, out, nulls, n);
    }

    static ScalarKernel doubleArith(char op) {
        return (args, ctx) -> {
            int n = ctx.rows();
            DoubleVector a = (DoubleVector) args[0];
            DoubleVector b = (DoubleVector) args[1];
            double[] x = a.values();
            double[] y = b.values();
            int xm = a.mask();
            int ym = b.mask();
            double[] out = new double[n];
            switch (op) {
                case '+' -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i & xm] + y[i & ym];
                    }
                }
                case '-' -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i & xm] - y[i & ym];
                    }
                }
                case '*' -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i & xm] * y[i & ym];
                    }
                }
                case '/' -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i & xm] / y[i & ym];
                    }
                }
                case '%' -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = modulo(x[i & xm], y[i & ym]);
                    }
                }
                default -> throw new IllegalStateException("operator " + op);
            }
            return new DoubleVector(out, Nulls.union(n, a, b), n);
        };
    }

    private static ScalarKernel decimalArith(char op) {
        return RowWise.of(DECIMAL, (a, b) -> {
            BigDecimal x = (BigDecimal) a;
            BigDecimal y = (BigDecimal) b;
            return switch (op) {
                case '+' -> x.add(y);
                case '-' -> x.subtract(y);
                case '*' -> x.multiply(y);
                case '/' -> y.signum() == 0 ? null : x.divide(y, MathContext.DECIMAL128);
                default -> y.signum() == 0 ? null : x.remainder(y);
            };
        });
    }

    /**
     * The null mask of a comparison, as Kusto has it: == and != are never null (a null operand makes == false
     * and != true), an ordering (&lt;, &gt;...) with a null operand is null (which where treats as false).
     */
    static boolean[] comparisonNulls(int op, long[] out, int n, Vector a, Vector b) {
        boolean[] nulls = Nulls.union(n, a, b);
        if (nulls == null || op != EQ && op != NE) {
            return nulls;
        }
        long whenNull = op == NE ? 1 : 0;
        for (int i = 0; i < n; i++) {
            if (nulls[i]) {
                out[i] = whenNull;
            }
        }
        return null;
    }

    /** Comparison over long storage; see {@link #comparisonNulls} for null operands. */
    static ScalarKernel longCompare(int op) {
        return (args, ctx) -> {
            int n = ctx.rows();
            LongVector a = (LongVector) args[0];
            LongVector b = (LongVector) args[1];
            long[] x = a.values();
            long[] y = b.values();
            int xm = a.mask();
            int ym = b.mask();
            long[] out = ctx.outputLongs(n);
            switch (op) {
                case EQ -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i & xm] == y[i & ym] ? 1 : 0;
                    }
                }
                case NE -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i & xm] != y[i & ym] ? 1 : 0;
                    }
                }
                case LT -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i & xm] < y[i & ym] ? 1 : 0;
                    }
                }
                case LE -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i & xm] <= y[i & ym] ? 1 : 0;
                    }
                }
                case GT -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i & xm] > y[i & ym] ? 1 : 0;
                    }
                }
                default -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i & xm] >= y[i & ym] ? 1 : 0;
                    }
                }
            }
            return new LongVector(BOOL, out, comparisonNulls(op, out, n, a, b), n);
        };
    }

    static ScalarKernel doubleCompare(int op) {
        return (args, ctx) -> {
            int n = ctx.rows();
            DoubleVector a = (DoubleVector) args[0];
            DoubleVector b = (DoubleVector) args[1];
            double[] x = a.values();
            double[] y = b.values();
            int xm = a.mask();
            int ym = b.mask();
            long[] out = ctx.outputLongs(n);
            switch (op) {
                case EQ -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i & xm] == y[i & ym] ? 1 : 0;
                    }
                }
                case NE -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i & xm] != y[i & ym] ? 1 : 0;
                    }
                }
                case LT -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i & xm] < y[i & ym] ? 1 : 0;
                    }
                }
                case LE -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i & xm] <= y[i & ym] ? 1 : 0;
                    }
                }
                case GT -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i & xm] > y[i & ym] ? 1 : 0;
                    }
                }
                default -> {
                    for (int i = 0; i < n; i++) {
                        out[i] = x[i & xm] >= y[i & ym] ? 1 : 0;
                    }
                }
            }
            return new LongVector(BOOL, out, comparisonNulls(op, out, n, a, b), n);
        };
    }

    @SuppressWarnings("unchecked")
    static <T> ScalarKernel objectCompare(int op, Comparator<T> order) {
        return (args, ctx) -> {
            int n = ctx.rows();
            ObjectVector a = (ObjectVector) args[0];
            ObjectVector b = (ObjectVector) args[1];
            Object[] x = a.values();
            Object[] y = b.values();
            int xm = a.mask();
            int ym = b.mask();
            long[] out = ctx.outputLongs(n);
            for (int i = 0; i < n; i++) {
                Object l = x[i & xm];
                Object r = y[i & ym];
                if (l == null || r == null) {
                    out[i] = 0; // the array may be reused (comparisonNulls decides these rows)
                    continue;
                }
                int c = op == EQ || op == NE ? (l.equals(r) ? 0 : order.compare((T) l, (T) r) == 0 ? 0 : 1)
                        : order.compare((T) l, (T) r);
                out[i] = test(op, c) ? 1 : 0;
            }
            return new LongVector(BOOL, out, comparisonNulls(op, out, n, a, b), n);
        };
    }

    static boolean test(int op, int c) {
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            default -> c >= 0;
        };
    }

    /** Kusto's three-valued and: false wins over null. */
    static Vector and(Vector[] args, EvalContext ctx) {
        return logic(args, ctx, true);
    }

    static Vector or(Vector[] args, EvalContext ctx) {
        return logic(args, ctx, false);
    }

    private static Vector logic(Vector[] args, EvalContext ctx, boolean and) {
        int n = ctx.rows();
        LongVector a = (LongVector) args[0];
        LongVector b = (LongVector) args[1];
        long[] x = a.values();
        long[] y = b.values();
        int xm = a.mask();
        int ym = b.mask();
        long[] out = ctx.outputLongs(n);
        if (!a.hasNulls() && !b.hasNulls()) {
            if (and) {
                for (int i = 0; i < n; i++) {
                    out[i] = x[i & xm] & y[i & ym];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    out[i] = x[i & xm] | y[i & ym];
                }
            }
            return new LongVector(BOOL, out, null, n);
        }
        boolean[] nulls = null;
        long dominant = and ? 0 : 1; // the value that decides alone: false for and, true for or
        for (int i = 0; i < n; i++) {
            boolean an = a.isNull(i);
            boolean bn = b.isNull(i);
            long av = x[i & xm];
            long bv = y[i & ym];
            if (!an && av == dominant || !bn && bv == dominant) {
                out[i] = dominant;
            } else if (an || bn) {
                nulls = Nulls.set(nulls, n, i);
                out[i] = 0; // the array may be reused: a null row's storage is 0, as in a new one
            } else {
                out[i] = 1 - dominant;
            }
        }
        return new LongVector(BOOL, out, nulls, n);
    }

    static Vector not(Vector[] args, EvalContext ctx) {
        int n = ctx.rows();
        LongVector a = (LongVector) args[0];
        long[] x = a.values();
        int xm = a.mask();
        long[] out = ctx.outputLongs(n);
        for (int i = 0; i < n; i++) {
            out[i] = x[i & xm] ^ 1;
        }
        return new LongVector(BOOL, out, Nulls.union(n, a), n);
    }
}

package io.github.camelkusto.kql.functions;

import java.math.BigDecimal;

import io.github.camelkusto.kql.data.DoubleVector;
import io.github.camelkusto.kql.data.LongVector;
import io.github.camelkusto.kql.data.ObjectVector;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.types.KqlType;

/** Kusto's implicit numeric widenings: int to long, int/long to real, int/long/real to decimal. */
public final class Conversions {
    private Conversions() {
    }

    /** 0 for the same type, a small cost for a widening, MAX_VALUE when {@code from} cannot become {@code to}. */
    public static int wideningCost(KqlType from, KqlType to) {
        if (from == to) {
            return 0;
        }
        return switch (from) {
            case INT -> switch (to) {
                case LONG -> 1;
                case REAL -> 2;
                case DECIMAL -> 3;
                default -> Integer.MAX_VALUE;
            };
            case LONG -> switch (to) {
                case REAL -> 1;
                case DECIMAL -> 2;
                default -> Integer.MAX_VALUE;
            };
            case REAL -> to == KqlType.DECIMAL ? 1 : Integer.MAX_VALUE;
            default -> Integer.MAX_VALUE;
        };
    }

    /** The common type values of {@code a} and {@code b} widen to (iff, case, coalesce, union), or null. */
    public static KqlType common(KqlType a, KqlType b) {
        if (a == b) {
            return a;
        }
        if (wideningCost(a, b) != Integer.MAX_VALUE) {
            return b;
        }
        if (wideningCost(b, a) != Integer.MAX_VALUE) {
            return a;
        }
        return null;
    }

    /** {@code v} as a vector of {@code to}, a widening of its type. */
    public static Vector widen(Vector v, KqlType to) {
        if (v.type() == to) {
            return v;
        }
        int n = v.size();
        if (to == KqlType.LONG && v instanceof LongVector lv) {
            return relabel(lv, KqlType.LONG);
        }
        if (to == KqlType.REAL && v instanceof LongVector lv) {
            long[] in = lv.values();
            int len = v.isConstant() ? 1 : n;
            double[] out = new double[len];
            for (int i = 0; i < len; i++) {
                out[i] = in[i];
            }
            Vector d = new DoubleVector(out, v.nulls(), len);
            return v.isConstant() ? Vector.constant(KqlType.REAL, v.box(0), n) : d;
        }
        if (to == KqlType.DECIMAL) {
            if (v.isConstant()) {
                return Vector.constant(KqlType.DECIMAL, v.isNull(0) ? null : decimal(v, 0), n);
            }
            Object[] out = new Object[n];
            for (int i = 0; i < n; i++) {
                out[i] = v.isNull(i) ? null : decimal(v, i);
            }
            return new ObjectVector(KqlType.DECIMAL, out, n);
        }
        throw new IllegalStateException("no widening from " + v.type() + " to " + to);
    }

    private static BigDecimal decimal(Vector v, int i) {
        return v.type() == KqlType.REAL ? BigDecimal.valueOf(v.getDouble(i)) : BigDecimal.valueOf(v.getLong(i));
    }

    /** The same long storage under another long-stored type (int as long, the result of bin on datetimes...). */
    public static Vector relabel(LongVector v, KqlType type) {
        if (v.isConstant()) {
            return Vector.constant(type, v.isNull(0) ? null : boxAs(type, v.getLong(0)), v.size());
        }
        return new LongVector(type, v.values(), v.nulls(), v.size());
    }

    private static Object boxAs(KqlType type, long value) {
        return new LongVector(type, new long[] {value}, null, 1).box(0);
    }
}

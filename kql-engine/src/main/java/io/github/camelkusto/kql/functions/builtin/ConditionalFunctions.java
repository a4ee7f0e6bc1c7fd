package io.github.camelkusto.kql.functions.builtin;

import static io.github.camelkusto.kql.types.KqlType.BOOL;
import static io.github.camelkusto.kql.types.KqlType.LONG;
import static io.github.camelkusto.kql.types.KqlType.STRING;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.camelkusto.kql.data.DoubleVector;
import io.github.camelkusto.kql.data.LongVector;
import io.github.camelkusto.kql.data.ObjectVector;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.data.VectorBuilder;
import io.github.camelkusto.kql.functions.Argument;
import io.github.camelkusto.kql.functions.BindException;
import io.github.camelkusto.kql.functions.Conversions;
import io.github.camelkusto.kql.functions.FunctionLibrary;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.Nulls;
import io.github.camelkusto.kql.functions.ScalarBinding;
import io.github.camelkusto.kql.functions.ScalarFunction;
import io.github.camelkusto.kql.functions.SerialFunction;
import io.github.camelkusto.kql.types.KqlType;

/**
 * iff/iif, case, coalesce, max_of/min_of, isnull/isnotnull/isempty/isnotempty, in/!in/in~/!in~: functions
 * that choose between values or test for nulls, column-at-a-time.
 */
public final class ConditionalFunctions implements FunctionLibrary {

    @Override
    public void registerInto(FunctionRegistry registry) {
        registry.register(new Iff("iff"));
        registry.register(new Iff("iif"));
        registry.register(new Case());
        registry.register(new Coalesce());
        registry.register(new Extreme("max_of", 1));
        registry.register(new Extreme("min_of", -1));
        registry.register(new NullTest("isnull", false, false));
        registry.register(new NullTest("isnotnull", true, false));
        registry.register(new NullTest("isempty", false, true));
        registry.register(new NullTest("isnotempty", true, true));
        for (String op : List.of("in", "!in", "in~", "!in~")) {
            registry.register(new In(op));
        }
    }

    /** case(): its page says every value must be of one type, so Kusto gives it no widening of int to real. */
    private static final java.util.Set<String> BRANCHES = java.util.Set.of("case");

    private static boolean isInteger(KqlType t) {
        return t == KqlType.INT || t == KqlType.LONG;
    }

    /** The common type of {@code args} (values of iff, case, coalesce), widened as Kusto widens numbers. */
    static KqlType commonType(String function, List<KqlType> types) {
        KqlType common = types.get(0);
        for (KqlType t : types) {
            KqlType c = Conversions.common(common, t);
            if (c == null || isInteger(common) != isInteger(t) && BRANCHES.contains(function)) {
                // the case() page: "All then arguments and the else argument must be of the same type" (int and
                // long still mix: Kusto widens int to long)
                throw new BindException(function + " needs values of one type, but got " + common.kustoName()
                        + " and " + t.kustoName());
            }
            common = c;
        }
        return common;
    }

    /** Row {@code i} of {@code sources[which[i]]}, for each row: one loop per storage, no boxing. */
    static Vector pick(KqlType type, Vector[] sources, int[] which, int n) {
        boolean[] nulls = null;
        switch (VectorBuilder.storage(type)) {
            case LONG -> {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    Vector s = sources[which[i]];
                    if (s.isNull(i)) {
                        nulls = Nulls.set(nulls, n, i);
                    } else {
                        out[i] = s.getLong(i);
                    }
                }
                return new LongVector(type, out, nulls, n);
            }
            case DOUBLE -> {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    Vector s = sources[which[i]];
                    if (s.isNull(i)) {
                        nulls = Nulls.set(nulls, n, i);
                    } else {
                        out[i] = s.getDouble(i);
                    }
                }
                return new DoubleVector(out, nulls, n);
            }
            default -> {
                Object[] out = new Object[n];
                for (int i = 0; i < n; i++) {
                    out[i] = sources[which[i]].getObject(i);
                }
                return new ObjectVector(type, out, n);
            }
        }
    }

    private static Vector[] widened(Vector[] args, KqlType type, int from, int step) {
        Vector[] out = args.clone();
        for (int i = from; i < args.length; i += step) {
            out[i] = Conversions.widen(args[i], type);
        }
        return out;
    }

    private record Iff(String name) implements ScalarFunction {
        @Override
        public ScalarBinding bind(List<Argument> args) {
            if (args.size() != 3 || args.get(0).type() != BOOL) {
                throw new BindException(name + " expects (bool condition, value if true, value if false)");
            }
            KqlType type = commonType(name, List.of(args.get(1).type(), args.get(2).type()));
            return new ScalarBinding(type, (vectors, ctx) -> {
                int n = ctx.rows();
                Vector[] v = widened(vectors, type, 1, 1);
                Vector cond = v[0];
                int[] which = new int[n];
                for (int i = 0; i < n; i++) {
                    which[i] = !cond.isNull(i) && cond.getLong(i) != 0 ? 1 : 2;
                }
                return pick(type, v, which, n);
            });
        }
    }

    /** {@code case(c1, v1, c2, v2, ..., else)}. */
    private static final class Case implements ScalarFunction {
        @Override
        public String name() {
            return "case";
        }

        @Override
        public ScalarBinding bind(List<Argument> args) {
            if (args.size() < 3 || args.size() % 2 == 0) {
                throw new BindException("case expects (condition, value, [condition, value, ...] else value)");
            }
            List<KqlType> values = new java.util.ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                boolean isCondition = i % 2 == 0 && i < args.size() - 1;
                if (isCondition && args.get(i).type() != BOOL) {
                    throw new BindException("case: argument " + (i + 1) + " must be a bool condition, not "
                            + args.get(i).type());
                }
                if (!isCondition) {
                    values.add(args.get(i).type());
                }
            }
            KqlType type = commonType("case", values);
            return new ScalarBinding(type, (vectors, ctx) -> {
                int n = ctx.rows();
                Vector[] v = vectors.clone();
                for (int i = 1; i < v.length; i += 2) {
                    v[i] = Conversions.widen(v[i], type);
                }
                v[v.length - 1] = Conversions.widen(v[v.length - 1], type);
                int[] which = new int[n];
                for (int i = 0; i < n; i++) {
                    which[i] = v.length - 1;
                    for (int c = 0; c < v.length - 1; c += 2) {
                        if (!v[c].isNull(i) && v[c].getLong(i) != 0) {
                            which[i] = c + 1;
                            break;
                        }
                    }
                }
                return pick(type, v, which, n);
            });
        }
    }

    /** The first argument that is not null (for strings: not empty). */
    private static final class Coalesce implements ScalarFunction {
        @Override
        public String name() {
            return "coalesce";
        }

        @Override
        public ScalarBinding bind(List<Argument> args) {
            if (args.size() < 2) {
                throw new BindException("coalesce expects at least 2 arguments");
            }
            KqlType type = commonType("coalesce", args.stream().map(Argument::type).toList());
            return new ScalarBinding(type, (vectors, ctx) -> {
                int n = ctx.rows();
                Vector[] v = widened(vectors, type, 0, 1);
                int[] which = new int[n];
                for (int i = 0; i < n; i++) {
                    int k = 0;
                    while (k < v.length - 1 && (v[k].isNull(i) || type == STRING && ((String) v[k].getObject(i))
                            .isEmpty())) {
                        k++;
                    }
                    which[i] = k;
                }
                return pick(type, v, which, n);
            });
        }
    }

    /** max_of / min_of(a, b, ...): the largest / smallest value, nulls ignored (null when all are null). */
    private record Extreme(String name, int sign) implements ScalarFunction {
        @Override
        public ScalarBinding bind(List<Argument> args) {
            if (args.size() < 2 || args.size() > 64) {
                throw new BindException(name + " expects 2 to 64 arguments, not " + args.size());
            }
            KqlType type = commonType(name, args.stream().map(Argument::type).toList());
            if (type == KqlType.DYNAMIC || type == KqlType.GUID) {
                throw new BindException(name + " compares scalar values, not " + type.kustoName());
            }
            return new ScalarBinding(type, (vectors, ctx) -> {
                int n = ctx.rows();
                Vector[] v = widened(vectors, type, 0, 1);
                int[] which = new int[n];
                for (int i = 0; i < n; i++) {
                    int best = 0;
                    for (int k = 1; k < v.length; k++) {
                        if (!v[k].isNull(i) && (v[best].isNull(i) || sign * compare(v[k].box(i), v[best].box(i)) > 0)) {
                            best = k;
                        }
                    }
                    which[i] = best;
                }
                return pick(type, v, which, n);
            });
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static int compare(Object a, Object b) {
            return ((Comparable) a).compareTo(b);
        }
    }

    /** isnull/isnotnull (strings are never null), isempty/isnotempty (null, or the empty string). */
    private record NullTest(String name, boolean negated, boolean emptyToo) implements ScalarFunction {
        @Override
        public ScalarBinding bind(List<Argument> args) {
            if (args.size() != 1) {
                throw new BindException(name + " expects one argument");
            }
            boolean string = args.get(0).type() == STRING;
            return new ScalarBinding(BOOL, (vectors, ctx) -> {
                int n = ctx.rows();
                Vector v = vectors[0];
                long[] out = new long[n];
                for (int i = 0; i < n; i++) {
                    boolean result = v.isKustoNull(i) || emptyToo && string && ((String) v.getObject(i)).isEmpty();
                    out[i] = result != negated ? 1 : 0;
                }
                return new LongVector(BOOL, out, null, n);
            });
        }
    }

    /** {@code x in (a, b, ...)}: the binder passes x first, then the items. */
    private record In(String name) implements ScalarFunction {
        @Override
        public ScalarBinding bind(List<Argument> args) {
            if (args.size() < 2) {
                throw new BindException("'" + name + "' expects a list of values");
            }
            boolean negated = name.startsWith("!");
            boolean ignoreCase = name.endsWith("~");
            KqlType type = commonType("'" + name + "'", args.stream().map(Argument::type).toList());
            if (ignoreCase && type != STRING) {
                throw new BindException("'" + name + "' compares strings, not " + type.kustoName());
            }
            return new ScalarBinding(BOOL, (vectors, ctx) -> {
                int n = ctx.rows();
                Vector[] v = widened(vectors, type, 0, 1);
                Vector x = v[0];
                long[] out = new long[n];
                boolean[] nulls = null;
                boolean constantItems = true;
                for (int k = 1; k < v.length; k++) {
                    constantItems &= v[k].isConstant();
                }
                Set<Object> set = null;
                if (constantItems) {
                    set = new HashSet<>();
                    for (int k = 1; k < v.length; k++) {
                        if (!v[k].isNull(0)) {
                            set.add(key(v[k], 0, ignoreCase));
                        }
                    }
                }
                for (int i = 0; i < n; i++) {
                    if (x.isNull(i)) {
                        out[i] = negated ? 1 : 0; // a null is in no list, as == with null is false
                        continue;
                    }
                    Object key = key(x, i, ignoreCase);
                    boolean found;
                    if (set != null) {
                        found = set.contains(key);
                    } else {
                        found = false;
                        for (int k = 1; k < v.length && !found; k++) {
                            found = !v[k].isNull(i) && key.equals(key(v[k], i, ignoreCase));
                        }
                    }
                    out[i] = found != negated ? 1 : 0;
                }
                return new LongVector(BOOL, out, nulls, n);
            });
        }

        private static Object key(Vector v, int i, boolean ignoreCase) {
            Object o = v.box(i);
            return ignoreCase ? ((String) o).toLowerCase(Locale.ROOT) : o;
        }
    }
}

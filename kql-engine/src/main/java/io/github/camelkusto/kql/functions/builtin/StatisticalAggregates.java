package io.github.camelkusto.kql.functions.builtin;

import static io.github.camelkusto.kql.types.KqlType.BOOL;
import static io.github.camelkusto.kql.types.KqlType.DECIMAL;
import static io.github.camelkusto.kql.types.KqlType.DYNAMIC;
import static io.github.camelkusto.kql.types.KqlType.INT;
import static io.github.camelkusto.kql.types.KqlType.LONG;
import static io.github.camelkusto.kql.types.KqlType.REAL;

import java.util.Arrays;
import java.util.List;

import io.github.camelkusto.kql.data.DoubleVector;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.functions.AggregateBinding;
import io.github.camelkusto.kql.functions.AggregateFunction;
import io.github.camelkusto.kql.functions.Argument;
import io.github.camelkusto.kql.functions.BindException;
import io.github.camelkusto.kql.functions.FunctionLibrary;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.GroupedAggregator;
import io.github.camelkusto.kql.types.KqlType;

/**
 * stdev/stdevp/variance/variancep (and their -if forms), dcountif, make_list_if/make_set_if,
 * make_list_with_nulls, make_bag/make_bag_if. The statistics keep primitive per-group state (count, mean and
 * the sum of squared deviations, updated with Welford's method) a column at a time.
 */
public final class StatisticalAggregates implements FunctionLibrary {

    @Override
    public void registerInto(FunctionRegistry registry) {
        for (boolean conditional : new boolean[] {false, true}) {
            String suffix = conditional ? "if" : "";
            registry.register(variance("stdev" + suffix, true, true, conditional));
            registry.register(variance("stdevp" + suffix, false, true, conditional));
            registry.register(variance("variance" + suffix, true, false, conditional));
            registry.register(variance("variancep" + suffix, false, false, conditional));
        }
        registry.register(AggregateFunction.of("dcountif", 2, 3, "dcountif", args -> {
            requireBool("dcountif", args.get(1));
            return AggregateBinding.of(LONG, ObjectAggregators.DistinctCountIf::new);
        }));
        registry.register(AggregateFunction.of("make_list_if", 2, 3, "list", args -> {
            requireBool("make_list_if", args.get(1));
            return AggregateBinding.of(DYNAMIC, () -> new ObjectAggregators.MakeList(false, maxSize(args, 2), false,
                    true));
        }));
        registry.register(AggregateFunction.of("make_set_if", 2, 3, "set", args -> {
            requireBool("make_set_if", args.get(1));
            return AggregateBinding.of(DYNAMIC, () -> new ObjectAggregators.MakeList(true, maxSize(args, 2), false,
                    true));
        }));
        registry.register(AggregateFunction.of("make_list_with_nulls", 1, 2, "list",
                args -> AggregateBinding.of(DYNAMIC,
                        () -> new ObjectAggregators.MakeList(false, maxSize(args, 1), true, false))));
        registry.register(AggregateFunction.of("make_bag", 1, 2, "bag", args -> {
            requireDynamic("make_bag", args.get(0));
            return AggregateBinding.of(DYNAMIC, () -> new ObjectAggregators.MakeBag(maxSize(args, 1), false));
        }));
        registry.register(AggregateFunction.of("make_bag_if", 2, 3, "bag", args -> {
            requireDynamic("make_bag_if", args.get(0));
            requireBool("make_bag_if", args.get(1));
            return AggregateBinding.of(DYNAMIC, () -> new ObjectAggregators.MakeBag(maxSize(args, 2), true));
        }));
    }
    private static AggregateFunction variance(String name, boolean sample, boolean root, boolean conditional) {
        return AggregateFunction.of(name, conditional ? 2 : 1, conditional ? 2 : 1, name, args -> {
            KqlType t = args.get(0).type();
            if (t != INT && t != LONG && t != REAL && t != DECIMAL) {
                throw new BindException(name + " expects a number, not " + t.kustoName());
            }
            if (conditional) {
                requireBool(name, args.get(1));
            }
            List<KqlType> types = conditional ? List.of(t == DECIMAL ? DECIMAL : REAL, BOOL)
                    : List.of(t == DECIMAL ? DECIMAL : REAL);
            return new AggregateBinding(List.of(REAL), types, () -> new Variance(sample, root, conditional));
        });
    }

    private static void requireBool(String name, Argument predicate) {
        if (predicate.type() != BOOL) {
            throw new BindException(name + " expects a bool predicate, not " + predicate.type().kustoName());
        }
    }

    private static void requireDynamic(String name, Argument arg) {
        if (arg.type() != DYNAMIC) {
            throw new BindException(name + " expects a dynamic property bag, not " + arg.type().kustoName());
        }
    }

    private static int maxSize(List<Argument> args, int index) {
        if (args.size() <= index) {
            return 1_048_576;
        }
        if (!args.get(index).isConstant() || !(args.get(index).constantValue() instanceof Number n)) {
            throw new BindException("the maximum size must be a constant integer");
        }
        return n.intValue();
    }

    /**
     * Variance (sample: divided by n - 1; population: by n) or its square root; nulls are skipped, a group with
     * fewer than two values (one for the population forms) gives 0, NaN and infinities make it NaN.
     */
    static final class Variance implements GroupedAggregator {
        private final boolean sample;
        private final boolean root;
        private final boolean conditional;
        private long[] counts = new long[16];
        private double[] means = new double[16];
        private double[] squares = new double[16];

        Variance(boolean sample, boolean root, boolean conditional) {
            this.sample = sample;
            this.root = root;
            this.conditional = conditional;
        }

        @Override
        public void ensureGroups(int groupCount) {
            if (counts.length < groupCount) {
                int size = Math.max(groupCount, counts.length * 2);
                counts = Arrays.copyOf(counts, size);
                means = Arrays.copyOf(means, size);
                squares = Arrays.copyOf(squares, size);
            }
        }

        @Override
        public void update(int[] groupIds, Vector[] args, int rows) {
            Vector x = args[0];
            Vector predicate = conditional ? args[1] : null;
            boolean decimal = x.type() == DECIMAL;
            long[] c = counts;
            double[] m = means;
            double[] q = squares;
            for (int i = 0; i < rows; i++) {
                if (x.isNull(i) || !NumericAggregators.passes(predicate, i)) {
                    continue;
                }
                double v = decimal ? ((java.math.BigDecimal) x.getObject(i)).doubleValue() : x.getDouble(i);
                int g = groupIds[i];
                long n = ++c[g];
                double delta = v - m[g];
                m[g] += delta / n;
                q[g] += delta * (v - m[g]);
            }
        }

        @Override
        public Vector[] finish(int groupCount) {
            double[] out = new double[groupCount];
            boolean[] nulls = sample ? null : new boolean[groupCount];
            for (int g = 0; g < groupCount; g++) {
                long n = counts[g];
                if (!sample && n == 0) {
                    nulls[g] = true; // the summarize page: variance and stdev of nothing are 0, the others null
                    continue;
                }
                double variance = Double.isNaN(squares[g]) || Double.isNaN(means[g]) ? Double.NaN
                        : n <= (sample ? 1 : 0) ? 0 : squares[g] / (sample ? n - 1 : n);
                out[g] = root ? Math.sqrt(variance) : variance;
            }
            return new Vector[] {new DoubleVector(out, nulls, groupCount)};
        }
    }
}

package io.github.camelkusto.kql.functions.builtin;

import static io.github.camelkusto.kql.types.KqlType.BOOL;
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
 * covariance / covariancep (sample and population covariance of two numeric expressions) and their -if forms;
 * named {@code covariance_x_y} after both arguments, as Kusto names them. A pair with a null is left out.
 */
public final class CovarianceAggregates implements FunctionLibrary {

    @Override
    public void registerInto(FunctionRegistry registry) {
        for (boolean conditional : new boolean[] {false, true}) {
            registry.register(new Covariance("covariance" + (conditional ? "if" : ""), true, conditional));
            registry.register(new Covariance("covariancep" + (conditional ? "if" : ""), false, conditional));
        }
    }

    private record Covariance(String name, boolean sample, boolean conditional) implements AggregateFunction {
        @Override
        public AggregateBinding bind(List<Argument> args) {
            int arity = conditional ? 3 : 2;
            if (args.size() != arity) {
                throw new BindException(name + " expects " + arity + " arguments, not " + args.size());
            }
            for (Argument a : args.subList(0, 2)) {
                KqlType t = a.type();
                if (t != KqlType.INT && t != KqlType.LONG && t != REAL && t != KqlType.DECIMAL) {
                    throw new BindException(name + " expects numbers, not " + t.kustoName());
                }
            }
            if (conditional && args.get(2).type() != BOOL) {
                throw new BindException(name + " expects a bool predicate, not " + args.get(2).type().kustoName());
            }
            List<KqlType> types = conditional ? List.of(REAL, REAL, BOOL) : List.of(REAL, REAL);
            return new AggregateBinding(List.of(REAL), types, () -> new Sums(sample, conditional));
        }

        @Override
        public List<String> outputNames(List<String> argNames) {
            String x = argNames.isEmpty() || argNames.get(0) == null ? "" : argNames.get(0);
            String y = argNames.size() < 2 || argNames.get(1) == null ? "" : argNames.get(1);
            return List.of(name + "_" + x + "_" + y);
        }
    }

    /** Per group: count, the sums of x, y and x*y (the data sets these functions see are small). */
    private static final class Sums implements GroupedAggregator {
        private final boolean sample;
        private final boolean conditional;
        private long[] n = new long[0];
        private double[] sx = new double[0];
        private double[] sy = new double[0];
        private double[] sxy = new double[0];

        Sums(boolean sample, boolean conditional) {
            this.sample = sample;
            this.conditional = conditional;
        }

        @Override
        public void ensureGroups(int groupCount) {
            if (n.length < groupCount) {
                int size = Math.max(groupCount, n.length * 2);
                n = Arrays.copyOf(n, size);
                sx = Arrays.copyOf(sx, size);
                sy = Arrays.copyOf(sy, size);
                sxy = Arrays.copyOf(sxy, size);
            }
        }

        @Override
        public void update(int[] groupIds, Vector[] args, int rows) {
            for (int i = 0; i < rows; i++) {
                if (args[0].isNull(i) || args[1].isNull(i) || !NumericAggregators.passes(conditional ? args[2] : null, i)) {
                    continue;
                }
                int g = groupIds[i];
                double x = args[0].getDouble(i);
                double y = args[1].getDouble(i);
                n[g]++;
                sx[g] += x;
                sy[g] += y;
                sxy[g] += x * y;
            }
        }

        @Override
        public Vector[] finish(int groupCount) {
            double[] out = new double[groupCount];
            boolean[] nulls = new boolean[groupCount];
            for (int g = 0; g < groupCount; g++) {
                long count = n[g];
                long divisor = sample ? count - 1 : count;
                if (divisor <= 0) {
                    out[g] = 0; // Kusto's covariance of a single pair is 0, as its variance is
                    nulls[g] = count == 0;
                } else {
                    out[g] = (sxy[g] - sx[g] * sy[g] / count) / divisor;
                }
            }
            return new Vector[] {new DoubleVector(out, nulls, groupCount)};
        }
    }
}

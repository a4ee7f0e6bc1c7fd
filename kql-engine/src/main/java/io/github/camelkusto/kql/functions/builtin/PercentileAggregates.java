package io.github.camelkusto.kql.functions.builtin;

import static io.github.camelkusto.kql.types.KqlType.DATETIME;
import static io.github.camelkusto.kql.types.KqlType.DECIMAL;
import static io.github.camelkusto.kql.types.KqlType.DYNAMIC;
import static io.github.camelkusto.kql.types.KqlType.INT;
import static io.github.camelkusto.kql.types.KqlType.LONG;
import static io.github.camelkusto.kql.types.KqlType.REAL;
import static io.github.camelkusto.kql.types.KqlType.TIMESPAN;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;

import io.github.camelkusto.kql.data.DoubleVector;
import io.github.camelkusto.kql.data.LongVector;
import io.github.camelkusto.kql.data.ObjectVector;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.functions.AggregateBinding;
import io.github.camelkusto.kql.functions.AggregateFunction;
import io.github.camelkusto.kql.functions.Argument;
import io.github.camelkusto.kql.functions.BindException;
import io.github.camelkusto.kql.functions.FunctionLibrary;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.GroupedAggregator;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;
import io.github.camelkusto.kql.types.Ticks;

/**
 * percentile(x, P), percentiles(x, P1, P2, ...) (one column each) and percentiles_array(x, P1, ...) (one
 * dynamic array), by the nearest-rank method: the value at rank ceil(P/100 * n) of the group's sorted non-null
 * values (the smallest for P = 0), of x's own type. Kusto estimates them with a digest; for the small groups
 * it computes exactly, the nearest rank is what it returns. Every value of a group is kept until finish (a
 * materialising aggregate, like make_list), and only the needed ranks are selected.
 */
public final class PercentileAggregates implements FunctionLibrary {

    @Override
    public void registerInto(FunctionRegistry registry) {
        registry.register(new Percentiles("percentile", false, true));
        registry.register(new Percentiles("percentiles", false, false));
        registry.register(new Percentiles("percentiles_array", true, false));
    }

    private record Percentiles(String name, boolean array, boolean single) implements AggregateFunction {
        @Override
        public AggregateBinding bind(List<Argument> args) {
            if (args.size() < 2 || single && args.size() != 2) {
                throw new BindException(name + " expects (x, " + (single ? "percentage)" : "percentage, ...)"));
            }
            KqlType t = args.get(0).type();
            if (t != INT && t != LONG && t != REAL && t != DECIMAL && t != DATETIME && t != TIMESPAN) {
                throw new BindException(name + " expects a number, datetime or timespan, not " + t.kustoName());
            }
            double[] ps = percentages(args);
            KqlType value = t == INT ? LONG : t == DECIMAL ? REAL : t;
            List<KqlType> argTypes = List.of(value);
            List<KqlType> outputs = array ? List.of(DYNAMIC) : java.util.Collections.nCopies(ps.length, value);
            return new AggregateBinding(outputs, argTypes, () -> new NearestRank(value, ps, array));
        }

        private double[] percentages(List<Argument> args) {
            double[] ps = new double[args.size() - 1];
            for (int i = 1; i < args.size(); i++) {
                Argument p = args.get(i);
                if (!p.isConstant() || !(p.constantValue() instanceof Number n) || n.doubleValue() < 0
                        || n.doubleValue() > 100) {
                    throw new BindException(name + " expects constant percentages between 0 and 100");
                }
                ps[i - 1] = n.doubleValue();
            }
            return ps;
        }

        @Override
        public List<String> outputNames(List<String> argNames, List<Argument> args) {
            String x = argNames.isEmpty() || argNames.get(0) == null ? "" : argNames.get(0);
            if (array) {
                return List.of("percentiles_" + x);
            }
            List<String> names = new ArrayList<>();
            for (int i = 1; i < args.size(); i++) {
                Object p = args.get(i).constantValue();
                names.add("percentile_" + x + "_" + KqlValues.render(p).replace('.', '_').replace('-', '_'));
            }
            return names;
        }
    }

    /**
     * Keeps each group's values ({@link RankedValues}; reals as order-preserving longs) and picks the nearest
     * ranks at finish, a group at a time on every core. The result depends only on the multiset of each group's
     * values, so states over disjoint rows merge (their chunks are taken over) and a summarize splits its input.
     */
    static final class NearestRank implements GroupedAggregator {
        private final KqlType type;
        private final double[] ps;
        private final boolean array;
        private RankedValues[] values = new RankedValues[16];
        /** The indexes of {@code ps} by ascending percentage. */
        private final int[] order;
        /** Per group, once {@link #prepareFinish} ran: the value at each percentage's rank, in {@code ps} order. */
        private long[][] picked;

        NearestRank(KqlType type, double[] ps, boolean array) {
            this.type = type;
            this.ps = ps;
            this.array = array;
            order = java.util.stream.IntStream.range(0, ps.length).boxed()
                    .sorted(java.util.Comparator.comparingDouble(p -> ps[p])).mapToInt(Integer::intValue).toArray();
        }

        @Override
        public void ensureGroups(int groupCount) {
            if (values.length < groupCount) {
                values = Arrays.copyOf(values, Math.max(groupCount, values.length * 2));
            }
        }

        @Override
        public void update(int[] groupIds, Vector[] args, int rows) {
            Vector x = args[0];
            boolean[] nulls = x.nulls();
            int mask = x.mask();
            if (type == REAL) {
                for (int i = 0; i < rows; i++) {
                    double d = x.getDouble(i);
                    if (!(nulls != null && nulls[i & mask]) && !Double.isNaN(d)) {
                        group(groupIds[i]).add(RankedValues.sortable(d));
                    }
                }
            } else if (x instanceof LongVector longs) {
                long[] v = longs.values();
                for (int i = 0; i < rows; i++) {
                    if (nulls == null || !nulls[i & mask]) {
                        group(groupIds[i]).add(v[i & mask]);
                    }
                }
            } else {
                for (int i = 0; i < rows; i++) {
                    if (!x.isNull(i)) {
                        group(groupIds[i]).add(x.getLong(i));
                    }
                }
            }
        }

        private RankedValues group(int g) {
            RankedValues v = values[g];
            return v != null ? v : (values[g] = new RankedValues());
        }

        @Override
        public boolean mergeable() {
            return true; // a nearest rank depends on the values, not on their order
        }

        @Override
        public void merge(GroupedAggregator other, int[] groupMap, int otherGroups) {
            RankedValues[] theirs = ((NearestRank) other).values;
            for (int g = 0; g < otherGroups && g < theirs.length; g++) {
                if (theirs[g] != null) {
                    RankedValues ours = values[groupMap[g]];
                    if (ours == null) {
                        values[groupMap[g]] = theirs[g];
                    } else {
                        ours.addAll(theirs[g]);
                    }
                }
            }
        }

        @Override
        public void prepareFinish(int groupCount, GroupLoop loop) {
            long[][] result = new long[groupCount][];
            loop.forEach(groupCount, g -> result[g] = pick(g));
            picked = result;
        }

        /** The values at the ranks of {@code ps} (in its order) of group {@code g}, or null for a group of none. */
        private long[] pick(int g) {
            RankedValues group = g < values.length ? values[g] : null;
            if (group == null) {
                return null;
            }
            int n = group.size();
            // a rank grows with its percentage: in ascending order of percentage, the ranks ascend too
            int[] ascending = new int[ps.length];
            for (int r = 0; r < ps.length; r++) {
                ascending[r] = Math.max(1, (int) Math.ceil(ps[order[r]] / 100.0 * n));
            }
            long[] atRanks = group.atRanks(ascending);
            long[] inOrder = new long[ps.length];
            for (int r = 0; r < ps.length; r++) {
                inOrder[order[r]] = atRanks[r];
            }
            values[g] = null; // picked: the values are no longer needed
            return inOrder;
        }

        @Override
        public Vector[] finish(int groupCount) {
            if (picked == null || picked.length < groupCount) {
                prepareFinish(groupCount, (count, body) -> {
                    for (int g = 0; g < count; g++) {
                        body.accept(g);
                    }
                });
            }
            boolean real = type == REAL;
            int k = ps.length;
            long[][] longs = new long[k][groupCount];
            double[][] doubles = new double[k][groupCount];
            boolean[] nulls = new boolean[groupCount];
            Object[] arrays = new Object[groupCount];
            for (int g = 0; g < groupCount; g++) {
                long[] at = picked[g];
                if (at == null) {
                    nulls[g] = true;
                    continue;
                }
                ArrayNode list = array ? KqlValues.NODES.arrayNode(k) : null;
                for (int p = 0; p < k; p++) {
                    if (real) {
                        doubles[p][g] = RankedValues.real(at[p]);
                    } else {
                        longs[p][g] = at[p];
                    }
                    if (array) {
                        list.add(KqlValues.toJson(real ? doubles[p][g] : boxed(at[p])));
                    }
                }
                arrays[g] = list;
            }
            if (array) {
                return new Vector[] {new ObjectVector(DYNAMIC, arrays, groupCount)};
            }
            Vector[] out = new Vector[k];
            for (int p = 0; p < k; p++) {
                out[p] = real ? new DoubleVector(doubles[p], nulls, groupCount)
                        : new LongVector(type, longs[p], nulls, groupCount);
            }
            return out;
        }

        private Object boxed(long v) {
            return switch (type) {
                case DATETIME -> Ticks.toInstant(v);
                case TIMESPAN -> Ticks.toDuration(v);
                default -> v;
            };
        }
    }
}

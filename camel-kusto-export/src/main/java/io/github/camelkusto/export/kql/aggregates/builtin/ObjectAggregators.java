package io.github.camelkusto.export.kql.aggregates.builtin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.camelkusto.export.kql.aggregates.GroupedAggregator;
import io.github.camelkusto.export.kql.data.Vector;
import io.github.camelkusto.export.kql.data.VectorBuilder;
import io.github.camelkusto.export.kql.functions.builtin.ConversionFunctions;
import io.github.camelkusto.export.kql.types.KqlType;
import io.github.camelkusto.export.kql.types.KqlValues;

/** Aggregates whose state per group is an object: decimal sums, string min/max, dcount, take_any, lists, arg_max. */
final class ObjectAggregators {
    private ObjectAggregators() {
    }

    /** Per-group object state in a growable array. */
    abstract static class PerGroup<S> implements GroupedAggregator {
        protected Object[] states = new Object[16];

        @Override
        public void ensureGroups(int groupCount) {
            if (states.length < groupCount) {
                states = Arrays.copyOf(states, Math.max(groupCount, states.length * 2));
            }
        }

        @SuppressWarnings("unchecked")
        protected S state(int group) {
            return (S) states[group];
        }

        protected Vector column(KqlType type, int groupCount, java.util.function.IntFunction<Object> value) {
            VectorBuilder out = new VectorBuilder(type, groupCount);
            for (int g = 0; g < groupCount; g++) {
                out.appendBoxed(value.apply(g));
            }
            return out.build();
        }
    }

    static final class DecimalSum extends PerGroup<BigDecimal> {
        private final boolean conditional;
        private boolean[] seen = new boolean[16];

        DecimalSum(boolean conditional) {
            this.conditional = conditional;
        }

        @Override
        public void ensureGroups(int groupCount) {
            super.ensureGroups(groupCount);
            if (seen.length < states.length) {
                seen = Arrays.copyOf(seen, states.length);
            }
        }

        @Override
        public void update(int[] groupIds, Vector[] args, int rows) {
            for (int i = 0; i < rows; i++) {
                int g = groupIds[i];
                seen[g] = true;
                if (!args[0].isNull(i) && NumericAggregators.passes(conditional ? args[1] : null, i)) {
                    BigDecimal s = state(g);
                    states[g] = s == null ? args[0].getObject(i) : s.add((BigDecimal) args[0].getObject(i));
                }
            }
        }

        @Override
        public Vector[] finish(int groupCount) {
            return new Vector[] {column(KqlType.DECIMAL, groupCount, g -> !seen[g] ? null
                    : states[g] == null ? BigDecimal.ZERO : states[g])};
        }
    }

    /** min/max of strings, decimals, guids; null values are skipped. */
    static final class ObjectExtreme extends PerGroup<Comparable<Object>> {
        private final KqlType type;
        private final int sign;

        ObjectExtreme(KqlType type, int sign) {
            this.type = type;
            this.sign = sign;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void update(int[] groupIds, Vector[] args, int rows) {
            for (int i = 0; i < rows; i++) {
                Object v = args[0].getObject(i);
                if (v == null) {
                    continue;
                }
                int g = groupIds[i];
                Comparable<Object> best = state(g);
                if (best == null || Integer.signum(((Comparable<Object>) v).compareTo(best)) == sign) {
                    states[g] = v;
                }
            }
        }

        @Override
        public Vector[] finish(int groupCount) {
            return new Vector[] {column(type, groupCount, g -> states[g])};
        }
    }

    /** Exact distinct count: keeps every distinct non-null value of each group. */
    static final class DistinctCount extends PerGroup<Set<Object>> {
        @Override
        public void update(int[] groupIds, Vector[] args, int rows) {
            for (int i = 0; i < rows; i++) {
                Object v = args[0].box(i);
                if (v == null) {
                    continue;
                }
                Set<Object> set = state(groupIds[i]);
                if (set == null) {
                    set = new HashSet<>();
                    states[groupIds[i]] = set;
                }
                set.add(v);
            }
        }

        @Override
        public Vector[] finish(int groupCount) {
            return new Vector[] {column(KqlType.LONG, groupCount, g -> states[g] == null ? 0L
                    : (long) ((Set<?>) states[g]).size())};
        }
    }

    /** take_any: the first non-null value met in the group. */
    static final class TakeAny extends PerGroup<Object> {
        private final KqlType type;

        TakeAny(KqlType type) {
            this.type = type;
        }

        @Override
        public void update(int[] groupIds, Vector[] args, int rows) {
            for (int i = 0; i < rows; i++) {
                int g = groupIds[i];
                if (states[g] == null) {
                    states[g] = args[0].box(i);
                }
            }
        }

        @Override
        public Vector[] finish(int groupCount) {
            return new Vector[] {column(type, groupCount, g -> states[g])};
        }
    }

    /** make_list / make_set: non-null values as a dynamic array, in order of arrival, at most {@code max}. */
    static final class MakeList extends PerGroup<java.util.Collection<JsonNode>> {
        private final boolean distinct;
        private final int max;

        MakeList(boolean distinct, int max) {
            this.distinct = distinct;
            this.max = max;
        }

        @Override
        public void update(int[] groupIds, Vector[] args, int rows) {
            for (int i = 0; i < rows; i++) {
                Object v = args[0].box(i);
                int g = groupIds[i];
                java.util.Collection<JsonNode> values = state(g);
                if (values == null) {
                    values = distinct ? new LinkedHashSet<>() : new ArrayList<>();
                    states[g] = values;
                }
                if (v == null || v instanceof JsonNode j && j.isNull() || values.size() >= max) {
                    continue;
                }
                values.add(ConversionFunctions.toJson(v));
            }
        }

        @Override
        public Vector[] finish(int groupCount) {
            return new Vector[] {column(KqlType.DYNAMIC, groupCount, g -> {
                ArrayNode array = KqlValues.NODES.arrayNode();
                java.util.Collection<JsonNode> values = state(g);
                if (values != null) {
                    values.forEach(array::add);
                }
                return array;
            })};
        }
    }

    /**
     * arg_max / arg_min: the argument values of the row whose first argument is greatest (smallest); null keys
     * never win, but a group of null keys still returns its first row (as Kusto does).
     */
    static final class ArgExtreme extends PerGroup<Object[]> {
        private final List<KqlType> types;
        private final int sign;
        private boolean[] keyed = new boolean[16];

        ArgExtreme(List<KqlType> types, int sign) {
            this.types = types;
            this.sign = sign;
        }

        @Override
        public void ensureGroups(int groupCount) {
            super.ensureGroups(groupCount);
            if (keyed.length < states.length) {
                keyed = Arrays.copyOf(keyed, states.length);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public void update(int[] groupIds, Vector[] args, int rows) {
            for (int i = 0; i < rows; i++) {
                int g = groupIds[i];
                Object key = args[0].box(i);
                Object[] best = state(g);
                boolean wins = best == null || key != null && (!keyed[g]
                        || Integer.signum(((Comparable<Object>) key).compareTo(best[0])) == sign);
                if (wins) {
                    Object[] row = new Object[args.length];
                    for (int a = 0; a < args.length; a++) {
                        row[a] = args[a].box(i);
                    }
                    states[g] = row;
                    keyed[g] = key != null;
                }
            }
        }

        @Override
        public Vector[] finish(int groupCount) {
            Vector[] out = new Vector[types.size()];
            for (int a = 0; a < out.length; a++) {
                int column = a;
                out[a] = column(types.get(a), groupCount, g -> states[g] == null ? null : ((Object[]) states[g])[column]);
            }
            return out;
        }
    }
}

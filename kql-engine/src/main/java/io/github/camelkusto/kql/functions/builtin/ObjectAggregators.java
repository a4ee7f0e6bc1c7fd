package io.github.camelkusto.kql.functions.builtin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.camelkusto.kql.data.LongVector;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.data.VectorBuilder;
import io.github.camelkusto.kql.functions.GroupedAggregator;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;

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
            return new Vector[] {column(KqlType.DECIMAL, groupCount, g -> states[g] == null ? BigDecimal.ZERO
                    : states[g])};
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
    static class DistinctCount extends PerGroup<Object> {
        protected boolean counts(Vector[] args, int i) {
            return true;
        }

        @Override
        public void update(int[] groupIds, Vector[] args, int rows) {
            if (args[0] instanceof LongVector longs) {
                // a column has one type: its long-stored values are distinct exactly when their longs are
                long[] values = longs.values();
                int mask = longs.mask();
                for (int i = 0; i < rows; i++) {
                    if (longs.isNull(i) || !counts(args, i)) {
                        continue;
                    }
                    DistinctLongs set = (DistinctLongs) states[groupIds[i]];
                    if (set == null) {
                        set = new DistinctLongs();
                        states[groupIds[i]] = set;
                    }
                    set.add(values[i & mask]);
                }
                return;
            }
            for (int i = 0; i < rows; i++) {
                Object v = args[0].box(i);
                if (v == null || !counts(args, i)) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Set<Object> set = (Set<Object>) states[groupIds[i]];
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
                    : states[g] instanceof DistinctLongs longs ? (long) longs.size() : (long) ((Set<?>) states[g]).size())};
        }

        @Override
        public boolean mergeable() {
            return true;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void merge(GroupedAggregator other, int[] groupMap, int otherGroups) {
            Object[] theirs = ((DistinctCount) other).states;
            for (int g = 0; g < otherGroups; g++) {
                Object values = theirs[g];
                int t = groupMap[g];
                if (values == null) {
                    continue;
                }
                if (states[t] == null) {
                    states[t] = values;
                } else if (states[t] instanceof DistinctLongs longs) {
                    longs.addAll((DistinctLongs) values);
                } else {
                    ((Set<Object>) states[t]).addAll((Set<Object>) values);
                }
            }
        }

        @Override
        public void prepareFinish(int groupCount, GroupLoop loop) {
            loop.forEach(groupCount, g -> {
                if (states[g] instanceof DistinctLongs longs) {
                    longs.size(); // deduplicates its values, the work of finish, on the loop's threads
                }
            });
        }
    }

    /** dcountif(x, predicate): the distinct values of the rows where the predicate holds. */
    static final class DistinctCountIf extends DistinctCount {
        @Override
        protected boolean counts(Vector[] args, int i) {
            return NumericAggregators.passes(args[1], i);
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

    /**
     * make_list / make_set (and their -if and with_nulls forms): the values as a dynamic array, in order of
     * arrival, at most {@code max}. Null scalars are skipped unless {@code withNulls}; dynamic values are kept
     * (a dynamic null as a JSON null) and an array contributes its elements, as Kusto does. Decimals become
     * strings (dynamic has no decimal).
     */
    static final class MakeList extends PerGroup<java.util.Collection<JsonNode>> {
        private final boolean distinct;
        private final int max;
        private final boolean withNulls;
        private final boolean conditional;

        MakeList(boolean distinct, int max) {
            this(distinct, max, false, false);
        }

        MakeList(boolean distinct, int max, boolean withNulls, boolean conditional) {
            this.distinct = distinct;
            this.max = max;
            this.withNulls = withNulls;
            this.conditional = conditional;
        }

        @Override
        public void update(int[] groupIds, Vector[] args, int rows) {
            Vector predicate = conditional ? args[1] : null;
            boolean dynamic = args[0].type() == KqlType.DYNAMIC;
            for (int i = 0; i < rows; i++) {
                int g = groupIds[i];
                java.util.Collection<JsonNode> values = state(g);
                if (values == null) {
                    values = distinct ? new LinkedHashSet<>() : new ArrayList<>();
                    states[g] = values;
                }
                if (!NumericAggregators.passes(predicate, i)) {
                    continue;
                }
                Object v = args[0].box(i);
                if (dynamic) {
                    JsonNode j = v == null ? KqlValues.NODES.nullNode() : (JsonNode) v;
                    if (j.isArray()) {
                        for (JsonNode element : j) {
                            add(values, element);
                        }
                    } else {
                        add(values, j);
                    }
                } else if (v != null) {
                    add(values, v instanceof BigDecimal d ? KqlValues.NODES.textNode(d.toPlainString())
                            : KqlValues.toJson(v));
                } else if (withNulls) {
                    add(values, KqlValues.NODES.nullNode());
                }
            }
        }

        private void add(java.util.Collection<JsonNode> values, JsonNode value) {
            if (values.size() < max) {
                values.add(value);
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

    /** make_bag (make_bag_if): the union of the property bags of a group; other values are ignored. */
    static final class MakeBag extends PerGroup<com.fasterxml.jackson.databind.node.ObjectNode> {
        private final int max;
        private final boolean conditional;

        MakeBag(int max, boolean conditional) {
            this.max = max;
            this.conditional = conditional;
        }

        @Override
        public void update(int[] groupIds, Vector[] args, int rows) {
            Vector predicate = conditional ? args[1] : null;
            for (int i = 0; i < rows; i++) {
                int g = groupIds[i];
                var bag = state(g);
                if (bag == null) {
                    bag = KqlValues.NODES.objectNode();
                    states[g] = bag;
                }
                if (NumericAggregators.passes(predicate, i) && args[0].box(i) instanceof JsonNode j && j.isObject()) {
                    var target = bag;
                    j.fields().forEachRemaining(e -> {
                        if (target.size() < max && !target.has(e.getKey())) {
                            target.set(e.getKey(), e.getValue()); // Kusto keeps a repeated key's first value
                        }
                    });
                }
            }
        }

        @Override
        public Vector[] finish(int groupCount) {
            return new Vector[] {column(KqlType.DYNAMIC, groupCount, g -> states[g] == null
                    ? KqlValues.NODES.objectNode() : states[g])};
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

package io.github.camelkusto.kql.functions.builtin;

import java.util.Arrays;

import io.github.camelkusto.kql.data.DoubleVector;
import io.github.camelkusto.kql.data.LongVector;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.functions.GroupedAggregator;
import io.github.camelkusto.kql.types.KqlType;

/** count, sum, avg, min, max over primitive state arrays, updated a column at a time. */
final class NumericAggregators {
    private NumericAggregators() {
    }

    /** Whether row {@code i} passes the -if predicate (the last argument), or true without one. */
    static boolean passes(Vector predicate, int i) {
        return predicate == null || !predicate.isNull(i) && predicate.getLong(i) != 0;
    }

    /** count() and count(x) (the Kusto emulator counts every row for both), countif(predicate). */
    static final class Counting implements GroupedAggregator {
        private final boolean conditional;
        private long[] counts = new long[16];

        Counting(boolean conditional) {
            this.conditional = conditional;
        }

        @Override
        public void ensureGroups(int groupCount) {
            if (counts.length < groupCount) {
                counts = Arrays.copyOf(counts, Math.max(groupCount, counts.length * 2));
            }
        }

        @Override
        public void update(int[] groupIds, Vector[] args, int rows) {
            long[] c = counts;
            if (!conditional) {
                for (int i = 0; i < rows; i++) {
                    c[groupIds[i]]++;
                }
                return;
            }
            LongVector p = (LongVector) args[0];
            long[] v = p.values();
            int m = p.mask();
            for (int i = 0; i < rows; i++) {
                if (!p.isNull(i)) {
                    c[groupIds[i]] += v[i & m];
                }
            }
        }

        @Override
        public Vector[] finish(int groupCount) {
            return new Vector[] {new LongVector(KqlType.LONG, Arrays.copyOf(counts, groupCount), null, groupCount)};
        }

        @Override
        public boolean mergeable() {
            return true;
        }

        @Override
        public void merge(GroupedAggregator other, int[] groupMap, int otherGroups) {
            long[] theirs = ((Counting) other).counts;
            for (int g = 0; g < otherGroups; g++) {
                counts[groupMap[g]] += theirs[g];
            }
        }
    }

    /** sum over long storage (int, long, timespan); 0 for a group of nulls, null for no row at all. */
    static final class LongSum implements GroupedAggregator {
        private final KqlType type;
        private final boolean conditional;
        private long[] sums = new long[16];
        private boolean[] seen = new boolean[16];

        LongSum(KqlType type, boolean conditional) {
            this.type = type;
            this.conditional = conditional;
        }

        @Override
        public void ensureGroups(int groupCount) {
            if (sums.length < groupCount) {
                int size = Math.max(groupCount, sums.length * 2);
                sums = Arrays.copyOf(sums, size);
                seen = Arrays.copyOf(seen, size);
            }
        }

        @Override
        public void update(int[] groupIds, Vector[] args, int rows) {
            LongVector x = (LongVector) args[0];
            long[] v = x.values();
            int m = x.mask();
            long[] s = sums;
            boolean[] seenRows = seen;
            Vector predicate = conditional ? args[1] : null;
            if (!x.hasNulls() && predicate == null) {
                for (int i = 0; i < rows; i++) {
                    int g = groupIds[i];
                    s[g] += v[i & m];
                    seenRows[g] = true;
                }
                return;
            }
            for (int i = 0; i < rows; i++) {
                int g = groupIds[i];
                seenRows[g] = true;
                if (!x.isNull(i) && passes(predicate, i)) {
                    s[g] += v[i & m];
                }
            }
        }

        @Override
        public Vector[] finish(int groupCount) {
            // a group without rows (the empty input of a summarize without by) sums to 0: the summarize page's
            // table of defaults
            return new Vector[] {new LongVector(type, Arrays.copyOf(sums, groupCount), null, groupCount)};
        }

        @Override
        public boolean mergeable() {
            return true; // long additions wrap the same in any order
        }

        @Override
        public void merge(GroupedAggregator other, int[] groupMap, int otherGroups) {
            LongSum o = (LongSum) other;
            for (int g = 0; g < otherGroups; g++) {
                sums[groupMap[g]] += o.sums[g];
                seen[groupMap[g]] |= o.seen[g];
            }
        }
    }

    static boolean[] unseen(boolean[] seen, int groupCount) {
        boolean[] nulls = null;
        for (int g = 0; g < groupCount; g++) {
            if (!seen[g]) {
                if (nulls == null) {
                    nulls = new boolean[groupCount];
                }
                nulls[g] = true;
            }
        }
        return nulls;
    }

    static final class DoubleSum implements GroupedAggregator {
        private final boolean conditional;
        private double[] sums = new double[16];
        private boolean[] seen = new boolean[16];

        DoubleSum(boolean conditional) {
            this.conditional = conditional;
        }

        @Override
        public void ensureGroups(int groupCount) {
            if (sums.length < groupCount) {
                int size = Math.max(groupCount, sums.length * 2);
                sums = Arrays.copyOf(sums, size);
                seen = Arrays.copyOf(seen, size);
            }
        }

        @Override
        public void update(int[] groupIds, Vector[] args, int rows) {
            Vector x = args[0];
            Vector predicate = conditional ? args[1] : null;
            double[] s = sums;
            for (int i = 0; i < rows; i++) {
                int g = groupIds[i];
                seen[g] = true;
                if (!x.isNull(i) && passes(predicate, i)) {
                    s[g] += x.getDouble(i);
                }
            }
        }

        @Override
        public Vector[] finish(int groupCount) {
            return new Vector[] {new DoubleVector(Arrays.copyOf(sums, groupCount), null, groupCount)}; // 0 when empty
        }
    }

    /** avg (and avgif) as real: NaN for a group of nulls, null for no row at all. */
    static final class Average implements GroupedAggregator {
        private final boolean conditional;
        private final boolean integral;
        private double[] sums = new double[16];
        private long[] counts = new long[16];
        private boolean[] seen = new boolean[16];
        private long[] longSums;

        /** {@code integral}: the argument is an int or long, summed exactly (as a long), so partial states merge. */
        Average(boolean conditional, boolean integral) {
            this.conditional = conditional;
            this.integral = integral;
        }

        @Override
        public void ensureGroups(int groupCount) {
            if (sums.length < groupCount) {
                int size = Math.max(groupCount, sums.length * 2);
                sums = Arrays.copyOf(sums, size);
                counts = Arrays.copyOf(counts, size);
                seen = Arrays.copyOf(seen, size);
            }
        }

        @Override
        public void update(int[] groupIds, Vector[] args, int rows) {
            Vector x = args[0];
            Vector predicate = conditional ? args[1] : null;
            boolean decimal = x.type() == KqlType.DECIMAL;
            if (x instanceof LongVector longs) {
                longSums = longSums == null ? new long[sums.length] : longSums.length < sums.length
                        ? Arrays.copyOf(longSums, sums.length) : longSums;
                long[] ls = longSums;
                if (!longs.hasNulls() && predicate == null) {
                    long[] v = longs.values();
                    int m = longs.mask();
                    long[] c = counts;
                    boolean[] s = seen;
                    for (int i = 0; i < rows; i++) {
                        int g = groupIds[i];
                        ls[g] += v[i & m];
                        c[g]++;
                        s[g] = true;
                    }
                    return;
                }
                for (int i = 0; i < rows; i++) {
                    int g = groupIds[i];
                    seen[g] = true;
                    if (!x.isNull(i) && passes(predicate, i)) {
                        ls[g] += x.getLong(i); // Kusto sums integers as long (wrapping), then divides
                        counts[g]++;
                    }
                }
                return;
            }
            for (int i = 0; i < rows; i++) {
                int g = groupIds[i];
                seen[g] = true;
                if (!x.isNull(i) && passes(predicate, i)) {
                    sums[g] += decimal ? ((java.math.BigDecimal) x.getObject(i)).doubleValue() : x.getDouble(i);
                    counts[g]++;
                }
            }
        }

        @Override
        public Vector[] finish(int groupCount) {
            double[] out = new double[groupCount];
            for (int g = 0; g < groupCount; g++) {
                double sum = longSums != null && g < longSums.length ? sums[g] + longSums[g] : sums[g];
                out[g] = counts[g] == 0 ? Double.NaN : sum / counts[g];
            }
            return new Vector[] {new DoubleVector(out, null, groupCount)}; // NaN when empty, as the summarize page shows
        }

        @Override
        public boolean mergeable() {
            return integral;
        }

        @Override
        public void merge(GroupedAggregator other, int[] groupMap, int otherGroups) {
            Average o = (Average) other;
            if (o.longSums != null) {
                longSums = longSums == null ? new long[sums.length] : longSums.length < sums.length
                        ? Arrays.copyOf(longSums, sums.length) : longSums;
            }
            for (int g = 0; g < otherGroups; g++) {
                int t = groupMap[g];
                sums[t] += o.sums[g];
                counts[t] += o.counts[g];
                seen[t] |= o.seen[g];
                if (o.longSums != null && g < o.longSums.length) {
                    longSums[t] += o.longSums[g];
                }
            }
        }
    }

    /** min (sign -1) / max (sign 1) over long storage; null for a group without a non-null value. */
    static final class LongExtreme implements GroupedAggregator {
        private final KqlType type;
        private final int sign;
        private long[] best = new long[16];
        private boolean[] has = new boolean[16];

        LongExtreme(KqlType type, int sign) {
            this.type = type;
            this.sign = sign;
        }

        @Override
        public void ensureGroups(int groupCount) {
            if (best.length < groupCount) {
                int size = Math.max(groupCount, best.length * 2);
                best = Arrays.copyOf(best, size);
                has = Arrays.copyOf(has, size);
            }
        }

        @Override
        public void update(int[] groupIds, Vector[] args, int rows) {
            LongVector x = (LongVector) args[0];
            long[] v = x.values();
            int m = x.mask();
            for (int i = 0; i < rows; i++) {
                if (x.isNull(i)) {
                    continue;
                }
                int g = groupIds[i];
                long value = v[i & m];
                if (!has[g] || (sign > 0 ? value > best[g] : value < best[g])) {
                    best[g] = value;
                    has[g] = true;
                }
            }
        }

        @Override
        public Vector[] finish(int groupCount) {
            return new Vector[] {new LongVector(type, Arrays.copyOf(best, groupCount), unseen(has, groupCount),
                    groupCount)};
        }

        @Override
        public boolean mergeable() {
            return true;
        }

        @Override
        public void merge(GroupedAggregator other, int[] groupMap, int otherGroups) {
            LongExtreme o = (LongExtreme) other;
            for (int g = 0; g < otherGroups; g++) {
                int t = groupMap[g];
                long value = o.best[g];
                if (o.has[g] && (!has[t] || (sign > 0 ? value > best[t] : value < best[t]))) {
                    best[t] = value;
                    has[t] = true;
                }
            }
        }
    }

    static final class DoubleExtreme implements GroupedAggregator {
        private final int sign;
        private double[] best = new double[16];
        private boolean[] has = new boolean[16];

        DoubleExtreme(int sign) {
            this.sign = sign;
        }

        @Override
        public void ensureGroups(int groupCount) {
            if (best.length < groupCount) {
                int size = Math.max(groupCount, best.length * 2);
                best = Arrays.copyOf(best, size);
                has = Arrays.copyOf(has, size);
            }
        }

        @Override
        public void update(int[] groupIds, Vector[] args, int rows) {
            Vector x = args[0];
            for (int i = 0; i < rows; i++) {
                if (x.isNull(i)) {
                    continue;
                }
                int g = groupIds[i];
                double value = x.getDouble(i);
                // NaN wins once met (Kusto's min/max of reals with a NaN are NaN): later values never beat it.
                if (!has[g] || Double.isNaN(value) || (sign > 0 ? value > best[g] : value < best[g])) {
                    best[g] = value;
                    has[g] = true;
                }
            }
        }

        @Override
        public Vector[] finish(int groupCount) {
            return new Vector[] {new DoubleVector(Arrays.copyOf(best, groupCount), unseen(has, groupCount),
                    groupCount)};
        }

        @Override
        public boolean mergeable() {
            return true; // min and max pick a value: no rounding depends on the order
        }

        @Override
        public void merge(GroupedAggregator other, int[] groupMap, int otherGroups) {
            DoubleExtreme o = (DoubleExtreme) other;
            for (int g = 0; g < otherGroups; g++) {
                int t = groupMap[g];
                double value = o.best[g];
                if (o.has[g] && (!has[t] || Double.isNaN(value) || (sign > 0 ? value > best[t] : value < best[t]))) {
                    best[t] = value;
                    has[t] = true;
                }
            }
        }
    }
}

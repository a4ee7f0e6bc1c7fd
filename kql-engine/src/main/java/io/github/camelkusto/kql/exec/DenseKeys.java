package io.github.camelkusto.kql.exec;

import java.util.Arrays;

import io.github.camelkusto.kql.data.LongVector;
import io.github.camelkusto.kql.data.Vector;

/**
 * A join's build side whose one long-stored key takes few distinct values close together (ids 0..999999): the
 * group of key {@code k} sits at {@code groups[k - min]}, so a probe is an array read in key order instead of a
 * hash probe at a random slot (a cache miss per row once the table outgrows the cache). Built only when the
 * key range is at most {@value #SPREAD} times the number of keys; probes of vectors with nulls, or constant ones,
 * go to the hash table.
 */
final class DenseKeys {
    static final int SPREAD = 4;
    private static final int MAX_LENGTH = 1 << 24;

    private final long min;
    private final int[] groups;

    private DenseKeys(long min, int[] groups) {
        this.min = min;
        this.groups = groups;
    }

    /** The dense form of {@code table}'s groups, or null when its key is not one long or too spread out. */
    static DenseKeys of(GroupTable table) {
        Vector[] keys = table.keyVectors();
        if (keys.length != 1 || !(keys[0] instanceof LongVector v) || table.groupCount() == 0) {
            return null;
        }
        int n = table.groupCount();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int g = 0; g < n; g++) {
            if (!v.isNull(g)) {
                min = Math.min(min, v.getLong(g));
                max = Math.max(max, v.getLong(g));
            }
        }
        long span = max - min; // negative when the true difference overflows
        if (min > max || span < 0 || span >= Math.min(MAX_LENGTH, (long) SPREAD * n + 1024)) {
            return null;
        }
        int[] groups = new int[(int) span + 1];
        Arrays.fill(groups, -1);
        for (int g = 0; g < n; g++) {
            if (!v.isNull(g)) {
                groups[(int) (v.getLong(g) - min)] = g;
            }
        }
        return new DenseKeys(min, groups);
    }

    /**
     * Fills {@code ids[0..n)} with the group of each value of {@code keys} (-1: none); false, having done
     * nothing, when {@code keys} has nulls or is constant.
     */
    boolean find(Vector keys, int n, int[] ids) {
        if (!(keys instanceof LongVector v) || v.hasNulls() || v.isConstant()) {
            return false;
        }
        long[] values = v.values();
        int[] groups = this.groups;
        long length = groups.length;
        for (int i = 0; i < n; i++) {
            // exact despite overflow: values[i] - min lands in [0, length) only when values[i] is min + that
            long d = values[i] - min;
            ids[i] = d >= 0 && d < length ? groups[(int) d] : -1;
        }
        return true;
    }
}

package io.github.camelkusto.kql.exec;

import java.util.Arrays;
import java.util.List;

import io.github.camelkusto.kql.data.LongVector;

/**
 * A join's build side whose one long-stored key takes values close together (ids 0..999999): the group of key
 * {@code k} sits at {@code groups[k - min]}, so grouping the right rows and probing the left ones are array reads
 * in key order instead of hash probes at random slots (a cache miss per row once the table outgrows the cache).
 * Used only when the key range is at most {@value #SPREAD} times the number of right rows; null keys form a group
 * of their own, as in the hash table (a null key matches a null key).
 */
final class DenseKeys {
    static final int SPREAD = 4;
    private static final int MAX_LENGTH = 1 << 24;

    private final long min;
    private final int[] groups;
    private final int nullGroup;
    private final int groupCount;
    private final int[] rowGroup;

    private DenseKeys(long min, int[] groups, int nullGroup, int groupCount, int[] rowGroup) {
        this.min = min;
        this.groups = groups;
        this.nullGroup = nullGroup;
        this.groupCount = groupCount;
        this.rowGroup = rowGroup;
    }

    /**
     * Groups the {@code rows} keys of the right side, given in parts (a table's extents) in row order, numbered in
     * order of first appearance ({@link #rowGroup}). Null when the keys are too spread out.
     */
    static DenseKeys assign(List<LongVector> parts, int rows) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (LongVector keys : parts) {
            if (!keys.hasNulls() && keys.size() > 0) {
                // a stored extent knows its range: a second query pays nothing for it
                min = Math.min(min, keys.min());
                max = Math.max(max, keys.max());
                continue;
            }
            for (int i = 0; i < keys.size(); i++) {
                if (!keys.isNull(i)) {
                    min = Math.min(min, keys.getLong(i));
                    max = Math.max(max, keys.getLong(i));
                }
            }
        }
        long span = max - min; // negative when the true difference overflows
        if (min > max || span < 0 || span >= Math.min(MAX_LENGTH, (long) SPREAD * rows + 1024)) {
            return null;
        }
        int[] groups = new int[(int) span + 1];
        Arrays.fill(groups, -1);
        int count = 0;
        int nullGroup = -1;
        // while every row brings a new key, row r's group is r: the row-to-group array is made at the first repeat
        int[] rowGroup = null;
        int r = 0;
        for (LongVector keys : parts) {
            for (int i = 0, n = keys.size(); i < n; i++, r++) {
                int g;
                if (keys.isNull(i)) {
                    nullGroup = nullGroup < 0 ? count++ : nullGroup;
                    g = nullGroup;
                } else {
                    int d = (int) (keys.getLong(i) - min);
                    if (groups[d] < 0) {
                        groups[d] = count++;
                    }
                    g = groups[d];
                }
                if (rowGroup == null && g != r) {
                    rowGroup = new int[rows];
                    for (int k = 0; k < r; k++) {
                        rowGroup[k] = k;
                    }
                }
                if (rowGroup != null) {
                    rowGroup[r] = g;
                }
            }
        }
        return new DenseKeys(min, groups, nullGroup, count, rowGroup);
    }

    /** The group of each right row; null when each row has a key of its own (row r is then group r). */
    int[] rowGroup() {
        return rowGroup;
    }

    int groupCount() {
        return groupCount;
    }

    /** Fills {@code ids[0..n)} with the group of each of the {@code keys}, -1 where the right side has none. */
    void find(LongVector keys, int n, int[] ids) {
        long[] values = keys.values();
        int mask = keys.mask();
        int[] groups = this.groups;
        long length = groups.length;
        boolean nulls = keys.hasNulls();
        for (int i = 0; i < n; i++) {
            // exact despite overflow: values[i] - min lands in [0, length) only when values[i] is min + that
            long d = values[i & mask] - min;
            int id = d >= 0 && d < length ? groups[(int) d] : -1;
            ids[i] = nulls && keys.isNull(i) ? nullGroup : id;
        }
    }
}

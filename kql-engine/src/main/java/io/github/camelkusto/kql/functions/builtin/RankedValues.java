package io.github.camelkusto.kql.functions.builtin;

import java.util.Arrays;

/**
 * One group's values for a nearest-rank percentile, as longs ordered as the values are (a real is kept as
 * {@link #sortable(double)}). They are appended to chunks that are never copied once full, so that a large group
 * neither doubles and copies an ever larger array nor needs one contiguous block while it grows; and the ranks
 * are picked by selection (a three-way quickselect, O(n) per rank) instead of sorting the group.
 */
final class RankedValues {
    /** Values per full chunk: large enough that chunk bookkeeping is negligible, small enough to never be humongous. */
    private static final int CHUNK = 1 << 13;
    /** Below this many values a range is sorted rather than partitioned. */
    private static final int SORT_BELOW = 48;

    private long[][] full = new long[0][];
    private int fullCount;
    private long[] tail = new long[4];
    private int tailSize;

    void add(long value) {
        if (tailSize == tail.length) {
            growTail();
        }
        tail[tailSize++] = value;
    }

    private void growTail() {
        if (tail.length < CHUNK) {
            tail = Arrays.copyOf(tail, Math.min(CHUNK, tail.length * 4));
            return;
        }
        if (fullCount == full.length) {
            full = Arrays.copyOf(full, Math.max(4, fullCount * 2));
        }
        full[fullCount++] = tail;
        tail = new long[CHUNK];
        tailSize = 0;
    }

    /** Adds the values of {@code other}, taking over its full chunks; {@code other} is not used afterwards. */
    void addAll(RankedValues other) {
        if (fullCount + other.fullCount > full.length) {
            full = Arrays.copyOf(full, Math.max(fullCount + other.fullCount, full.length * 2));
        }
        System.arraycopy(other.full, 0, full, fullCount, other.fullCount);
        fullCount += other.fullCount;
        for (int i = 0; i < other.tailSize; i++) {
            add(other.tail[i]);
        }
    }

    int size() {
        return fullCount * CHUNK + tailSize;
    }

    /**
     * The value at each 1-based rank of {@code ranks} (ascending) in the sorted values: exactly what sorting the
     * values and indexing them gives, ties included.
     */
    long[] atRanks(int[] ranks) {
        long[] values = new long[size()];
        for (int c = 0; c < fullCount; c++) {
            System.arraycopy(full[c], 0, values, c * CHUNK, CHUNK);
        }
        System.arraycopy(tail, 0, values, fullCount * CHUNK, tailSize);
        long[] picked = new long[ranks.length];
        // after a selection at k, the values right of k are the larger ones: a later rank is selected among them
        int from = 0;
        for (int r = 0; r < ranks.length; r++) {
            int k = ranks[r] - 1;
            picked[r] = select(values, from, values.length, k);
            from = k;
        }
        return picked;
    }

    /**
     * Puts the value of rank {@code k} (0-based) of {@code a[lo, hi)} at {@code a[k]}, the smaller ones left of it
     * and the larger ones right of it, and returns it. Three-way partitions, so that many equal values (a
     * percentile of a column of few values) cost no more than distinct ones; a range that does not shrink fast
     * enough (an unlucky pivot again and again) is sorted instead.
     */
    static long select(long[] a, int lo, int hi, int k) {
        int last = hi - 1;
        int budget = 2 * (32 - Integer.numberOfLeadingZeros(hi - lo)) + 4;
        while (last - lo >= SORT_BELOW) {
            if (budget-- == 0) {
                break;
            }
            long pivot = medianOfThree(a[lo], a[(lo + last) >>> 1], a[last]);
            int lt = lo;
            int i = lo;
            int gt = last;
            while (i <= gt) {
                long v = a[i];
                if (v < pivot) {
                    a[i++] = a[lt];
                    a[lt++] = v;
                } else if (v > pivot) {
                    a[i] = a[gt];
                    a[gt--] = v;
                } else {
                    i++;
                }
            }
            if (k < lt) {
                last = lt - 1;
            } else if (k > gt) {
                lo = gt + 1;
            } else {
                return pivot;
            }
        }
        Arrays.sort(a, lo, last + 1);
        return a[k];
    }

    private static long medianOfThree(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /**
     * A real as a long that orders as {@code Double.compare} (and so as {@code Arrays.sort(double[])}) does:
     * -0.0 before 0.0; negative values' magnitude bits flipped. Its own inverse on the bits: see {@link #real}.
     */
    static long sortable(double d) {
        long bits = Double.doubleToLongBits(d);
        return bits ^ (bits >> 63 & Long.MAX_VALUE);
    }

    static double real(long sortable) {
        return Double.longBitsToDouble(sortable ^ (sortable >> 63 & Long.MAX_VALUE));
    }
}

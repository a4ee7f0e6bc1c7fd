package io.github.camelkusto.kql.functions.builtin;

import java.util.Arrays;

/**
 * One group's values for a nearest-rank percentile, as longs ordered as the values are (a real is kept as
 * {@link #sortable(double)}). They are appended to chunks that are never copied once full, so that a large group
 * neither doubles and copies an ever larger array nor needs one contiguous block (a large one is never copied
 * whole, see {@link #atRanks}); and the ranks are picked by selection (a three-way quickselect, O(n) per rank)
 * instead of sorting the group.
 */
final class RankedValues {
    /** Values per full chunk: large enough that chunk bookkeeping is negligible, small enough to never be humongous. */
    private static final int CHUNK = 1 << 13;
    /** Below this many values a range is sorted rather than partitioned. */
    private static final int SORT_BELOW = 48;
    /** Up to this many values a group is gathered into one array and its ranks selected there. */
    private static final int GATHER_UP_TO = 1 << 14;
    /** Bits of the histogram that narrows a larger group down to the values near each rank. */
    private static final int BUCKET_BITS = 12;

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
     * values and indexing them gives, ties included. A large group is not copied whole: a histogram of the values'
     * high bits (above their minimum) finds the bucket of each rank, only the values of those buckets are
     * gathered, and the rank is selected among them.
     */
    long[] atRanks(int[] ranks) {
        int n = size();
        if (n <= GATHER_UP_TO) {
            long[] values = new long[n];
            copyInto(values);
            return selectRanks(values, ranks);
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int c = 0; c <= fullCount; c++) {
            long[] chunk = c < fullCount ? full[c] : tail;
            for (int i = 0, size = c < fullCount ? CHUNK : tailSize; i < size; i++) {
                min = Math.min(min, chunk[i]);
                max = Math.max(max, chunk[i]);
            }
        }
        long[] picked = new long[ranks.length];
        if (min == max) {
            Arrays.fill(picked, min);
            return picked;
        }
        // (v - min) is unsigned and below 2^64: its top BUCKET_BITS significant bits are the bucket, in value order
        int shift = Math.max(0, 64 - Long.numberOfLeadingZeros(max - min) - BUCKET_BITS);
        int[] counts = new int[1 << BUCKET_BITS];
        for (int c = 0; c <= fullCount; c++) {
            long[] chunk = c < fullCount ? full[c] : tail;
            for (int i = 0, size = c < fullCount ? CHUNK : tailSize; i < size; i++) {
                counts[(int) ((chunk[i] - min) >>> shift)]++;
            }
        }
        // per rank: its bucket and its rank within the bucket; buckets of several ranks are gathered once
        int[] bucketOf = new int[ranks.length];
        int[] rankInBucket = new int[ranks.length];
        int[] slotOfBucket = new int[counts.length];
        long[][] gathered = new long[ranks.length][];
        int slots = 0;
        int bucket = 0;
        int before = 0;
        for (int r = 0; r < ranks.length; r++) {
            while (before + counts[bucket] < ranks[r]) {
                before += counts[bucket++];
            }
            bucketOf[r] = bucket;
            rankInBucket[r] = ranks[r] - before;
            if (slotOfBucket[bucket] == 0) {
                gathered[slots] = new long[counts[bucket]];
                slotOfBucket[bucket] = ++slots;
            }
        }
        int[] filled = new int[slots];
        for (int c = 0; c <= fullCount; c++) {
            long[] chunk = c < fullCount ? full[c] : tail;
            for (int i = 0, size = c < fullCount ? CHUNK : tailSize; i < size; i++) {
                int slot = slotOfBucket[(int) ((chunk[i] - min) >>> shift)] - 1;
                if (slot >= 0) {
                    gathered[slot][filled[slot]++] = chunk[i];
                }
            }
        }
        int[] from = new int[slots];
        for (int r = 0; r < ranks.length; r++) {
            int slot = slotOfBucket[bucketOf[r]] - 1;
            int k = rankInBucket[r] - 1;
            picked[r] = select(gathered[slot], from[slot], gathered[slot].length, k);
            from[slot] = k;
        }
        return picked;
    }

    private void copyInto(long[] values) {
        for (int c = 0; c < fullCount; c++) {
            System.arraycopy(full[c], 0, values, c * CHUNK, CHUNK);
        }
        System.arraycopy(tail, 0, values, fullCount * CHUNK, tailSize);
    }

    /** {@link #atRanks} of values gathered into one array (which it reorders). */
    private static long[] selectRanks(long[] values, int[] ranks) {
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

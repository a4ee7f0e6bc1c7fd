package io.github.camelkusto.kql.functions.builtin;

/**
 * A set of longs in one open-addressed {@code long[]} (linear probing, a mixed hash): dcount's exact state for
 * long-stored values, with no boxed object per value. A set of boxed Longs costs an object and a node per value,
 * and its hash, the value itself, puts keys that share low bits (every value of a group by {@code i % 16})
 * into a few buckets.
 */
final class DistinctLongs {
    /** Marks a free slot (a new array is all free); the value itself, when added, is remembered by {@link #hasEmpty}. */
    private static final long EMPTY = 0;

    private long[] slots = new long[16];
    private int size;
    private boolean hasEmpty;

    void add(long value) {
        if (value == EMPTY) {
            if (!hasEmpty) {
                hasEmpty = true;
                size++;
            }
            return;
        }
        int mask = slots.length - 1;
        for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
            long v = slots[i];
            if (v == value) {
                return;
            }
            if (v == EMPTY) {
                slots[i] = value;
                if (++size * 2 > slots.length) {
                    grow();
                }
                return;
            }
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long v : old) {
            if (v != EMPTY) {
                int i = mix(v) & mask;
                while (slots[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                slots[i] = v;
            }
        }
    }

    /** The finaliser of MurmurHash3's 64-bit hash: every bit of the value reaches the low bits. */
    private static int mix(long v) {
        v ^= v >>> 33;
        v *= 0xff51afd7ed558ccdL;
        v ^= v >>> 33;
        v *= 0xc4ceb9fe1a85ec53L;
        v ^= v >>> 33;
        return (int) v;
    }
}

package io.github.camelkusto.kql.functions.builtin;

import java.util.Arrays;

/**
 * dcount's exact state for long-stored values, with no boxed object per value. Up to {@link #SET_LIMIT} distinct
 * values it is a set in one open-addressed {@code long[]} (linear probing, a mixed hash), small enough to stay in
 * a core's cache. Past that, a set would miss the cache on nearly every value and rehash as it grows, so the
 * values are appended to a buffer instead and deduplicated in bulk: {@link #compact} scatters them by the high
 * bits of their hash into buckets of about {@link #BUCKET_VALUES} values, and deduplicates each bucket in a small
 * table that stays in the cache. The buffer is compacted whenever it holds four times the values it held after
 * the last compaction (and at least {@link #MIN_COMPACT}), so it never holds many more values than distinct ones.
 * Two states of disjoint rows merge by appending one's values to the other's.
 */
final class DistinctLongs {
    /** Marks a free slot (a new array is all free); the value itself, when added, is remembered apart. */
    private static final long EMPTY = 0;
    static final int SET_LIMIT = 8192;
    static final int MIN_COMPACT = 65_536;
    private static final int BUCKET_VALUES = 16_384;

    private long[] slots = new long[16];
    private int size;
    private boolean hasEmpty;

    /** Null while a set; then the values added (with duplicates past {@link #distinct}), {@code length} of them. */
    private long[] buffer;
    private int length;
    private int distinct;
    private int compactAt;

    void add(long value) {
        if (buffer != null) {
            if (length == buffer.length) {
                makeRoom();
            }
            buffer[length++] = value;
            return;
        }
        if (value == EMPTY) {
            if (!hasEmpty) {
                hasEmpty = true;
                size++;
            }
            return;
        }
        int mask = slots.length - 1;
        for (int i = (int) mix(value) & mask; ; i = (i + 1) & mask) {
            long v = slots[i];
            if (v == value) {
                return;
            }
            if (v == EMPTY) {
                slots[i] = value;
                if (++size * 2 > slots.length) {
                    if (size > SET_LIMIT) {
                        toBuffer();
                    } else {
                        grow();
                    }
                }
                return;
            }
        }
    }

    /** Adds every value of {@code other} (which is not used afterwards). */
    void addAll(DistinctLongs other) {
        if (other.buffer == null) {
            if (other.hasEmpty) {
                add(EMPTY);
            }
            for (long v : other.slots) {
                if (v != EMPTY) {
                    add(v);
                }
            }
            return;
        }
        if (buffer == null) {
            toBuffer();
        }
        for (int from = 0; from < other.length; ) {
            if (length == buffer.length) {
                makeRoom();
            }
            int n = Math.min(other.length - from, buffer.length - length);
            System.arraycopy(other.buffer, from, buffer, length, n);
            length += n;
            from += n;
        }
    }

    /** The number of distinct values (deduplicates the buffer first). */
    int size() {
        if (buffer == null) {
            return size;
        }
        if (distinct < length) {
            compact();
        }
        return length;
    }

    private void toBuffer() {
        buffer = new long[Math.max(MIN_COMPACT / 4, 2 * size)];
        for (long v : slots) {
            if (v != EMPTY) {
                buffer[length++] = v;
            }
        }
        if (hasEmpty) {
            buffer[length++] = EMPTY;
        }
        distinct = length;
        compactAt = MIN_COMPACT;
        slots = null;
    }

    /** Compacts a buffer due for it, then grows it when still full. */
    private void makeRoom() {
        if (length >= compactAt) {
            compact();
        }
        if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(length * 2, 16));
        }
    }

    /** Deduplicates the buffer in place: its distinct values, in no particular order, are left at its start. */
    private void compact() {
        int n = length;
        int bits = n <= BUCKET_VALUES ? 0 : 64 - Long.numberOfLeadingZeros((n - 1) / BUCKET_VALUES);
        int written;
        if (bits == 0) {
            written = dedupe(buffer, 0, n, buffer, 0, new long[tableSize(n)]);
        } else {
            int buckets = 1 << bits;
            int[] starts = new int[buckets + 1];
            for (int i = 0; i < n; i++) {
                starts[(int) (mix(buffer[i]) >>> (64 - bits)) + 1]++;
            }
            int largest = 0;
            for (int b = 0; b < buckets; b++) {
                largest = Math.max(largest, starts[b + 1]);
                starts[b + 1] += starts[b];
            }
            long[] scattered = new long[n];
            int[] fill = Arrays.copyOf(starts, buckets);
            for (int i = 0; i < n; i++) {
                long v = buffer[i];
                scattered[fill[(int) (mix(v) >>> (64 - bits))]++] = v;
            }
            long[] table = new long[tableSize(largest)];
            written = 0;
            for (int b = 0; b < buckets; b++) {
                written = dedupe(scattered, starts[b], starts[b + 1], buffer, written, table);
            }
        }
        length = written;
        distinct = written;
        compactAt = Math.max(MIN_COMPACT, 4 * written);
    }

    private static int tableSize(int values) {
        return Integer.highestOneBit(Math.max(values, 1) * 2 - 1) * 2;
    }

    /**
     * Writes the distinct values of {@code in[from, to)} to {@code out} from {@code at} (possibly the same array,
     * never ahead of the reading), using {@code table} (cleared here) as the set; returns the end of the written.
     */
    private static int dedupe(long[] in, int from, int to, long[] out, int at, long[] table) {
        int size = Math.min(table.length, tableSize(to - from));
        Arrays.fill(table, 0, size, EMPTY);
        int mask = size - 1;
        boolean empty = false;
        for (int r = from; r < to; r++) {
            long value = in[r];
            if (value == EMPTY) {
                empty = true;
                continue;
            }
            for (int i = (int) mix(value) & mask; ; i = (i + 1) & mask) {
                long v = table[i];
                if (v == value) {
                    break;
                }
                if (v == EMPTY) {
                    table[i] = value;
                    out[at++] = value;
                    break;
                }
            }
        }
        if (empty) {
            out[at++] = EMPTY;
        }
        return at;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long v : old) {
            if (v != EMPTY) {
                int i = (int) mix(v) & mask;
                while (slots[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                slots[i] = v;
            }
        }
    }

    /** The finaliser of MurmurHash3's 64-bit hash: every bit of the value reaches both the low and the high bits. */
    private static long mix(long v) {
        v ^= v >>> 33;
        v *= 0xff51afd7ed558ccdL;
        v ^= v >>> 33;
        v *= 0xc4ceb9fe1a85ec53L;
        v ^= v >>> 33;
        return v;
    }
}

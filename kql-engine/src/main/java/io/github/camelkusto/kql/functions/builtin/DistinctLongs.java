package io.github.camelkusto.kql.functions.builtin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * dcount's exact state for long-stored values, with no boxed object per value. Up to {@link #SET_LIMIT} distinct
 * values it is a set in one open-addressed {@code long[]} (linear probing, a mixed hash), small enough to stay in
 * a core's cache. Past that, a set would miss the cache on nearly every value and rehash as it grows. Values that
 * come in dense runs (on average at least {@link #DENSE_BLOCK_VALUES} distinct ones per block of 65,536 consecutive
 * values: ids, counters) go to {@link LongBlocks} bitmaps. Other values are appended to a buffer instead (chunks of {@link #CHUNK} values, never copied to grow) and
 * deduplicated in bulk: {@link #compact} scatters them by the high bits of their hash into buckets of about
 * {@link #BUCKET_VALUES} values, and deduplicates each bucket in a small table that stays in the cache. The buffer
 * is compacted when it holds four times the values it held after the last compaction (eight when that one found
 * few duplicates; at least {@link #CHUNK}), so it holds a bounded multiple of the distinct values. Two states of
 * disjoint rows merge by taking over one's chunks.
 */
final class DistinctLongs {
    /** Marks a free slot (a new array is all free); the value itself, when added, is remembered apart. */
    private static final long EMPTY = 0;
    static final int SET_LIMIT = 8192;
    static final int CHUNK = 65_536;
    private static final int BUCKET_VALUES = 16_384;
    static final int DENSE_BLOCK_VALUES = 256;

    private long[] slots = new long[16];
    private int size;
    private boolean hasEmpty;

    /** Null while a set; then the values added (duplicates among them past {@link #distinct}): full chunks... */
    private List<long[]> chunks;
    /** ...then the chunk being filled, {@code fill} values of it. */
    private long[] current;
    private int fill;
    private long distinct;
    private long compactAt;

    /** Non-null while the values are dense: their bitmaps. */
    private LongBlocks dense;

    void add(long value) {
        if (dense != null) {
            if (dense.add(value) && dense.blockCount() * (long) DENSE_BLOCK_VALUES > dense.size()) {
                denseToBuffer();
            }
            return;
        }
        if (current != null) {
            if (fill == CHUNK) {
                nextChunk();
            }
            current[fill++] = value;
            return;
        }
        if (value == EMPTY) {
            if (!hasEmpty) {
                hasEmpty = true;
                size++;
            }
            return;
        }
        if (insert(slots, slots.length - 1, value) && ++size * 2 > slots.length) {
            if (size > SET_LIMIT) {
                leaveSet();
            } else {
                grow();
            }
        }
    }

    /** Puts {@code value} (not {@link #EMPTY}) in the open-addressed {@code table[0, mask]}; false when there. */
    private static boolean insert(long[] table, int mask, long value) {
        for (int i = (int) mix(value) & mask; ; i = (i + 1) & mask) {
            long v = table[i];
            if (v == value) {
                return false;
            }
            if (v == EMPTY) {
                table[i] = value;
                return true;
            }
        }
    }

    /** Adds every value of {@code other} (which is not used afterwards). */
    void addAll(DistinctLongs other) {
        if (other.dense != null) {
            if (dense != null) {
                dense.addAll(other.dense);
            } else {
                other.dense.forEach(this::add);
            }
            return;
        }
        if (other.current == null) {
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
        if (dense != null) {
            denseToBuffer();
        } else if (current == null) {
            toBuffer();
        }
        chunks.addAll(other.chunks);
        for (int i = 0; i < other.fill; i++) {
            add(other.current[i]);
        }
    }

    /** The number of distinct values (deduplicates the buffer first). */
    long size() {
        if (dense != null) {
            return dense.size();
        }
        if (current == null) {
            return size;
        }
        if (distinct < total()) {
            compact();
        }
        return total();
    }

    private long total() {
        return (long) chunks.size() * CHUNK + fill;
    }

    /** Past the set: bitmaps when its values are dense, else the buffer. */
    private void leaveSet() {
        long[] blockKeys = new long[size];
        int n = 0;
        for (long v : slots) {
            if (v != EMPTY) {
                blockKeys[n++] = v >> 16;
            }
        }
        if (hasEmpty) {
            blockKeys[n++] = 0;
        }
        Arrays.sort(blockKeys, 0, n);
        int blocks = n == 0 ? 0 : 1;
        for (int i = 1; i < n; i++) {
            if (blockKeys[i] != blockKeys[i - 1]) {
                blocks++;
            }
        }
        if ((long) blocks * DENSE_BLOCK_VALUES > n) {
            toBuffer();
            return;
        }
        dense = new LongBlocks();
        for (long v : slots) {
            if (v != EMPTY) {
                dense.add(v);
            }
        }
        if (hasEmpty) {
            dense.add(EMPTY);
        }
        slots = null;
    }

    private void toBuffer() {
        startBuffer();
        for (long v : slots) {
            if (v != EMPTY) {
                current[fill++] = v;
            }
        }
        if (hasEmpty) {
            current[fill++] = EMPTY;
        }
        distinct = fill;
        slots = null;
    }

    /** Bitmaps that became sparse: their values go to the buffer. */
    private void denseToBuffer() {
        LongBlocks values = dense;
        dense = null;
        startBuffer();
        values.forEach(this::add);
        distinct = total();
    }

    private void startBuffer() {
        chunks = new ArrayList<>();
        current = new long[CHUNK];
        fill = 0;
        compactAt = CHUNK;
    }

    /** Compacts a buffer due for it; starts a new chunk when the current one is still full. */
    private void nextChunk() {
        if (total() >= compactAt) {
            compact();
        }
        if (fill == CHUNK) {
            chunks.add(current);
            current = new long[CHUNK];
            fill = 0;
        }
    }

    /** Deduplicates the buffer: its distinct values, in no particular order, are left in its first chunks. */
    private void compact() {
        long before = total();
        if (chunks.isEmpty() && fill <= BUCKET_VALUES) {
            fill = dedupe(current, fill, new long[tableSize(fill)]);
        } else {
            long[][] buckets = scatter(before);
            int largest = 0;
            for (long[] bucket : buckets) {
                largest = Math.max(largest, bucket.length);
            }
            long[] table = new long[tableSize(largest)];
            List<long[]> all = new ArrayList<>(chunks);
            all.add(current);
            int chunk = 0;
            int at = 0;
            for (long[] bucket : buckets) {
                int n = dedupe(bucket, bucket.length, table);
                for (int from = 0; from < n; ) {
                    if (at == CHUNK) {
                        chunk++;
                        at = 0;
                    }
                    int copied = Math.min(n - from, CHUNK - at);
                    System.arraycopy(bucket, from, all.get(chunk), at, copied);
                    from += copied;
                    at += copied;
                }
            }
            chunks = new ArrayList<>(all.subList(0, chunk));
            current = all.get(chunk);
            fill = at;
        }
        distinct = total();
        compactAt = Math.max(CHUNK, (distinct * 8 > before * 7 ? 8 : 4) * distinct);
    }

    /** The buffer's values in buckets by the high bits of their hash, about {@link #BUCKET_VALUES} in each. */
    private long[][] scatter(long values) {
        int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, (values - 1) / BUCKET_VALUES));
        int[] counts = new int[1 << bits];
        for (long[] c : chunks) {
            for (long v : c) {
                counts[(int) (mix(v) >>> (64 - bits))]++;
            }
        }
        for (int i = 0; i < fill; i++) {
            counts[(int) (mix(current[i]) >>> (64 - bits))]++;
        }
        long[][] buckets = new long[counts.length][];
        for (int b = 0; b < counts.length; b++) {
            buckets[b] = new long[counts[b]];
            counts[b] = 0;
        }
        for (long[] c : chunks) {
            for (long v : c) {
                int b = (int) (mix(v) >>> (64 - bits));
                buckets[b][counts[b]++] = v;
            }
        }
        for (int i = 0; i < fill; i++) {
            long v = current[i];
            int b = (int) (mix(v) >>> (64 - bits));
            buckets[b][counts[b]++] = v;
        }
        return buckets;
    }

    private static int tableSize(int values) {
        return Integer.highestOneBit(Math.max(values, 1) * 2 - 1) * 2;
    }

    /**
     * Moves the distinct values of {@code values[0, n)} to its start, using {@code table} (cleared here) as the
     * set; returns how many there are.
     */
    private static int dedupe(long[] values, int n, long[] table) {
        int size = Math.min(table.length, tableSize(n));
        Arrays.fill(table, 0, size, EMPTY);
        int mask = size - 1;
        boolean empty = false;
        int at = 0;
        for (int r = 0; r < n; r++) {
            long value = values[r];
            if (value == EMPTY) {
                empty = true;
                continue;
            }
            if (insert(table, mask, value)) {
                values[at++] = value;
            }
        }
        if (empty) {
            values[at++] = EMPTY;
        }
        return at;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long v : old) {
            if (v != EMPTY) {
                insert(slots, slots.length - 1, v);
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

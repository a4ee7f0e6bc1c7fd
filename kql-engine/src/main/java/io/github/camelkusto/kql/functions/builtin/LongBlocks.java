package io.github.camelkusto.kql.functions.builtin;

import java.util.function.LongConsumer;

/**
 * A set of longs as bitmaps of {@value #BLOCK_VALUES} consecutive values each (8 KB), found by the value's high
 * bits in an open-addressed table: for values that come in dense runs (ids, counters, durations) a fraction of
 * the memory of the values themselves, and an add is setting a bit in the block the previous add used. dcount's
 * state for such values ({@link DistinctLongs} decides when they are dense enough).
 */
final class LongBlocks {
    static final int BLOCK_VALUES = 65_536;
    private static final int WORDS = BLOCK_VALUES / 64;

    private long[] keys = new long[16];
    private long[][] blocks = new long[16][];
    private int blockCount;
    private long size;
    private long lastKey;
    private long[] last;

    /** Adds {@code value}; returns whether that took a new block. */
    boolean add(long value) {
        long key = value >> 16;
        long[] block = last;
        boolean created = false;
        if (block == null || key != lastKey) {
            int before = blockCount;
            block = block(key);
            created = blockCount > before;
        }
        int w = (int) (value >>> 6) & (WORDS - 1);
        long word = block[w];
        long bit = 1L << value;
        if ((word & bit) == 0) {
            block[w] = word | bit;
            size++;
        }
        return created;
    }

    int blockCount() {
        return blockCount;
    }

    long size() {
        return size;
    }

    /**
     * Adds every value of {@code other}, which is not used afterwards: a block only it has is taken over, not
     * copied (the threads of a summarize read disjoint extents, so most of their blocks are theirs alone).
     */
    void addAll(LongBlocks other) {
        for (int s = 0; s < other.blocks.length; s++) {
            long[] theirs = other.blocks[s];
            if (theirs == null) {
                continue;
            }
            int blocksBefore = blockCount;
            long[] mine = block(other.keys[s], theirs);
            if (blockCount > blocksBefore) {
                size += bitCount(theirs);
                continue;
            }
            for (int w = 0; w < WORDS; w++) {
                size += Long.bitCount(theirs[w] & ~mine[w]);
                mine[w] |= theirs[w];
            }
        }
        other.blocks = new long[16][];
        other.keys = new long[16];
        other.blockCount = 0;
        other.size = 0;
        other.last = null;
    }

    private static long bitCount(long[] block) {
        long n = 0;
        for (long word : block) {
            n += Long.bitCount(word);
        }
        return n;
    }

    void forEach(LongConsumer action) {
        for (int s = 0; s < blocks.length; s++) {
            long[] block = blocks[s];
            if (block != null) {
                long base = keys[s] << 16;
                for (int w = 0; w < WORDS; w++) {
                    for (long word = block[w]; word != 0; word &= word - 1) {
                        action.accept(base + w * 64L + Long.numberOfTrailingZeros(word));
                    }
                }
            }
        }
    }

    /** The block of {@code key}, created when missing; remembered for the next add. */
    private long[] block(long key) {
        return block(key, null);
    }

    /** The block of {@code key}; when missing, {@code adopted} becomes it (null: a new empty one). */
    private long[] block(long key, long[] adopted) {
        int mask = keys.length - 1;
        int slot = (int) mix(key) & mask;
        while (blocks[slot] != null && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (blocks[slot] == null) {
            keys[slot] = key;
            blocks[slot] = adopted != null ? adopted : new long[WORDS];
            if (++blockCount * 2 > keys.length) {
                grow();
                return block(key);
            }
        }
        lastKey = key;
        last = blocks[slot];
        return last;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[][] oldBlocks = blocks;
        keys = new long[oldKeys.length * 2];
        blocks = new long[oldKeys.length * 2][];
        int mask = keys.length - 1;
        for (int s = 0; s < oldKeys.length; s++) {
            if (oldBlocks[s] != null) {
                int slot = (int) mix(oldKeys[s]) & mask;
                while (blocks[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[s];
                blocks[slot] = oldBlocks[s];
            }
        }
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }
}

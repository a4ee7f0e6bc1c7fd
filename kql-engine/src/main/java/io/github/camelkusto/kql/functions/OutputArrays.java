package io.github.camelkusto.kql.functions;

import java.util.ArrayList;
import java.util.List;

/**
 * Output arrays for kernels whose results the caller reads before it evaluates the next batch (the group keys
 * of summarize: the group table copies each new key), handed out again batch after batch instead of a new
 * array per batch: {@code bin(Timestamp, 1h)} over a 65,536-row extent is a 512 KB array, 80 MB per 10M rows,
 * each a fresh heap page for the kernel to fault in. A caller puts one in its context's state under this class
 * ({@link EvalContext#outputLongs}) and calls {@link #reuse} before each batch. Not thread-safe: one per
 * reading thread.
 */
public final class OutputArrays {
    private final List<long[]> longs = new ArrayList<>();
    private int nextLongs;

    /** The arrays handed out so far may be handed out again: their results have been read. */
    public void reuse() {
        nextLongs = 0;
    }

    /**
     * A long array of exactly {@code n} elements (a vector's storage is as long as the vector), distinct from the
     * others handed out since {@link #reuse}; its old values are still in it.
     */
    long[] longs(int n) {
        if (nextLongs == longs.size()) {
            longs.add(new long[n]);
        } else if (longs.get(nextLongs).length != n) {
            longs.set(nextLongs, new long[n]);
        }
        return longs.get(nextLongs++);
    }
}

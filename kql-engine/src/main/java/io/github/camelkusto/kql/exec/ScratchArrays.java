package io.github.camelkusto.kql.exec;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelkusto.kql.functions.OutputArrays;

/**
 * The row-index arrays (selection vectors, join probes' row and group lists) of one query, reused from partition
 * to partition: a table extent is a batch of 65,536 rows, so a stream that allocated its own 256 KB array per
 * partition made a filter over 10M rows allocate 40 MB for nothing. Every byte a query allocates lands on heap
 * pages the JVM may never have touched yet (the kernel faults them in and zeroes them, at a cost above the
 * work itself); a stream takes an array when it opens and gives it back when closed, so a query holds about
 * one per thread reading it. At most {@link #KEPT} arrays are kept; an array never given back (a stream left
 * unclosed) is garbage like any other. Thread-safe: partitions are read on several threads.
 * <p>
 * The same goes for the output arrays of an extend read once ({@link ProjectStream#readOnce}): a partition is
 * often one extent, one batch, so arrays kept by the stream alone would never serve twice.
 */
final class ScratchArrays {
    /** Arrays kept for reuse: a few per core is all the streams of a query have open at once. */
    static final int KEPT = 4 * Runtime.getRuntime().availableProcessors() + 4;

    private final ConcurrentLinkedDeque<int[]> free = new ConcurrentLinkedDeque<>();
    private final AtomicInteger kept = new AtomicInteger();
    /** As many as streams were open at once: each stream gives back the one it took. */
    private final ConcurrentLinkedDeque<OutputArrays> outputs = new ConcurrentLinkedDeque<>();

    /** Output arrays for a stream to use until it closes (with whatever its last user left in them). */
    OutputArrays takeOutputs() {
        OutputArrays reused = outputs.pollFirst();
        return reused != null ? reused : new OutputArrays();
    }

    /** Gives {@code arrays} (may be null) back: the caller and its reader are done with what they hold. */
    void giveOutputs(OutputArrays arrays) {
        if (arrays != null) {
            outputs.offerFirst(arrays);
        }
    }

    /** An array of at least {@code length} ints (its contents are whatever its last user left). */
    int[] take(int length) {
        for (int[] a : free) {
            // first fit among the few kept; another thread may have taken it meanwhile
            if (a.length >= length && free.removeFirstOccurrence(a)) {
                kept.decrementAndGet();
                return a;
            }
        }
        return new int[length];
    }

    /** An array grown to at least {@code length} ints: {@code a} itself when long enough, else a reused or new one. */
    int[] atLeast(int[] a, int length) {
        if (a != null && a.length >= length) {
            return a;
        }
        give(a);
        return take(length);
    }

    /** Gives {@code a} (may be null) back for the next stream; the caller must not use it any more. */
    void give(int[] a) {
        if (a != null && a.length > 0 && kept.incrementAndGet() <= KEPT) {
            free.offerFirst(a);
        } else if (a != null && a.length > 0) {
            kept.decrementAndGet();
        }
    }
}

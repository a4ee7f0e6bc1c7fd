package io.github.camelkusto.kql.exec;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The row-index arrays (selection vectors, join probes' row and group lists) of one query, reused from partition
 * to partition: a table extent is a batch of 65,536 rows, so a stream that allocated its own 256 KB array per
 * partition made a filter over 10M rows allocate 40 MB for nothing. Every byte a query allocates lands on heap
 * pages the JVM may never have touched yet (the kernel faults them in and zeroes them, at a cost above the
 * work itself); a stream takes an array when it opens and gives it back when closed, so a query holds about
 * one per thread reading it. At most {@link #KEPT} arrays are kept; an array never given back (a stream left
 * unclosed) is garbage like any other. Thread-safe: partitions are read on several threads.
 */
final class ScratchArrays {
    /** Arrays kept for reuse: a few per core is all the streams of a query have open at once. */
    static final int KEPT = 4 * Runtime.getRuntime().availableProcessors() + 4;

    private final ConcurrentLinkedDeque<int[]> free = new ConcurrentLinkedDeque<>();
    private final AtomicInteger kept = new AtomicInteger();

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

package io.github.camelkusto.kql.data;

/** A pull-based stream of batches: one partition of a query result, read once. */
public interface BatchStream extends AutoCloseable {

    /** The next batch, or {@code null} when the partition is exhausted. */
    Batch next();

    @Override
    default void close() {
    }

    static BatchStream of(Iterable<Batch> batches) {
        var it = batches.iterator();
        return () -> it.hasNext() ? it.next() : null;
    }
}

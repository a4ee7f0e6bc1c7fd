package io.github.camelkusto.export.artifact;

import java.io.Closeable;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.github.camelkusto.export.source.QuerySource;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.exec.Cancellation;
import io.github.camelkusto.kql.exec.Deadline;

/**
 * A query result as a stream of row batches ({@code outputType=batches}): each {@link #next()} runs the query on
 * just far enough to fill one batch of {@link RowMaps} rows, bounded by {@link RowBatchLimits}, so that a route's
 * {@code .split(body()).streaming()} holds one batch (and the engine's current one) however many rows there are.
 * The partitions are read one after another on the caller's thread.
 * <p>
 * The query's timeout counts the time spent inside {@link #hasNext()} and {@link #next()} only, the query's own
 * time, not the route's time on the batches. {@link #close()} (the split closes its iterator when it ends, failed
 * or not) stops the query and releases its partition; a closed iterator has no more batches. Not thread-safe.
 */
public final class RowBatches implements Iterator<List<Map<String, Object>>>, Closeable {
    private final Map<String, String> columns;
    private final Schema schema;
    private final List<Partition> partitions;
    private final RowMaps rows;
    private final QueryClock clock;
    private final EndListener onEnd;
    private final BooleanSupplier stopped;
    private int nextPartition;
    private BatchStream stream;
    private Batch current;
    private int currentRow;
    private List<Map<String, Object>> ready;
    private long records;
    private long batches;
    private boolean ended;

    /** Told once when the last batch has been handed out (not when the iterator is closed before). */
    @FunctionalInterface
    public interface EndListener {
        void ended(long records, long batches);
    }

    /**
     * @param result  the prepared query, whose partitions ask {@code clock} (prepare it with that cancellation)
     * @param clock   the query's timeout, counted while this iterator runs the query
     * @param stopped true once whoever reads the batches failed: the iterator then closes instead of running the
     *                query on (Camel's split, stopped on an exception, still walks its iterator to the end)
     */
    public RowBatches(QueryResult result, RowBatchLimits limits, QueryClock clock, EndListener onEnd,
            BooleanSupplier stopped) {
        Map<String, String> types = new LinkedHashMap<>();
        result.schema().columns().forEach(c -> types.put(c.name(), c.type().kustoName()));
        this.columns = Collections.unmodifiableMap(types);
        this.schema = result.schema();
        this.partitions = result.partitions();
        this.rows = new RowMaps(result.schema(), limits);
        this.clock = clock;
        this.onEnd = onEnd;
        this.stopped = stopped;
    }

    @Override
    public boolean hasNext() {
        if (ready == null && !ended && stopped.getAsBoolean()) {
            close();
        }
        if (ready == null && !ended) {
            ready = clock.timed(this::fill);
            if (ready == null) {
                end();
            }
        }
        return ready != null;
    }

    @Override
    public List<Map<String, Object>> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more row batches");
        }
        List<Map<String, Object>> batch = ready;
        ready = null;
        records += batch.size();
        batches++;
        return batch;
    }

    /** The columns of every row, in order: name to Kusto type name ({@code long}, {@code datetime}, ...). */
    public Map<String, String> columns() {
        return columns;
    }

    /** Rows handed out so far. */
    public long records() {
        return records;
    }

    /**
     * Stops the query: later calls see no more batches. A partition not opened yet is released too (a cluster's
     * response, open since the query was sent, is dropped). Safe to call more than once.
     */
    @Override
    public void close() {
        ended = true;
        ready = null;
        current = null;
        closeStream();
        if (nextPartition < partitions.size()) {
            QuerySource.release(new QueryResult(schema, partitions.subList(nextPartition, partitions.size())));
            nextPartition = partitions.size();
        }
    }

    /** The next batch, or null when the result has no more rows. */
    private List<Map<String, Object>> fill() {
        while (true) {
            if (current == null || currentRow >= current.rowCount()) {
                current = nextEngineBatch();
                currentRow = 0;
                if (current == null) {
                    return rows.isEmpty() ? null : rows.take();
                }
                continue;
            }
            boolean full = rows.add(current, currentRow++);
            if (full) {
                return rows.take();
            }
        }
    }

    private Batch nextEngineBatch() {
        while (!ended) {
            if (stream == null) {
                if (nextPartition >= partitions.size()) {
                    return null;
                }
                clock.check("running the query");
                stream = partitions.get(nextPartition++).open();
            }
            Batch batch = stream.next();
            if (batch != null) {
                return batch;
            }
            closeStream();
        }
        return null;
    }

    private void end() {
        boolean first = !ended;
        close();
        if (first) {
            onEnd.ended(records, batches);
        }
    }

    private void closeStream() {
        if (stream != null) {
            BatchStream open = stream;
            stream = null;
            open.close();
        }
    }

    /**
     * A query's timeout that runs only while the query does: the time inside {@link #timed} calls adds up, and
     * {@link #check} fails once the total passes the timeout, naming the setting that gave it.
     */
    public static final class QueryClock implements Cancellation {
        private final Duration timeout;
        private final String setting;
        private long spentNanos;
        private volatile Deadline running;

        public QueryClock(Duration timeout, String setting) {
            this.timeout = timeout;
            this.setting = setting;
        }

        <T> T timed(Supplier<T> work) {
            long start = System.nanoTime();
            running = new Deadline(start + timeout.toNanos() - spentNanos, timeout, setting);
            try {
                running.check("running the query");
                return work.get();
            } finally {
                running = null;
                spentNanos += System.nanoTime() - start;
            }
        }

        @Override
        public void check(String activity) {
            Deadline deadline = running;
            if (deadline != null) {
                deadline.check(activity);
            } else if (spentNanos >= timeout.toNanos()) {
                throw new Deadline(0, timeout, setting).exceeded(activity);
            }
        }

        @Override
        public Duration remaining() {
            Deadline deadline = running;
            return deadline != null ? deadline.remaining() : timeout.minusNanos(Math.min(spentNanos,
                    timeout.toNanos()));
        }
    }
}

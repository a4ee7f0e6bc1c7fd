package io.github.camelkusto.kql.functions;

import java.util.HashMap;
import java.util.Map;

import io.github.camelkusto.kql.data.Ingestion;

/**
 * What a kernel may know of the batch it computes over besides its arguments: the row count, and the position
 * of the batch's first row in its (serialized) stream, for {@code row_number()}.
 *
 * <p>Over serialized rows, functions that look at other rows (prev, next, row_cumsum...) are evaluated over a
 * window: the batch's rows are {@code [from, to)}, preceded by rows already emitted (for prev) and followed by
 * rows still to come (for next). {@code state} lives as long as the stream, for running values (a cumulative
 * sum, a rank) that a {@link SerialKernel} carries from one batch to the next; it is keyed by the kernel.
 *
 * <p>{@code ingestion} is that of the table extent the rows come from, while they are a table's rows (filtered,
 * extended), for {@code ingestion_time()} and the cursor functions; null otherwise.
 */
public record EvalContext(int rows, long firstRow, int from, int to, Map<Object, Object> state, Ingestion ingestion) {
    public EvalContext(int rows, long firstRow) {
        this(rows, firstRow, 0, rows, new HashMap<>(), null);
    }

    /**
     * An array for a kernel's {@code n} long results: reused from an earlier batch when the caller said it reads
     * the results before the next batch (an {@link OutputArrays} in {@code state}), else a new one. It may hold
     * old values: a kernel writes every element, null rows' included.
     */
    public long[] outputLongs(int n) {
        return state.get(OutputArrays.class) instanceof OutputArrays reused ? reused.longs(n) : new long[n];
    }
}

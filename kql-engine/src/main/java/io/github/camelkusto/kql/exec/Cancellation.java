package io.github.camelkusto.kql.exec;

import java.time.Duration;

/**
 * How a running request is stopped: canceled ({@code .cancel operation}) or past its deadline (ADX's
 * {@code servertimeout}). The engine calls {@link #check} at every batch that passes from one operator to the
 * next, so that even a query that never yields a row (a filter that rejects everything, a huge cross join)
 * stops; storage calls it between attempts and bounds each request by {@link #remaining()}.
 */
public interface Cancellation {
    /** Never stops. */
    Cancellation NONE = new Cancellation() {
    };
    /** What {@link #remaining()} says when there is no deadline. */
    Duration UNBOUNDED = Duration.ofMillis(Long.MAX_VALUE);

    /**
     * Returns when the request may go on.
     *
     * @param activity what the request is doing, for the message (e.g. {@code running the query})
     * @throws io.github.camelkusto.kql.KustoException when it must stop, saying why
     */
    default void check(String activity) {
    }

    /** How long the request may still run. */
    default Duration remaining() {
        return UNBOUNDED;
    }
}

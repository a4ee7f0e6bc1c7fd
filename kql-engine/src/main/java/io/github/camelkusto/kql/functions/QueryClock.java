package io.github.camelkusto.kql.functions;

import java.time.Instant;
import java.util.function.Supplier;

import io.github.camelkusto.kql.types.Ticks;

/**
 * The instant a query runs at: Kusto evaluates now() (and ago()) once per query, so every call of one query
 * sees the same value. The binder fixes it for the time it binds a query ({@link #during}); functions read it
 * with {@link #now} when they are bound, outside a query it is the current time.
 */
public final class QueryClock {
    private static final ThreadLocal<Instant> CURRENT = new ThreadLocal<>();

    private QueryClock() {
    }

    /** The instant of the query being bound, to the tick. */
    public static Instant now() {
        Instant fixed = CURRENT.get();
        return fixed != null ? fixed : Ticks.toInstant(Ticks.of(Instant.now()));
    }

    /** Runs {@code work} (the binding of one query) with the clock fixed at the current instant. */
    public static <T> T during(Supplier<T> work) {
        Instant outer = CURRENT.get();
        if (outer != null) {
            return work.get();
        }
        CURRENT.set(Ticks.toInstant(Ticks.of(Instant.now())));
        try {
            return work.get();
        } finally {
            CURRENT.remove();
        }
    }
}

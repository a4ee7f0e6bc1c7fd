package io.github.camelkusto.kql.types;

import java.time.Duration;
import java.time.Instant;

/** Kusto's time resolution: datetimes and timespans are counts of 100 ns ticks (datetimes since 1970-01-01). */
public final class Ticks {
    public static final long PER_MICROSECOND = 10L;
    public static final long PER_MILLISECOND = 10_000L;
    public static final long PER_SECOND = 10_000_000L;
    public static final long PER_MINUTE = 60 * PER_SECOND;
    public static final long PER_HOUR = 60 * PER_MINUTE;
    public static final long PER_DAY = 24 * PER_HOUR;

    private Ticks() {
    }

    public static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), PER_SECOND), instant.getNano() / 100);
    }

    public static long of(Duration duration) {
        return Math.addExact(Math.multiplyExact(duration.getSeconds(), PER_SECOND), duration.getNano() / 100);
    }

    public static Instant toInstant(long ticks) {
        return Instant.ofEpochSecond(Math.floorDiv(ticks, PER_SECOND), Math.floorMod(ticks, PER_SECOND) * 100);
    }

    public static Duration toDuration(long ticks) {
        return Duration.ofSeconds(Math.floorDiv(ticks, PER_SECOND), Math.floorMod(ticks, PER_SECOND) * 100);
    }
}

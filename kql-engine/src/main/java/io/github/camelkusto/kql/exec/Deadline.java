package io.github.camelkusto.kql.exec;

import java.time.Duration;

import io.github.camelkusto.kql.KustoTimeoutException;

/**
 * When a request must have ended: ADX's request timeout ({@code servertimeout}), as a point on the monotonic
 * clock. ADX's defaults are {@link #QUERY_DEFAULT} for queries and {@link #CONTROL_COMMAND_DEFAULT} for control
 * commands, and a request may raise its own up to {@link #MAX_SERVER_TIMEOUT} ("Query limits", Limit on request
 * execution time). Immutable.
 *
 * @param setting the option or property that sets the timeout, named in the timeout's message
 */
public record Deadline(long atNanos, Duration timeout, String setting) implements Cancellation {
    public static final Duration QUERY_DEFAULT = Duration.ofMinutes(4);
    public static final Duration CONTROL_COMMAND_DEFAULT = Duration.ofMinutes(10);
    public static final Duration MAX_SERVER_TIMEOUT = Duration.ofHours(1);

    /** A deadline {@code timeout} from now. */
    public static Deadline after(Duration timeout, String setting) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(setting + " must be positive, not " + timeout);
        }
        return new Deadline(System.nanoTime() + timeout.toNanos(), timeout, setting);
    }

    public boolean passed() {
        return System.nanoTime() - atNanos >= 0;
    }

    @Override
    public Duration remaining() {
        long left = atNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    @Override
    public void check(String activity) {
        if (passed()) {
            throw exceeded(activity);
        }
    }

    /** The error of a request stopped by this deadline while doing {@code activity}. */
    public KustoTimeoutException exceeded(String activity) {
        return new KustoTimeoutException("timed out after " + describe(timeout) + " (" + setting + ") while "
                + activity + "; raise " + setting + " if it needs longer");
    }

    /** A duration as people write it: {@code 4m}, {@code 90s}, {@code 1h30m}, {@code 250ms}. */
    public static String describe(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + "ms";
        }
        StringBuilder text = new StringBuilder();
        long hours = d.toHours();
        long minutes = d.toMinutesPart();
        long seconds = d.toSecondsPart();
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes).append('m');
        }
        if (seconds > 0 || text.length() == 0) {
            text.append(seconds).append('s');
        }
        return text.toString();
    }
}

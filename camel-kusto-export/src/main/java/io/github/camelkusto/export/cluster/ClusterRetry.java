package io.github.camelkusto.export.cluster;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a cluster request is retried: up to {@code attempts} in all, waiting {@code initialBackoff} before the first
 * retry and twice as long before each next one (with up to 25% random jitter), at most {@link #MAX_BACKOFF}.
 */
public record ClusterRetry(int attempts, Duration initialBackoff) {
    public static final int DEFAULT_ATTEMPTS = 5;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    public static final ClusterRetry DEFAULT = new ClusterRetry(DEFAULT_ATTEMPTS, DEFAULT_INITIAL_BACKOFF);

    public ClusterRetry {
        if (attempts < 1) {
            throw new IllegalArgumentException("kusto-export: clusterRetryAttempts must be at least 1, not "
                    + attempts);
        }
        if (initialBackoff == null || initialBackoff.isNegative()) {
            throw new IllegalArgumentException("kusto-export: clusterRetryInitialBackoff must not be negative, not "
                    + initialBackoff);
        }
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration backoff(int retry) {
        long millis = initialBackoff.toMillis() << Math.min(retry - 1, 20);
        millis = Math.min(millis, MAX_BACKOFF.toMillis());
        return Duration.ofMillis(millis + (millis == 0 ? 0 : ThreadLocalRandom.current().nextLong(millis / 4 + 1)));
    }
}

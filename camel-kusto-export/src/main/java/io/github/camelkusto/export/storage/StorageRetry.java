package io.github.camelkusto.export.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

import com.azure.storage.blob.models.BlobStorageException;

/**
 * How a storage request (checking a container, staging a block, committing a block list) is bounded and retried:
 * each attempt may take {@code requestTimeout} (no answer by then counts as a transient failure), and a
 * transient failure is retried up to {@code maxAttempts} attempts, waiting before attempt {@code n + 1} between
 * half and all of {@code initialBackoff * 2^(n-1)} (capped at {@code maxBackoff}): "equal jitter", so that
 * parallel writers do not retry in step, while the outage an export rides out is at least
 * {@link #minimumRetryWindow()}, half the sum of those waits.
 * <p>
 * The defaults (9 attempts, 1 s doubling to 30 s) ride out an outage of at least 60.5 s whatever the jitter
 * (0.5 + 1 + 2 + 4 + 8 + 15 + 15 + 15 s): a storage front end restarting, a failover, a throttling burst. A
 * request gets 30 s: a stalled connection is given up well within a minute, while a 4 MiB block still has room
 * on a link of about 1.1 Mbit/s.
 * Staging a block again under the same id replaces it, and committing the same block list again commits the
 * same blob: a retry never duplicates data.
 */
public record StorageRetry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration requestTimeout) {
    public static final int DEFAULT_MAX_ATTEMPTS = 9;
    public static final long DEFAULT_INITIAL_BACKOFF_MS = 1000;
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final StorageRetry DEFAULT = of(DEFAULT_MAX_ATTEMPTS, Duration.ofMillis(DEFAULT_INITIAL_BACKOFF_MS),
            DEFAULT_REQUEST_TIMEOUT);

    /**
     * Retries up to {@code maxAttempts} with the default cap on the backoff, raised to {@code initialBackoff} when
     * that is larger (a long first wait is then not cut short).
     */
    public static StorageRetry of(int maxAttempts, Duration initialBackoff, Duration requestTimeout) {
        Duration cap = DEFAULT_MAX_BACKOFF.compareTo(initialBackoff) < 0 ? initialBackoff : DEFAULT_MAX_BACKOFF;
        return new StorageRetry(maxAttempts, initialBackoff, cap, requestTimeout);
    }

    public StorageRetry {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("storage retry attempts must be at least 1, not " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("storage retry backoff must be positive and at most " + maxBackoff);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("storage request timeout must be positive, not " + requestTimeout);
        }
    }

    /** The longest wait before the attempt after {@code failedAttempt}: {@link #backoff} is between half and all of it. */
    Duration backoffBound(int failedAttempt) {
        long cap = initialBackoff.toMillis() << Math.min(failedAttempt - 1, 30);
        return Duration.ofMillis(Math.min(cap < 0 ? Long.MAX_VALUE : cap, maxBackoff.toMillis()));
    }

    /**
     * The shortest outage that fails a request: the sum of the shortest waits between its attempts (half of each
     * bound). A refused connection fails at once, so this is what the retries ride out at least; a stalled one
     * adds {@code requestTimeout} per attempt.
     */
    public Duration minimumRetryWindow() {
        long total = 0;
        for (int failed = 1; failed < maxAttempts; failed++) {
            total += backoffBound(failed).toMillis() / 2; // backoff's least
        }
        return Duration.ofMillis(total);
    }

    /** The random wait before the attempt after {@code failedAttempt} (1-based). */
    public Duration backoff(int failedAttempt) {
        long bound = backoffBound(failedAttempt).toMillis();
        long half = bound / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(bound - half + 1));
    }

    /**
     * Whether a failure is worth retrying: HTTP 408, 429 and 5xx from the service, and any I/O error or timeout
     * on the way (connection refused or reset, premature close), however deeply the SDK wrapped it.
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BlobStorageException e) {
                int status = e.getStatusCode();
                return status == 408 || status == 429 || status >= 500;
            }
            if (t instanceof IOException || t instanceof UncheckedIOException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}

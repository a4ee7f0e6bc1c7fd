package io.github.camelkusto.export.storage;

/**
 * Told each time a storage request is tried again (storageRetryAttempts). The cancellation a target is given
 * may be one: an export's monitor is, and counts its retries for the end line and the metrics.
 */
public interface RetryObserver {
    void retried();
}

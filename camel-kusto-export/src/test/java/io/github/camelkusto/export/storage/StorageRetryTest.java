package io.github.camelkusto.export.storage;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the storage retry policy rides out, computed from the policy itself. */
class StorageRetryTest {

    @Test
    void theDefaultPolicyRidesOutAtLeastAMinuteOfOutageWhateverTheJitter() {
        assertThat(StorageRetry.DEFAULT.minimumRetryWindow()).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(StorageRetry.DEFAULT.minimumRetryWindow()).isEqualTo(Duration.ofMillis(60_500));
    }

    @Test
    void everyBackoffIsBetweenHalfAndAllOfItsBound() {
        StorageRetry retry = StorageRetry.DEFAULT;
        for (int failed = 1; failed < retry.maxAttempts(); failed++) {
            Duration bound = retry.backoffBound(failed);
            for (int i = 0; i < 100; i++) {
                assertThat(retry.backoff(failed)).isBetween(bound.dividedBy(2), bound);
            }
        }
        assertThat(retry.backoffBound(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(retry.backoffBound(8)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aStorageRequestGetsThirtySecondsByDefault() {
        assertThat(StorageRetry.DEFAULT.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    }
}

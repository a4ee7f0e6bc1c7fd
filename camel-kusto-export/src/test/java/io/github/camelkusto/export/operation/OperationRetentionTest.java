package io.github.camelkusto.export.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ended operations are kept for the retention: .show operations lists them until then, and no longer. */
class OperationRetentionTest {
    private static final OperationOrigin ORIGIN = new OperationOrigin("node", "activity", "db", "principal", "user");

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final OperationRegistry registry = new OperationRegistry(executor, timer,
            new OperationRegistry.Limits(2, 10, Duration.ofHours(1)), null, clock);

    @AfterEach
    void stop() {
        executor.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void showOperationsDropsAnOperationAsSoonAsItOutlivesTheRetention() {
        registry.badInput(ORIGIN, "first");
        clock.advance(Duration.ofMinutes(30));
        registry.badInput(ORIGIN, "second"); // registering forgets expired ones at most once a second
        clock.advance(Duration.ofMinutes(30).plusMillis(1));
        assertThat(statuses()).containsExactly("second");
        clock.advance(Duration.ofMinutes(30));
        assertThat(statuses()).isEmpty();
    }

    private List<Object> statuses() {
        return registry.show(List.of()).rows().stream().map(row -> row.get(OperationTables.OPERATIONS
                .indexOf("Status").orElseThrow())).toList();
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

package io.github.camelkusto.kql.exec;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.KustoTimeoutException;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine stops a query when its cancellation says so, even one that never yields a row. */
class QueryCancellationTest {
    private final QueryEngine engine = new QueryEngine(new KustoDatabase("test"));

    private static long drain(QueryResult result) {
        long rows = 0;
        for (Partition p : result.partitions()) {
            try (BatchStream s = p.open()) {
                for (Batch b = s.next(); b != null; b = s.next()) {
                    rows += b.rowCount();
                }
            }
        }
        return rows;
    }

    @Test
    void aFilterThatRejectsEveryRowOfAnEndlessRangeStopsAtItsDeadline() {
        long start = System.nanoTime();
        QueryResult result = engine.prepare("range i from 1 to 1000000000000 step 1 | where i < 0",
                Deadline.after(Duration.ofMillis(300), "servertimeout"));

        assertThatThrownBy(() -> drain(result)).isInstanceOf(KustoTimeoutException.class)
                .hasMessage("timed out after 300ms (servertimeout) while running the query; raise servertimeout if"
                        + " it needs longer");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anAggregateOverAnEndlessRangeStopsWhenCanceled() {
        AtomicBoolean canceled = new AtomicBoolean();
        Cancellation cancel = new Cancellation() {
            @Override
            public void check(String activity) {
                if (canceled.get()) {
                    throw new KustoException("canceled while " + activity);
                }
            }
        };
        QueryResult result = engine.prepare("range i from 1 to 1000000000000 step 1 | summarize count()", cancel);
        new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            canceled.set(true);
        }).start();

        assertThatThrownBy(() -> drain(result)).isInstanceOf(KustoException.class)
                .hasMessage("canceled while running the query");
    }

    @Test
    void aQueryWithinItsDeadlineReturnsEveryRow() {
        assertThat(drain(engine.prepare("range i from 1 to 100000 step 1 | where i % 2 == 0",
                Deadline.after(Duration.ofMinutes(1), "servertimeout")))).isEqualTo(50000);
    }

    @Test
    void aDeadlineDescribesItsTimeoutAsPeopleWriteIt() {
        assertThat(Deadline.describe(Duration.ofMinutes(4))).isEqualTo("4m");
        assertThat(Deadline.describe(Duration.ofSeconds(5430))).isEqualTo("1h30m30s");
        assertThat(Deadline.describe(Duration.ofMillis(250))).isEqualTo("250ms");
    }
}

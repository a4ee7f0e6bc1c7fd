package io.github.camelkusto.kql.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelkusto.kql.Kql;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;
import org.junit.jupiter.api.Test;

/** The engine starts no thread of its own: per-partition work goes to the Executor it was given. */
class QueryEngineExecutorTest {
    private static final String TOP = "T | top 3 by v desc";

    private static KustoDatabase fourExtents() {
        KustoDatabase db = new KustoDatabase("db");
        Schema schema = Schema.of(new Column("v", KqlType.LONG));
        for (long extent = 0; extent < 4; extent++) {
            db.append("T", Batch.builder(schema).addRow(extent * 10).addRow(extent * 10 + 1).build());
        }
        return db;
    }

    @Test
    void perPartitionWorkRunsOnTheGivenExecutor() {
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "one core: the reading thread does it all");
        AtomicInteger handedOver = new AtomicInteger();
        Executor counting = task -> {
            handedOver.incrementAndGet();
            new Thread(task, "test-helper").start();
        };
        List<List<Object>> rows = Kql.values(new QueryEngine(fourExtents(), counting).prepare(TOP));
        assertThat(rows).containsExactly(List.of(31L), List.of(30L), List.of(21L));
        assertThat(handedOver).hasPositiveValue();
    }

    @Test
    void aRejectingExecutorOnlyCostsParallelism() {
        Executor rejecting = task -> {
            throw new RejectedExecutionException("full");
        };
        List<List<Object>> rows = Kql.values(new QueryEngine(fourExtents(), rejecting).prepare(TOP));
        assertThat(rows).containsExactly(List.of(31L), List.of(30L), List.of(21L));
    }
}

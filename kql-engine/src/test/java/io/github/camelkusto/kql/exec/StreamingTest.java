package io.github.camelkusto.kql.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelkusto.kql.Kql;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;
import org.junit.jupiter.api.Test;

/** Streaming operators keep memory bounded and partitions independent. */
class StreamingTest {

    @Test
    void tenMillionRowRangeStreamsInBoundedBatches() {
        QueryResult result = new Kql().prepare("range x from 1 to 10000000 step 1 | where x % 3 == 0"
                + " | extend y = x * 2 | project y");
        long rows = 0;
        long sum = 0;
        int largestBatch = 0;
        long baseline = usedAfterGc();
        long peakGrowth = 0;
        for (Partition p : result.partitions()) {
            try (BatchStream s = p.open()) {
                for (Batch b = s.next(); b != null; b = s.next()) {
                    rows += b.rowCount();
                    largestBatch = Math.max(largestBatch, b.rowCount());
                    for (int r = 0; r < b.rowCount(); r++) {
                        sum += b.column(0).getLong(r);
                    }
                    if (rows % 1_000_000 < b.rowCount()) {
                        peakGrowth = Math.max(peakGrowth, usedAfterGc() - baseline);
                    }
                }
            }
        }
        assertThat(rows).isEqualTo(3_333_333);
        assertThat(sum).isEqualTo(2L * 3 * (3_333_333L * 3_333_334L / 2));
        assertThat(largestBatch).isLessThanOrEqualTo(Batch.MAX_ROWS);
        // materialised, the range alone would be 80 MB of longs; streamed, the heap holds a few batches
        assertThat(peakGrowth).isLessThan(16L * 1024 * 1024);
    }

    /** Heap in use once garbage is collected: what the pipeline really retains. */
    private static long usedAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void rangeIsSplitIntoPartitionsThatTogetherHoldEveryRowOnce() {
        QueryResult result = new Kql().prepare("range x from 1 to 100000 step 1");
        assertThat(result.partitions()).hasSize(Math.min(Runtime.getRuntime().availableProcessors(), 13));
        long sum = 0;
        for (Partition p : result.partitions()) {
            try (BatchStream s = p.open()) {
                for (Batch b = s.next(); b != null; b = s.next()) {
                    for (int r = 0; r < b.rowCount(); r++) {
                        sum += b.column(0).getLong(r);
                    }
                }
            }
        }
        assertThat(sum).isEqualTo(100000L * 100001L / 2);
    }

    @Test
    void whereRunsOnEachExtentInParallel() throws Exception {
        KustoDatabase db = new KustoDatabase("db");
        Schema schema = Schema.of(new Column("v", KqlType.LONG));
        for (int extent = 0; extent < 4; extent++) {
            Batch.Builder b = Batch.builder(schema);
            for (long v = 0; v < 10_000; v++) {
                b.addRow(extent * 10_000L + v);
            }
            db.append("T", b.build());
        }
        QueryResult result = new Kql(db).prepare("T | where v % 2 == 0 | extend w = v + 1");
        assertThat(result.partitions()).hasSize(4);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger opened = new AtomicInteger();
        try {
            List<Future<Long>> counts = new ArrayList<>();
            for (Partition p : result.partitions()) {
                counts.add(pool.submit(() -> {
                    opened.incrementAndGet();
                    long n = 0;
                    try (BatchStream s = p.open()) {
                        for (Batch b = s.next(); b != null; b = s.next()) {
                            n += b.rowCount();
                        }
                    }
                    return n;
                }));
            }
            for (Future<Long> c : counts) {
                assertThat(c.get()).isEqualTo(5_000L);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(opened).hasValue(4);
    }

    @Test
    void takeStopsReadingPartitionsOnceSatisfied() {
        KustoDatabase db = new KustoDatabase("db");
        Schema schema = Schema.of(new Column("v", KqlType.LONG));
        for (int extent = 0; extent < 3; extent++) {
            db.append("T", Batch.builder(schema).addRow((long) extent).addRow((long) extent).build());
        }
        QueryResult result = new Kql(db).prepare("T | take 3");
        List<Long> values = new ArrayList<>();
        try (BatchStream s = result.partitions().get(0).open()) {
            for (Batch b = s.next(); b != null; b = s.next()) {
                for (int r = 0; r < b.rowCount(); r++) {
                    values.add((Long) b.value(0, r));
                }
            }
        }
        assertThat(values).containsExactly(0L, 0L, 1L);
    }
}

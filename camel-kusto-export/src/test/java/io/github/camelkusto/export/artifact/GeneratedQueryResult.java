package io.github.camelkusto.export.artifact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.camelkusto.export.kql.data.Batch;
import io.github.camelkusto.export.kql.data.BatchStream;
import io.github.camelkusto.export.kql.data.Column;
import io.github.camelkusto.export.kql.data.Partition;
import io.github.camelkusto.export.kql.data.QueryResult;
import io.github.camelkusto.export.kql.data.Schema;
import io.github.camelkusto.export.kql.types.KqlType;

/**
 * A large query result generated batch by batch, never held in memory: {@code Id} runs 0..rows-1 over the
 * partitions in order. Stands in for {@code range Id from 0 to rows-1 step 1 | extend ...} until the engine has
 * {@code range}.
 */
final class GeneratedQueryResult {
    static final Schema SCHEMA = Schema.of(new Column("Id", KqlType.LONG), new Column("Timestamp", KqlType.DATETIME),
            new Column("Level", KqlType.STRING), new Column("Message", KqlType.STRING),
            new Column("Value", KqlType.REAL));
    private static final String[] LEVELS = {"Information", "Warning", "Error", "Verbose"};
    private static final String[] MESSAGES = {"request served", "cache miss, fetched from \"origin\"",
            "slow response from upstream service", "retrying, attempt 2 of 5", "connection reset by peer"};
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final int BATCH_ROWS = 4096;

    private GeneratedQueryResult() {
    }

    static QueryResult rows(long rows, int partitions) {
        List<Partition> parts = new ArrayList<>();
        long per = rows / partitions;
        for (int p = 0; p < partitions; p++) {
            long from = p * per;
            long to = p == partitions - 1 ? rows : from + per;
            parts.add(() -> new BatchStream() {
                private long next = from;

                @Override
                public Batch next() {
                    if (next >= to) {
                        return null;
                    }
                    Batch.Builder b = Batch.builder(SCHEMA);
                    for (int i = 0; i < BATCH_ROWS && next < to; i++, next++) {
                        b.addRow(next, START.plusMillis(next * 37), LEVELS[(int) (next % LEVELS.length)],
                                MESSAGES[(int) (next % MESSAGES.length)], next * 0.25);
                    }
                    return b.build();
                }
            });
        }
        return new QueryResult(SCHEMA, parts);
    }
}

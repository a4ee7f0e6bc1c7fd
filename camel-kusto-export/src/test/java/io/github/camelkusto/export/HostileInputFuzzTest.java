package io.github.camelkusto.export;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelkusto.export.command.CommandParser;
import io.github.camelkusto.export.command.ExportCommand;
import io.github.camelkusto.export.command.ExportOptions;
import io.github.camelkusto.export.command.KustoCommand;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.exec.QueryEngine;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.export.storage.ConnectionStrings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile commands ({@link HostileInputs}, fixed seeds) are each parsed, validated, bound and run on a small
 * table, on a thread with a 512 KB stack (small pool threads have no more): every one ends with a result or a
 * {@link KustoException} with a message, within {@value #SECONDS_PER_INPUT} s; no Error or other exception
 * escapes. A failure names the seed ({@code -Dfuzz.seed=<seed> -Dfuzz.inputs=1} replays it) and a shortened
 * input. {@code -Dfuzz.inputs=N} runs more.
 */
class HostileInputFuzzTest {
    private static final long FIRST_SEED = Long.getLong("fuzz.seed", 20_000L);
    private static final int INPUTS = Integer.getInteger("fuzz.inputs", 500);
    private static final int SECONDS_PER_INPUT = 10;
    private static final long STACK_BYTES = 512 * 1024;
    private static final int MAX_ROWS = 100_000;

    private final QueryEngine engine = new QueryEngine(smallDatabase());
    private final ExportOptions options = options();

    @Test
    void everyHostileInputEndsWithAResultOrAKustoExceptionInTime() throws Exception {
        List<String> failures = new ArrayList<>();
        int refused = 0;
        long started = System.nanoTime();
        for (long seed = FIRST_SEED; seed < FIRST_SEED + INPUTS; seed++) {
            String text = HostileInputs.input(seed);
            Throwable outcome = runOnSmallStack(text);
            if (outcome instanceof KustoException e && e.getMessage() != null && !e.getMessage().isBlank()) {
                refused++;
            } else if (outcome != null && failures.size() < 20) {
                failures.add("seed " + seed + ": " + describe(outcome) + " for " + HostileInputs.shortened(text));
            }
        }
        System.out.printf("fuzz: %d inputs from seed %d, %d refused with a KustoException, %d ms%n", INPUTS,
                FIRST_SEED, refused, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertThat(failures).as("inputs that did not end with a result or a KustoException with a message")
                .isEmpty();
        assertThat(refused).as("most hostile inputs are refused").isGreaterThan(INPUTS / 2);
    }

    /** What the component does with a command before and while exporting, minus the storage writes. */
    private void parseBindAndRun(String text) {
        KustoCommand command = CommandParser.parse(text, options);
        if (command instanceof ExportCommand export) {
            export.storage().forEach(ConnectionStrings::parse);
            drain(engine.prepare(export.query()));
        }
    }

    /** The outcome of {@code text}: null for a result, else what was thrown (a timeout as an AssertionError). */
    private Throwable runOnSmallStack(String text) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread worker = new Thread(null, () -> {
            try {
                parseBindAndRun(text);
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "hostile-input", STACK_BYTES);
        worker.setDaemon(true);
        worker.start();
        worker.join(TimeUnit.SECONDS.toMillis(SECONDS_PER_INPUT));
        if (worker.isAlive()) {
            worker.interrupt();
            return new AssertionError("no outcome within " + SECONDS_PER_INPUT + " s");
        }
        return thrown.get();
    }

    private static void drain(QueryResult result) {
        int rows = 0;
        for (Partition partition : result.partitions()) {
            try (BatchStream batches = partition.open()) {
                for (Batch b = batches.next(); b != null && rows < MAX_ROWS; b = batches.next()) {
                    rows += b.rowCount();
                }
            }
        }
    }

    private static String describe(Throwable outcome) {
        String message = String.valueOf(outcome.getMessage());
        return outcome.getClass().getName() + ": "
                + HostileInputs.shortened(message.substring(0, Math.min(message.length(), 300)))
                + (outcome.getStackTrace().length > 0 ? " at " + outcome.getStackTrace()[0] : "");
    }

    private static KustoDatabase smallDatabase() {
        KustoDatabase database = new KustoDatabase("fuzz");
        Schema schema = Schema.of(new Column("x", KqlType.LONG), new Column("s", KqlType.STRING),
                new Column("d", KqlType.DYNAMIC));
        Batch.Builder rows = Batch.builder(schema);
        for (long i = 1; i <= 20; i++) {
            rows.addRow(i, "text " + i, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    .put("a", i));
        }
        database.append("T", rows.build());
        return database;
    }

    private static ExportOptions options() {
        KustoExportConfiguration configuration = new KustoExportConfiguration();
        configuration.setFormat("csv");
        configuration.setStorage("out");
        return configuration.toExportOptions();
    }
}

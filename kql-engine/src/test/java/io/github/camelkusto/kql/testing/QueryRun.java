package io.github.camelkusto.kql.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.exec.QueryEngine;

/**
 * Runs a query through the engine's public contract ({@code prepare}, then every partition read to the end)
 * with a time limit, so that one hanging query cannot hang a suite. A query that overruns is abandoned on its
 * daemon thread (interrupted, never waited for) and the next query gets a fresh thread.
 */
public final class QueryRun implements AutoCloseable {
    private final Duration timeout;
    private final int maxRows;
    private ExecutorService executor = newExecutor();

    /** What running a query gave. */
    public sealed interface Outcome permits Rows, Rejected, Crashed, TimedOut {
    }

    /** The result, read in partition order. {@code truncated} when reading stopped after more than the limit. */
    public record Rows(Schema schema, List<List<Object>> rows, boolean truncated) implements Outcome {
    }

    /** The engine refused the query with its own error type, as it should refuse bad queries. */
    public record Rejected(KustoException error) implements Outcome {
    }

    /** Anything else thrown: an engine bug, whatever the query. */
    public record Crashed(Throwable error) implements Outcome {
    }

    public record TimedOut(Duration limit) implements Outcome {
    }

    public QueryRun(Duration timeout, int maxRows) {
        this.timeout = timeout;
        this.maxRows = maxRows;
    }

    public Outcome run(QueryEngine engine, String query) {
        Future<Outcome> future = executor.submit(() -> execute(engine, query));
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            executor.shutdownNow();
            executor = newExecutor();
            return new TimedOut(timeout);
        } catch (ExecutionException e) {
            return outcomeOf(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + query, e);
        }
    }

    private Outcome execute(QueryEngine engine, String query) {
        try {
            QueryResult result = engine.prepare(query);
            List<List<Object>> rows = new ArrayList<>();
            int columns = result.schema().size();
            for (Partition partition : result.partitions()) {
                try (BatchStream stream = partition.open()) {
                    for (Batch batch = stream.next(); batch != null; batch = stream.next()) {
                        for (int r = 0; r < batch.rowCount(); r++) {
                            if (rows.size() > maxRows) {
                                return new Rows(result.schema(), rows, true);
                            }
                            Object[] row = new Object[columns];
                            for (int c = 0; c < columns; c++) {
                                row[c] = batch.value(c, r);
                            }
                            rows.add(Arrays.asList(row));
                        }
                    }
                }
            }
            return new Rows(result.schema(), rows, false);
        } catch (Throwable t) { // StackOverflowError and the like are engine bugs to report, not to die of
            return outcomeOf(t);
        }
    }

    private static Outcome outcomeOf(Throwable t) {
        return t instanceof KustoException k ? new Rejected(k) : new Crashed(t);
    }

    private static ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "kql-query-run");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** The first line of a throwable's message, with its type when it is not a KustoException. */
    public static String describe(Throwable t) {
        String message = String.valueOf(t.getMessage());
        int newline = message.indexOf('\n');
        String firstLine = newline < 0 ? message : message.substring(0, newline);
        return t instanceof KustoException ? firstLine : t.getClass().getSimpleName() + ": " + firstLine;
    }
}

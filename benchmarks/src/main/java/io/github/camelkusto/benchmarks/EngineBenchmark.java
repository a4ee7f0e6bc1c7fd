package io.github.camelkusto.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.control.TableCommandParser;
import io.github.camelkusto.kql.control.TableCommandRunner;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.exec.QueryEngine;
import io.github.camelkusto.kql.syntax.SourceText;

/**
 * Runs the same queries on the same table in the embedded KQL engine and in DuckDB: the table is loaded into
 * both first (not timed), then each query's whole result is produced (ours: every partition drained by one
 * thread per core, as a per_shard export reads it; DuckDB: materialised into a temporary table). Row counts
 * must agree, or the figures mean nothing and the run fails.
 */
final class EngineBenchmark {

    /** One query in both languages. */
    record Query(String name, String kql, String sql) {
    }

    static final List<Query> QUERIES = List.of(
            new Query("filter + project",
                    "Logs | where DurationMs > 4000 and Level == 'Information' | project Timestamp, Service, DurationMs",
                    "SELECT Timestamp, Service, DurationMs FROM Logs WHERE DurationMs > 4000 AND Level = 'Information'"),
            new Query("summarize by string key",
                    "Logs | summarize n = count(), avgMs = avg(DurationMs), maxMs = max(DurationMs) by Service",
                    "SELECT Service, count(*) AS n, avg(DurationMs) AS avgMs, max(DurationMs) AS maxMs FROM Logs"
                            + " GROUP BY Service"),
            new Query("summarize by bin(time)",
                    "Logs | summarize n = count() by bin(Timestamp, 1h)",
                    "SELECT time_bucket(INTERVAL 1 hour, Timestamp) AS Timestamp, count(*) AS n FROM Logs GROUP BY 1"),
            new Query("top 10 by",
                    "Logs | top 10 by DurationMs desc",
                    "SELECT * FROM Logs ORDER BY DurationMs DESC LIMIT 10"),
            new Query("string contains",
                    "Logs | where Message contains '12345' | project i, Message",
                    "SELECT i, Message FROM Logs WHERE Message ILIKE '%12345%'"),
            new Query("join with a small table",
                    "Logs | where Level == 'Error' | join kind=inner (Owners) on Service | project i, Service, Owner",
                    "SELECT l.i, l.Service, o.Owner FROM Logs l JOIN Owners o ON l.Service = o.Service"
                            + " WHERE l.Level = 'Error'"));

    private static final String OWNERS_KQL = "range k from 0 to 15 step 1 | project Service = strcat('svc-', k),"
            + " Owner = strcat('team-', k % 4)";
    private static final String OWNERS_SQL = "SELECT 'svc-' || k AS Service, 'team-' || (k % 4) AS Owner"
            + " FROM range(0, 16) t(k)";

    private final LogRows rows;
    private final int runs;

    EngineBenchmark(LogRows rows, int runs) {
        this.rows = rows;
        this.runs = runs;
    }

    /** Runs every query, or those whose name starts with one of {@code only}. */
    Figures run(List<String> only) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        Figures figures = new Figures("KQL engine on " + String.format("%,d", rows.count()) + " log rows ("
                + cores + " cores)", "embedded KQL", "DuckDB SQL");
        KustoDatabase database = new KustoDatabase("bench");
        QueryEngine engine = new QueryEngine(database);
        TableCommandRunner tables = new TableCommandRunner(database, engine);
        tables.run(TableCommandParser.parse(new SourceText(".set-or-replace Logs <| " + rows.kql())));
        tables.run(TableCommandParser.parse(new SourceText(".set-or-replace Owners <| " + OWNERS_KQL)));
        ExecutorService readers = Executors.newFixedThreadPool(cores);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duck.createStatement()) {
            sql.execute("SET threads = " + cores);
            sql.execute("CREATE TABLE Logs AS " + rows.sql());
            sql.execute("CREATE TABLE Owners AS " + OWNERS_SQL);
            for (Query q : QUERIES) {
                if (!only.isEmpty() && only.stream().noneMatch(q.name()::startsWith)) {
                    continue;
                }
                QueryResult prepared;
                try {
                    prepared = engine.prepare(q.kql());
                } catch (KustoException refused) {
                    // a query the engine does not support yet is a row of the table, not the end of the run
                    figures.unsupported(q.name(), "embedded KQL", refused.getMessage());
                    System.err.printf("  %s: not supported here: %s%n", q.name(), refused.getMessage());
                    continue;
                }
                AtomicLong ourRows = new AtomicLong();
                double ours = Figures.medianSeconds(runs, () -> {
                    ourRows.set(drain(prepared, readers));
                    return null;
                });
                double theirs = Figures.medianSeconds(runs, () -> {
                    sql.execute("CREATE OR REPLACE TEMP TABLE r AS " + q.sql());
                    return null;
                });
                long theirRows = count(sql);
                if (ourRows.get() != theirRows) {
                    throw new IllegalStateException(q.name() + ": the engines disagree: " + ourRows.get()
                            + " rows here, " + theirRows + " in DuckDB");
                }
                figures.latency(q.name() + " (" + theirRows + " rows)", ours, theirs);
                System.err.printf("  %s: ours %.3f s, DuckDB %.3f s%n", q.name(), ours, theirs);
            }
        } finally {
            readers.shutdownNow();
        }
        return figures;
    }

    /** Reads every partition of a result, in parallel; returns the number of rows. */
    private static long drain(QueryResult result, ExecutorService readers) throws Exception {
        List<Future<Long>> counts = new ArrayList<>();
        for (Partition partition : result.partitions()) {
            counts.add(readers.submit(() -> {
                long n = 0;
                try (BatchStream batches = partition.open()) {
                    for (Batch b = batches.next(); b != null; b = batches.next()) {
                        n += b.rowCount();
                    }
                }
                return n;
            }));
        }
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        return total;
    }

    private static long count(Statement sql) throws Exception {
        try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM r")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

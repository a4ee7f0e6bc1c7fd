package io.github.camelkusto.benchmarks;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelkusto.export.KustoExportComponent;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.exec.QueryEngine;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * The engine as a user meets it: the tables are loaded once through the endpoint ({@code .set-or-replace}, not
 * timed), then each query is sent to a {@code kusto-export} endpoint of a real CamelContext as
 * {@code .export to csv (<local folder>) <| query}, and the time is the whole exchange (parse, bind, plan, run,
 * the csv artifact written and committed, the result table back). DuckDB, in the same process, runs the same
 * query on the same table as {@code COPY (query) TO} a csv file (threads = cores), its best of the runs. Row
 * counts must agree (DuckDB's counted untimed), or the figures mean nothing and the run fails.
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
            new Query("summarize by 5000-value key",
                    "Logs | summarize n = count(), avgI = avg(i) by DurationMs",
                    "SELECT DurationMs, count(*) AS n, avg(i) AS avgI FROM Logs GROUP BY DurationMs"),
            new Query("where 2 predicates | count",
                    "Logs | where Level == 'Error' and DurationMs > 4000 | count",
                    "SELECT count(*) AS Count FROM Logs WHERE Level = 'Error' AND DurationMs > 4000"),
            new Query("top 10 by",
                    "Logs | top 10 by DurationMs desc",
                    "SELECT * FROM Logs ORDER BY DurationMs DESC LIMIT 10"),
            new Query("dcount by key",
                    "Logs | summarize d = dcount(i) by Service",
                    "SELECT Service, approx_count_distinct(i) AS d FROM Logs GROUP BY Service"),
            new Query("percentiles by key",
                    "Logs | summarize percentiles(DurationMs, 50, 95) by Service",
                    "SELECT Service, approx_quantile(DurationMs, 0.5) AS p50, approx_quantile(DurationMs, 0.95) AS p95"
                            + " FROM Logs GROUP BY Service"),
            new Query("string contains",
                    "Logs | where Message contains '12345' | project i, Message",
                    "SELECT i, Message FROM Logs WHERE Message ILIKE '%12345%'"),
            // has is a whole-term match; in these messages a term is delimited by spaces and never first or last
            new Query("where has term",
                    "Logs | where Message has '12345' | project i, Message",
                    "SELECT i, Message FROM Logs WHERE Message ILIKE '% 12345 %'"),
            new Query("join with a small table",
                    "Logs | where Level == 'Error' | join kind=inner (Owners) on Service | project i, Service, Owner",
                    "SELECT l.i, l.Service, o.Owner FROM Logs l JOIN Owners o ON l.Service = o.Service"
                            + " WHERE l.Level = 'Error'"),
            new Query("join 1M-row table | count",
                    "Logs | extend UserId = i % 1000000 | join kind=inner (Users) on UserId | count",
                    "SELECT count(*) AS Count FROM Logs l JOIN Users u ON l.i % 1000000 = u.UserId"));

    /** The tiny query whose time is the fixed cost of a query through the endpoint. */
    private static final String TINY_KQL = "Owners | take 1";
    private static final String TINY_SQL = "SELECT * FROM Owners LIMIT 1";
    private static final int TINY_RUNS = 50;

    private static final String OWNERS_KQL = "range k from 0 to 15 step 1 | project Service = strcat('svc-', k),"
            + " Owner = strcat('team-', k % 4)";
    private static final String OWNERS_SQL = "SELECT 'svc-' || k AS Service, 'team-' || (k % 4) AS Owner"
            + " FROM range(0, 16) t(k)";
    private static final String USERS_KQL = "range UserId from 0 to 999999 step 1 | extend Name = strcat('user-', UserId)";
    private static final String USERS_SQL = "SELECT UserId, 'user-' || UserId AS Name FROM range(0, 1000000) t(UserId)";

    private final CamelContext camel;
    private final LogRows rows;
    private final int runs;
    private final Path work;

    EngineBenchmark(CamelContext camel, LogRows rows, int runs, Path work) {
        this.camel = camel;
        this.rows = rows;
        this.runs = runs;
        this.work = work;
    }

    /** Runs every query, or those whose name starts with one of {@code only}. */
    Figures run(List<String> only) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        Figures figures = new Figures("KQL engine through the kusto-export endpoint on " + String.format("%,d",
                rows.count()) + " log rows (" + cores + " cores; result exported as csv to a local folder)",
                "kusto-export", "DuckDB COPY TO");
        KustoDatabase database = new KustoDatabase("bench");
        KustoExportComponent component = new KustoExportComponent();
        component.setDatabase(database);
        camel.addComponent("kusto-export", component);
        ProducerTemplate template = camel.createProducerTemplate();
        String endpoint = "kusto-export:csv";
        template.requestBody(endpoint, ".set-or-replace Logs <| " + rows.kql());
        template.requestBody(endpoint, ".set-or-replace Owners <| " + OWNERS_KQL);
        template.requestBody(endpoint, ".set-or-replace Users <| " + USERS_KQL);
        // the tables now live as long as the JVM, as a long-running route's would: settle them in the old
        // generation before timing, or the first queries pay for copying freshly loaded tables between young spaces
        LoadedHeap.settle();
        System.err.printf(Locale.ROOT, "  tables loaded: this JVM so far %d ms system CPU, %d page faults%n",
                ProcessCpu.systemMillis(), ProcessCpu.minorFaults());
        java.util.StringJoiner allocated = new java.util.StringJoiner(", ",
                "bytes allocated by a run of ours (its last; every Java thread): ", "");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duck.createStatement()) {
            sql.execute("SET threads = " + cores);
            sql.execute("CREATE TABLE Logs AS " + rows.sql());
            sql.execute("CREATE TABLE Owners AS " + OWNERS_SQL);
            sql.execute("CREATE TABLE Users AS " + USERS_SQL);
            for (Query q : QUERIES) {
                if (!only.isEmpty() && only.stream().noneMatch(q.name()::startsWith)) {
                    continue;
                }
                Path ourFolder = work.resolve("kusto");
                Path duckFolder = work.resolve("duckdb");
                AtomicLong ourRows = new AtomicLong();
                String export = ".export to csv (@'" + ourFolder + "') <| " + q.kql();
                double ours;
                try {
                    ours = Figures.medianSeconds(runs, () -> ExportBenchmark.clear(ourFolder), () -> {
                        ResultTable artifacts = template.requestBody(endpoint, export, ResultTable.class);
                        ourRows.set(artifacts.rows().stream().mapToLong(r -> (Long) r.get(1)).sum());
                        return artifacts;
                    });
                } catch (Exception refused) {
                    // a query the engine does not support yet is a row of the table, not the end of the run
                    figures.unsupported(q.name(), "kusto-export", String.valueOf(refused.getMessage()));
                    System.err.printf("  %s: not supported here: %s%n", q.name(), refused.getMessage());
                    continue;
                }
                long duckSystem = ProcessCpu.systemMillis();
                long duckFaults = ProcessCpu.minorFaults();
                double theirs = bestSeconds(Math.max(3, runs), () -> ExportBenchmark.clear(duckFolder), () ->
                        sql.execute("COPY (" + q.sql() + ") TO '" + duckFolder.resolve("out.csv")
                                + "' (FORMAT csv, HEADER false)"));
                duckSystem = ProcessCpu.systemMillis() - duckSystem;
                duckFaults = ProcessCpu.minorFaults() - duckFaults;
                long theirRows = count(sql, q.sql());
                if (ourRows.get() != theirRows) {
                    throw new IllegalStateException(q.name() + ": the engines disagree: " + ourRows.get()
                            + " rows here, " + theirRows + " in DuckDB");
                }
                allocated.add(String.format(Locale.ROOT, "%s %.1f MB", q.name(), Figures.lastRunAllocated / 1e6));
                figures.latency(q.name() + " (" + theirRows + " rows)", ours, theirs);
                figures.target("engine", 1);
                // DuckDB runs in this process: its share of the system CPU and page faults, apart from ours
                System.err.printf(Locale.ROOT, "  %s: ours %.3f s, DuckDB %.3f s (its %d runs: %d ms system CPU,"
                        + " %d page faults)%n", q.name(), ours, theirs, WarmUp.count + Math.max(3, runs),
                        duckSystem, duckFaults);
            }
            figures.note(allocated.toString());
            fixedCost(figures, template, endpoint, database, sql);
        }
        figures.note("ours: the median of " + runs + " runs of the whole exchange; DuckDB: the best of "
                + Math.max(3, runs) + " runs; ours after " + WarmUp.describe() + ", DuckDB's after "
                + WarmUp.count);
        return figures;
    }

    /**
     * The fixed cost of one query: a tiny one through the endpoint, and the engine's share of it (parse, bind,
     * plan, rows read) measured on the same database; the rest is the exchange and the artifact.
     */
    private void fixedCost(Figures figures, ProducerTemplate template, String endpoint, KustoDatabase database,
            Statement duck) throws Exception {
        Path folder = work.resolve("tiny");
        ExportBenchmark.clear(folder);
        String export = ".export to csv (@'" + folder + "') <| " + TINY_KQL;
        QueryEngine engine = new QueryEngine(database);
        double[] exchange = new double[TINY_RUNS];
        double[] prepare = new double[TINY_RUNS];
        double[] read = new double[TINY_RUNS];
        for (int warm = 0; warm < TINY_RUNS * 4; warm++) {
            template.requestBody(endpoint, export, ResultTable.class);
            drain(engine.prepare(TINY_KQL));
        }
        for (int i = 0; i < TINY_RUNS; i++) {
            long start = System.nanoTime();
            template.requestBody(endpoint, export, ResultTable.class);
            long exported = System.nanoTime();
            QueryResult result = engine.prepare(TINY_KQL);
            long prepared = System.nanoTime();
            drain(result);
            long drained = System.nanoTime();
            exchange[i] = (exported - start) / 1e6;
            prepare[i] = (prepared - exported) / 1e6;
            read[i] = (drained - prepared) / 1e6;
        }
        double[] duckCopy = new double[TINY_RUNS];
        String copy = "COPY (" + TINY_SQL + ") TO '" + folder.resolve("duck.csv") + "' (FORMAT csv, HEADER false)";
        for (int i = 0; i < TINY_RUNS * 5; i++) {
            long start = System.nanoTime();
            duck.execute(copy);
            duckCopy[i % TINY_RUNS] = (System.nanoTime() - start) / 1e6;
        }
        double total = median(exchange);
        double bind = median(prepare);
        double rowsRead = median(read);
        figures.note(String.format(Locale.ROOT, "fixed cost of a tiny query (%s, median of %d): %.2f ms through the"
                + " endpoint = parse+bind+plan %.2f ms + rows %.2f ms + Camel exchange, command, artifact"
                + " open/write/commit %.2f ms; DuckDB COPY of the same row to a csv file: %.2f ms", TINY_KQL,
                TINY_RUNS, total, bind, rowsRead, total - bind - rowsRead, median(duckCopy)));
    }

    private static long drain(QueryResult result) throws Exception {
        long n = 0;
        for (Partition partition : result.partitions()) {
            try (BatchStream batches = partition.open()) {
                for (Batch b = batches.next(); b != null; b = batches.next()) {
                    n += b.rowCount();
                }
            }
        }
        return n;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** The best wall time of {@code runs} runs (after the warm-ups), in seconds: DuckDB at its best. */
    private static double bestSeconds(int runs, Figures.Setup setup, Figures.Setup task) throws Exception {
        WarmUp.fixed(setup, () -> {
            task.run();
            return null;
        });
        double best = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            setup.run();
            long start = System.nanoTime();
            task.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM (" + query + ")")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

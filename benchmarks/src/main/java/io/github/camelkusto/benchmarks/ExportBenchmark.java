package io.github.camelkusto.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.camelkusto.kql.data.ResultTable;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * Exports the same log rows with this component and with DuckDB's {@code COPY ... TO}, format by format, in the
 * same run, the way a long-running route meets an export:
 * <ul>
 * <li>the rows are loaded once into a table on each side before anything is timed ({@code .set} through the
 * endpoint, DuckDB's {@code CREATE TABLE ... AS}), and each export reads that table: generating the rows inside
 * the timed export measured the generators (DuckDB's {@code range} runs on one thread, ours on every core);</li>
 * <li>ours: the command sent to a real route, {@code from("direct:export").to("kusto-export:csv")}, whose body
 * is the {@code .export} command; the record count of the artifacts is checked;</li>
 * <li>both sides write into the same folder on the same disk; before each timed run the previous run's files are
 * deleted and {@code sync} writes back what is still dirty, so that no run pays for the write-back of another;
 * neither side forces its files to disk (strace shows no fsync on either);</li>
 * <li>warm-up runs of both, then the timed runs alternate ours and DuckDB's, so that a busier minute of a shared
 * machine falls on both; ours is the median, DuckDB's the best of at least 3 (it runs in this process with
 * {@code threads} = cores).</li>
 * </ul>
 * With {@code --export-from query} both sides generate the rows inside the export, as this suite used to.
 */
final class ExportBenchmark {
    static final String TABLE = "LogRows";
    private static final String ROUTE = "direct:export";
    private static final int DUCKDB_MIN_RUNS = 3;

    /**
     * One format, as each side spells it. {@code with} is the export's own with-clause (empty or
     * {@code " with (...)"}): the same codec as DuckDB's.
     */
    record Case(String name, String exportPrefix, String format, String with, String duckDbFile,
            String duckDbOptions) {
    }

    static final List<Case> CASES = List.of(
            new Case("csv", ".export", "csv", "", "out.csv", "FORMAT csv, HEADER false"),
            new Case("tsv", ".export", "tsv", "", "out.tsv", "FORMAT csv, DELIMITER '\\t', HEADER false"),
            new Case("json", ".export", "json", "", "out.json", "FORMAT json"),
            new Case("csv + gzip", ".export compressed", "csv", "", "out.csv.gz", "FORMAT csv, HEADER false,"
                    + " COMPRESSION gzip"),
            new Case("parquet + snappy", ".export compressed", "parquet",
                    " with (compressionType='snappy')", "out.parquet", "FORMAT parquet, COMPRESSION snappy"),
            new Case("parquet, uncompressed", ".export", "parquet", "", "out.parquet",
                    "FORMAT parquet, COMPRESSION uncompressed"));

    /** Where each side reads its rows: the loaded table, or the generating query inside each export. */
    enum Source {
        TABLE, QUERY
    }

    /** One timed run: wall and this JVM's CPU seconds, bytes written. */
    private record Run(double seconds, double cpuSeconds, long bytes) {
    }

    private final CamelContext camel;
    private final LogRows rows;
    private final int runs;
    private final Path work;
    private final Source source;

    ExportBenchmark(CamelContext camel, LogRows rows, int runs, Path work, Source source) {
        this.camel = camel;
        this.rows = rows;
        this.runs = runs;
        this.work = work;
        this.source = source;
    }

    Figures run(List<String> only) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(ROUTE).routeId("export").to("kusto-export:csv");
            }
        });
        Figures figures = new Figures("export " + String.format("%,d", rows.count()) + " log rows from "
                + (source == Source.TABLE ? "a loaded table" : "the generating query") + " to a local folder ("
                + cores + " cores, " + work + ")", "camel-kusto-export", "DuckDB COPY TO");
        ProducerTemplate template = camel.createProducerTemplate();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duck.createStatement()) {
            sql.execute("SET threads = " + cores);
            if (source == Source.TABLE) {
                figures.note(load(template, ROUTE, sql, rows));
            }
            for (Case c : CASES) {
                if (!only.isEmpty() && !selected(c, only)) {
                    continue;
                }
                Path ourFolder = work.resolve("kusto");
                Path duckFolder = work.resolve("duckdb");
                String export = c.exportPrefix() + " to " + c.format() + " (@'" + ourFolder + "')" + c.with()
                        + " <| " + (source == Source.TABLE ? TABLE : rows.kql());
                String copy = "COPY " + (source == Source.TABLE ? TABLE : "(" + rows.sql() + ")") + " TO '"
                        + duckFolder.resolve(c.duckDbFile()) + "' (" + c.duckDbOptions() + ")";
                Timed ours = () -> {
                    ResultTable artifacts = template.requestBody(ROUTE, export, ResultTable.class);
                    check(c.name(), "camel-kusto-export", artifacts.rows().stream().mapToLong(r -> (Long) r.get(1))
                            .sum());
                    return artifacts.rows().stream().mapToLong(r -> (Long) r.get(2)).sum();
                };
                Timed theirs = () -> {
                    check(c.name(), "DuckDB", sql.executeLargeUpdate(copy));
                    return sizeOf(duckFolder);
                };
                List<Run> oursRuns = new ArrayList<>();
                List<Run> theirsRuns = new ArrayList<>();
                WarmUp.Runs warmUp = WarmUp.run(() -> clear(ourFolder), ours::call);
                WarmUp.fixed(() -> clear(duckFolder), theirs::call);
                for (int i = 0; i < Math.max(runs, DUCKDB_MIN_RUNS); i++) {
                    if (i < runs) {
                        oursRuns.add(timed(ourFolder, ours, "ours"));
                    }
                    theirsRuns.add(timed(duckFolder, theirs, "DuckDB"));
                }
                Run oursMedian = median(oursRuns);
                Run theirsBest = theirsRuns.stream().min((a, b) -> Double.compare(a.seconds(), b.seconds()))
                        .orElseThrow();
                figures.throughput(c.name(), rows.count(), oursMedian.seconds(), theirsBest.seconds());
                figures.target("export", c.name().contains("gzip") ? 5 : 2);
                figures.note(String.format(Locale.ROOT, "%s: %.0f MB written by ours, %.0f MB by DuckDB; CPU of the"
                        + " timed runs: %.2f s ours (median), %.2f s DuckDB (its best run)", c.name(),
                        oursMedian.bytes() / 1e6, theirsBest.bytes() / 1e6, oursMedian.cpuSeconds(),
                        theirsBest.cpuSeconds()));
                if (WarmUp.untilSettled && !Double.isNaN(warmUp.second())) {
                    figures.note(String.format(Locale.ROOT, "%s: ours' second export in this JVM (after one warm-up"
                            + " run, as the issue's independent check timed it): %.2f s, %.2fx; settled after %s",
                            c.name(), warmUp.second(), theirsBest.seconds() / warmUp.second(), warmUp));
                }
                System.err.printf(Locale.ROOT, "  %s: ours %.2f s (median), DuckDB %.2f s (best), %.2fx; load %s%n",
                        c.name(), oursMedian.seconds(), theirsBest.seconds(), theirsBest.seconds()
                        / oursMedian.seconds(), Figures.loadAverage());
                clear(ourFolder);
                clear(duckFolder);
            }
        }
        figures.note("ours: the median of " + runs + " runs; DuckDB: the best of " + Math.max(runs, DUCKDB_MIN_RUNS)
                + "; timed runs alternate between the two sides");
        return figures;
    }

    /**
     * Whether {@code --formats} selects a case: by its name ({@code csv}, {@code "csv + gzip"}), or by its format
     * when no case has that name ({@code parquet}: both parquet cases).
     */
    private static boolean selected(Case c, List<String> only) {
        return only.contains(c.name())
                || only.contains(c.format()) && CASES.stream().noneMatch(other -> other.name().equals(c.format()));
    }

    /**
     * Loads the rows into table {@value #TABLE} on each side (not timed): {@code .set-or-replace} sent to
     * {@code endpoint}, CREATE TABLE AS, then settles the heap as a long-running route's ({@link LoadedHeap});
     * returns the note that says how long each load took.
     */
    static String load(ProducerTemplate template, String endpoint, Statement sql, LogRows rows) throws Exception {
        long start = System.nanoTime();
        template.requestBody(endpoint, ".set-or-replace " + TABLE + " <| " + rows.kql());
        double ours = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        sql.execute("CREATE OR REPLACE TABLE " + TABLE + " AS " + rows.sql());
        double theirs = (System.nanoTime() - start) / 1e9;
        LoadedHeap.settle();
        return String.format(Locale.ROOT, "table %s loaded before the timed runs (not timed): ours %.1f s"
                + " (.set-or-replace), DuckDB %.1f s (CREATE TABLE AS)", TABLE, ours, theirs);
    }

    /** One export: returns the bytes it wrote. */
    @FunctionalInterface
    private interface Timed {
        long call() throws Exception;
    }

    private static Run timed(Path folder, Timed task, String side) throws Exception {
        clear(folder);
        settle();
        TimedRun run = TimedRun.start();
        long bytes = task.call();
        TimedRun.Cost cost = run.stop(side);
        return new Run(cost.seconds(), cost.cpuSeconds(), bytes);
    }

    private static Run median(List<Run> runs) {
        Run[] sorted = runs.toArray(Run[]::new);
        Arrays.sort(sorted, (a, b) -> Double.compare(a.seconds(), b.seconds()));
        return sorted[sorted.length / 2];
    }

    /**
     * Writes back the dirty pages of earlier runs (the kernel would do it during the next run, on the same cores and
     * disk) and gives the machine a moment; best effort, untimed.
     */
    private static void settle() throws InterruptedException {
        try {
            Process sync = new ProcessBuilder("sync").inheritIO().start();
            sync.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no sync command: the runs then share the write-back
        }
        Thread.sleep(200);
    }

    private void check(String name, String side, long exported) {
        if (exported != rows.count()) {
            throw new IllegalStateException(name + ": " + side + " exported " + exported + " records, expected "
                    + rows.count());
        }
    }

    private static long sizeOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            long total = 0;
            for (Path file : files.toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    /** Empties a run's output folder (before the run, outside its timing). */
    static void clear(Path folder) throws IOException {
        deleteRecursively(folder);
        Files.createDirectories(folder);
    }

    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}

package io.github.camelkusto.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.github.camelkusto.kql.data.ResultTable;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * Exports the same log rows with this component (a real CamelContext, the kusto-export endpoint, a local
 * folder) and with DuckDB's {@code COPY (...) TO} (threads = cores), format by format, in the same run.
 */
final class ExportBenchmark {

    /** One format, as each side spells it. */
    /** {@code with} is the export's own with-clause (empty or {@code " with (...)"}): the same codec as DuckDB's. */
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
                    " with (compressionType='snappy')", "out.parquet", "FORMAT parquet,"
                    + " COMPRESSION snappy"));

    private final CamelContext camel;
    private final LogRows rows;
    private final int runs;
    private final Path work;

    ExportBenchmark(CamelContext camel, LogRows rows, int runs, Path work) {
        this.camel = camel;
        this.rows = rows;
        this.runs = runs;
        this.work = work;
    }

    Figures run(List<String> only) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        Figures figures = new Figures("export " + String.format("%,d", rows.count()) + " log rows to a local folder ("
                + cores + " cores)", "camel-kusto-export", "DuckDB COPY TO");
        ProducerTemplate template = camel.createProducerTemplate();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = duck.createStatement()) {
            sql.execute("SET threads = " + cores);
            for (Case c : CASES) {
                if (!only.isEmpty() && !only.contains(c.format())) {
                    continue;
                }
                AtomicLong exported = new AtomicLong();
                Path folder = work.resolve("kusto-" + c.format());
                double ours = Figures.medianSeconds(runs, () -> clear(folder), () -> {
                    ResultTable artifacts = template.requestBody("kusto-export:" + c.format(), c.exportPrefix()
                            + " to " + c.format() + " (@'" + folder + "')" + c.with() + " <| " + rows.kql(), ResultTable.class);
                    exported.set(artifacts.rows().stream().mapToLong(r -> (Long) r.get(1)).sum());
                    return artifacts;
                });
                check(c.name(), exported.get());
                Path duckFolder = work.resolve("duckdb-" + c.format());
                double theirs = Figures.medianSeconds(runs, () -> clear(duckFolder), () -> {
                    sql.execute("COPY (" + rows.sql() + ") TO '" + duckFolder.resolve(c.duckDbFile()) + "' ("
                            + c.duckDbOptions() + ")");
                    return null;
                });
                figures.throughput(c.name(), rows.count(), ours, theirs);
                System.err.printf("  %s: ours %.2f s, DuckDB %.2f s%n", c.name(), ours, theirs);
            }
        }
        return figures;
    }

    private void check(String name, long exported) {
        if (exported != rows.count()) {
            throw new IllegalStateException(name + ": exported " + exported + " records, expected " + rows.count());
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

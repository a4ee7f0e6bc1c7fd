package io.github.camelkusto.benchmarks;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientProvider;
import com.azure.core.util.HttpClientOptions;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import io.github.camelkusto.export.KustoExportComponent;
import io.github.camelkusto.export.command.StorageLiteral;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.export.storage.ArtifactSink;
import io.github.camelkusto.export.storage.StorageTarget;
import io.github.camelkusto.export.storage.StorageTargets;
import io.github.camelkusto.testkit.Azurite;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * Export to Azure Blob storage (Azurite) against what a user would script instead, in the same run. Ours: the rows
 * exported as csv by a route of a real CamelContext ({@code direct:} to the kusto-export endpoint) into a container
 * (query, rendering and upload, timed together). Both sides read the rows from a table each loaded beforehand
 * (untimed), as in the export suite ({@code --export-from query}: generated in each run). Theirs (issue 18): DuckDB
 * {@code COPY (the same rows) TO} a local csv file (threads = cores), then the Azure SDK's {@code BlobClient.uploadFromFile} of that file (default
 * ParallelTransferOptions, the SDK's default Netty HTTP client), timed together end to end. Two more lines are
 * information: the plain SDK upload of our export's own files, already on disk (exported beforehand, untimed; one
 * file per core in parallel: the upload alone, {@code sendfile}), and the same files written through the component's
 * storage part alone (its blob sink: blocks staged while the file is read, then committed), which tells the upload's
 * own cost from the query's and the rendering's.
 * <p>
 * Azurite keeps blobs in memory, so that its disk is not what is compared. Runs alternate between the sides, each
 * writing a new container that is deleted after it, and each starts once Azurite is idle (it frees deleted blobs in
 * the background, which would slow whichever run came next); the warm-up runs warm Azurite's JavaScript as well as
 * our JIT and DuckDB. The CPU each run used (this JVM's, DuckDB's included, and Azurite's) is printed beside the
 * times: on a 2-core machine the export's rendering competes with Azurite for the cores, which wall times alone do
 * not show.
 */
final class AzuriteBenchmark {
    private final CamelContext camel;
    private final LogRows rows;
    private final int runs;
    private final Path work;
    private final ExportBenchmark.Source source;
    /** Built by the first run that uploads with the SDK (untimed from then on, as in a long-running script). */
    private BlobServiceClient sdk;

    AzuriteBenchmark(CamelContext camel, LogRows rows, int runs, Path work, ExportBenchmark.Source source) {
        this.camel = camel;
        this.source = source;
        this.rows = rows;
        this.runs = runs;
        this.work = work;
    }

    /** One side: what it does against a fresh Azurite's container, returning the bytes it wrote. */
    private interface Side {
        long run(Azurite azurite, String container) throws Exception;
    }

    /** One timed run: wall seconds and the CPU this JVM and Azurite used in it. */
    private record Run(double seconds, double jvmCpuSeconds, double azuriteCpuSeconds, long bytes) {
        /** The run of median wall time. */
        static Run median(List<Run> runs) {
            return runs.stream().sorted(Comparator.comparingDouble(Run::seconds)).toList().get(runs.size() / 2);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.2f s (CPU: JVM %.2f s, Azurite %.2f s)", seconds, jvmCpuSeconds,
                    azuriteCpuSeconds);
        }
    }

    Figures run() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:azurite-export").to("kusto-export:csv");
            }
        });
        ProducerTemplate template = camel.createProducerTemplate();
        Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duck.createStatement();
        sql.execute("SET threads = " + cores);
        // As the export suite: each side reads a table loaded beforehand, or generates the rows in each export.
        String loaded = source == ExportBenchmark.Source.TABLE
                ? ExportBenchmark.load(template, "kusto-export:csv", sql, rows) : "rows generated in each export";
        String ourRows = source == ExportBenchmark.Source.TABLE ? ExportBenchmark.TABLE : rows.kql();
        String duckRows = source == ExportBenchmark.Source.TABLE ? ExportBenchmark.TABLE : "(" + rows.sql() + ")";
        // The same bytes, on disk: the component's own export of the rows to a local folder.
        Path folder = work.resolve("azurite-local");
        ExportBenchmark.clear(folder);
        long localStart = System.nanoTime();
        ResultTable local = template.requestBody("kusto-export:csv", ".export to csv (@'" + folder + "') <| "
                + ourRows, ResultTable.class);
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.sorted().toList();
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        System.err.printf(Locale.ROOT, "  azurite: %,d bytes of csv in %d artifacts, exported to a local folder in"
                + " %.2f s (once, untimed)%n", bytes, local.rows().size(), (System.nanoTime() - localStart) / 1e9);

        Side ours = (azurite, container) -> {
            ResultTable artifacts = template.requestBody("direct:azurite-export", ".export to csv (h'"
                    + azurite.kustoConnectionString(container) + "') <| " + ourRows, ResultTable.class);
            check("export", artifacts.rows().stream().mapToLong(r -> (Long) r.get(1)).sum());
            return artifacts.rows().stream().mapToLong(r -> (Long) r.get(2)).sum();
        };
        Path duckFile = work.resolve("duckdb-azurite.csv");
        Side duckDbThenUpload = (azurite, container) -> {
            long copied;
            try (Statement copy = duck.createStatement()) {
                // DuckDB answers COPY with the number of rows it wrote (a result set, or an update count)
                if (copy.execute("COPY " + duckRows + " TO '" + duckFile + "' (FORMAT csv, HEADER false)")) {
                    try (ResultSet count = copy.getResultSet()) {
                        count.next();
                        copied = count.getLong(1);
                    }
                } else {
                    copied = copy.getUpdateCount();
                }
            }
            check("DuckDB COPY", copied);
            sdk(azurite).getBlobContainerClient(container).getBlobClient("duckdb.csv").uploadFromFile(
                    duckFile.toString());
            return Files.size(duckFile);
        };
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        long fileBytes = bytes;
        Side rawUpload = (azurite, container) -> {
            BlobContainerClient target = sdk(azurite).getBlobContainerClient(container);
            List<Future<?>> uploads = new ArrayList<>();
            for (Path f : files) {
                uploads.add(pool.submit(() -> target.getBlobClient(f.getFileName().toString())
                        .uploadFromFile(f.toString())));
            }
            for (Future<?> upload : uploads) {
                upload.get();
            }
            return fileBytes;
        };
        // the storage part alone stages blocks of the size the component's exports use
        StorageTargets storage = new StorageTargets(camel,
                camel.getComponent("kusto-export", KustoExportComponent.class).getBlockSize());
        Side oursStorageOnly = (azurite, container) -> {
            StorageTarget target = storage.target(new StorageLiteral(azurite.kustoConnectionString(container),
                    false, "the benchmark's storage"));
            List<Future<?>> uploads = new ArrayList<>();
            for (Path f : files) {
                uploads.add(pool.submit(() -> {
                    try (ArtifactSink sink = target.create(f.getFileName().toString());
                            InputStream in = Files.newInputStream(f)) {
                        in.transferTo(sink);
                        return sink.commit();
                    }
                }));
            }
            for (Future<?> upload : uploads) {
                upload.get();
            }
            return fileBytes;
        };
        List<Side> sides = List.of(ours, duckDbThenUpload, rawUpload, oursStorageOnly);
        List<List<Run>> measured = new ArrayList<>();
        sides.forEach(side -> measured.add(new ArrayList<>()));
        try (Azurite azurite = Azurite.startInMemory()) {
            for (int i = 0; i < WarmUp.count + runs; i++) {
                // Rotate which side goes first, so that none always follows another.
                for (int k = 0; k < sides.size(); k++) {
                    int side = (i + k) % sides.size();
                    Run run = measure(azurite, sides.get(side));
                    Files.deleteIfExists(duckFile);
                    if (i >= WarmUp.count) {
                        measured.get(side).add(run);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
            storage.close();
            sql.close();
            duck.close();
        }
        Run oursMedian = Run.median(measured.get(0));
        Run duckMedian = Run.median(measured.get(1));
        Run rawMedian = Run.median(measured.get(2));
        Run storageMedian = Run.median(measured.get(3));
        Figures figures = new Figures("export " + String.format("%,d", rows.count()) + " log rows as csv to Azurite ("
                + String.format(Locale.ROOT, "%.0f", bytes / 1e6) + " MB, " + cores + " cores, interleaved runs)",
                "camel-kusto-export", "the alternative");
        figures.throughput("vs DuckDB COPY + SDK upload", rows.count(), oursMedian.seconds(), duckMedian.seconds());
        figures.target("azurite", 1.2);
        figures.bandwidth("(info) vs SDK upload of our files", bytes, oursMedian.bytes(), oursMedian.seconds(),
                rawMedian.seconds());
        figures.bandwidth("(info) storage part vs SDK upload", bytes, storageMedian.bytes(), storageMedian.seconds(),
                rawMedian.seconds());
        figures.note(loaded);
        figures.note("median runs: export " + oursMedian + "; DuckDB COPY + upload " + duckMedian + " ("
                + String.format(Locale.ROOT, "%.0f", duckMedian.bytes() / 1e6) + " MB); SDK upload of our files "
                + rawMedian + "; storage part alone " + storageMedian);
        figures.note("all runs (s): export " + seconds(measured.get(0)) + ", DuckDB COPY + upload "
                + seconds(measured.get(1)) + ", SDK upload of our files " + seconds(measured.get(2))
                + ", storage part alone " + seconds(measured.get(3)));
        return figures;
    }

    /** The plain Azure SDK client a user's script would build: its default (Netty) HTTP client. */
    private BlobServiceClient sdk(Azurite azurite) {
        if (sdk == null) {
            sdk = new BlobServiceClientBuilder().connectionString(azurite.connectionString())
                    .httpClient(HttpClient.createDefault(new HttpClientOptions()
                            .setHttpClientProvider(NettyAsyncHttpClientProvider.class)))
                    .buildClient();
        }
        return sdk;
    }

    private void check(String side, long records) {
        if (records != rows.count()) {
            throw new IllegalStateException(side + " wrote " + records + " records, expected " + rows.count());
        }
    }

    /**
     * Runs one side against a new container of the shared Azurite, once Azurite is idle (it collects the blobs of
     * the container deleted before, in the background); the container is deleted after, untimed.
     */
    private static Run measure(Azurite azurite, Side side) throws Exception {
        String container = azurite.newContainer("bench");
        awaitIdle(azurite);
        long jvmCpu = jvmCpuNanos();
        long azuriteCpu = azurite.cpuTime().toNanos();
        long start = System.nanoTime();
        long written = side.run(azurite, container);
        double seconds = (System.nanoTime() - start) / 1e9;
        Run run = new Run(seconds, (jvmCpuNanos() - jvmCpu) / 1e9, (azurite.cpuTime().toNanos() - azuriteCpu) / 1e9,
                written);
        azurite.blobServiceClient().getBlobContainerClient(container).delete();
        return run;
    }

    /** Waits until Azurite has used less than 10 ms of CPU in 300 ms (at most 20 s). */
    private static void awaitIdle(Azurite azurite) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        long before = azurite.cpuTime().toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(300);
            long now = azurite.cpuTime().toNanos();
            if (now - before < 10_000_000L) {
                return;
            }
            before = now;
        }
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String seconds(List<Run> runs) {
        return Arrays.toString(runs.stream().mapToDouble(Run::seconds)
                .mapToObj(s -> String.format(Locale.ROOT, "%.2f", s)).toArray());
    }
}

package io.github.camelkusto.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import io.github.camelkusto.export.kql.data.ResultTable;
import io.github.camelkusto.testkit.Azurite;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * Issue 5's upload comparison, in the same run against the same Azurite: ours is the component exporting the log
 * rows as csv to a container (query, rendering and upload, timed together); theirs is the plain Azure SDK uploading
 * the same bytes, exported beforehand to a local folder (untimed), with {@code BlobClient.uploadFromFile} and its
 * default ParallelTransferOptions, one file per core in parallel, through the SDK's default (Netty) HTTP client.
 * Each run writes to a fresh container; the previous run's container is deleted before it, untimed.
 */
final class AzuriteBenchmark {
    private final CamelContext camel;
    private final LogRows rows;
    private final int runs;
    private final Path work;

    AzuriteBenchmark(CamelContext camel, LogRows rows, int runs, Path work) {
        this.camel = camel;
        this.rows = rows;
        this.runs = runs;
        this.work = work;
    }

    Figures run() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        ProducerTemplate template = camel.createProducerTemplate();
        try (Azurite azurite = Azurite.start()) {
            // The same bytes, on disk: the component's own export of the rows to a local folder.
            Path folder = work.resolve("azurite-local");
            ExportBenchmark.clear(folder);
            long localStart = System.nanoTime();
            ResultTable local = template.requestBody("kusto-export:csv", ".export to csv (@'" + folder + "') <| "
                    + rows.kql(), ResultTable.class);
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

            BlobServiceClient sdk = new BlobServiceClientBuilder().connectionString(azurite.connectionString())
                    .httpClient(HttpClient.createDefault(new HttpClientOptions()
                            .setHttpClientProvider(NettyAsyncHttpClientProvider.class)))
                    .buildClient();
            List<String> containers = new ArrayList<>();
            long[] oursBytes = new long[1];
            double ours = Figures.medianSeconds(runs, () -> containers.add(fresh(azurite, containers)), () -> {
                ResultTable artifacts = template.requestBody("kusto-export:csv", ".export to csv (h'"
                        + azurite.kustoConnectionString(containers.get(containers.size() - 1)) + "') <| "
                        + rows.kql(), ResultTable.class);
                oursBytes[0] = artifacts.rows().stream().mapToLong(r -> (Long) r.get(2)).sum();
                return artifacts;
            });
            ExecutorService pool = Executors.newFixedThreadPool(cores);
            double theirs;
            try {
                theirs = Figures.medianSeconds(runs, () -> containers.add(fresh(azurite, containers)), () -> {
                    BlobContainerClient container = sdk.getBlobContainerClient(containers.get(containers.size() - 1));
                    List<Future<?>> uploads = new ArrayList<>();
                    for (Path f : files) {
                        uploads.add(pool.submit(() -> container.getBlobClient(f.getFileName().toString())
                                .uploadFromFile(f.toString())));
                    }
                    for (Future<?> upload : uploads) {
                        upload.get();
                    }
                    return null;
                });
            } finally {
                pool.shutdownNow();
            }
            fresh(azurite, containers);
            Figures figures = new Figures("export " + String.format("%,d", rows.count()) + " log rows as csv to Azurite ("
                    + String.format(Locale.ROOT, "%.0f", bytes / 1e6) + " MB, " + cores + " cores)",
                    "camel-kusto-export", "Azure SDK upload");
            figures.bandwidth("csv to a blob container", bytes, oursBytes[0], ours, theirs);
            System.err.printf(Locale.ROOT, "  azurite: ours %.2f s, Azure SDK %.2f s%n", ours, theirs);
            return figures;
        }
    }

    /** Deletes the containers of earlier runs (Azurite keeps blobs on disk) and makes a new one. */
    private static String fresh(Azurite azurite, List<String> containers) {
        containers.forEach(c -> azurite.blobServiceClient().getBlobContainerClient(c).deleteIfExists());
        containers.clear();
        return azurite.newContainer("bench");
    }
}

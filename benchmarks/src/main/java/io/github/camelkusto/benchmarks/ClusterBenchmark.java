package io.github.camelkusto.benchmarks;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.microsoft.azure.kusto.data.StreamingClient;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import io.github.camelkusto.export.artifact.ArtifactNaming;
import io.github.camelkusto.export.artifact.ArtifactSpec;
import io.github.camelkusto.export.artifact.ExportedArtifact;
import io.github.camelkusto.export.artifact.RollingArtifactWriter;
import io.github.camelkusto.export.command.ExportFormat;
import io.github.camelkusto.export.command.IncludeHeaders;
import io.github.camelkusto.export.command.TextEncoding;
import io.github.camelkusto.export.server.EmbeddedManagementCommands;
import io.github.camelkusto.export.server.KustoRestServer;
import io.github.camelkusto.export.server.ServerSettings;
import io.github.camelkusto.export.source.ClusterQuerySource;
import io.github.camelkusto.export.source.EmbeddedQuerySource;
import io.github.camelkusto.export.source.QuerySource;
import io.github.camelkusto.export.storage.LocalFolderLocation;
import io.github.camelkusto.export.storage.LocalFolderTarget;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.exec.QueryEngine;

/**
 * Client-side export against the embedded engine: the same rows exported as csv to a local folder by the same
 * artifact writer (one writer: a cluster's rows are one stream), once from the embedded engine and once from our
 * Kusto REST server (started in this JVM on 127.0.0.1) through kusto-data and {@link ClusterQuerySource}. Also the
 * server's query throughput: the v2 response of the same query read by kusto-data's streaming query and drained.
 */
final class ClusterBenchmark {
    private final LogRows rows;
    private final int runs;
    private final Path work;

    ClusterBenchmark(LogRows rows, int runs, Path work) {
        this.rows = rows;
        this.runs = runs;
        this.work = work;
    }

    Figures run() throws Exception {
        Figures figures = new Figures("client-side export of " + String.format("%,d", rows.count()) + " log rows"
                + " through the Kusto REST protocol (server in this JVM, 127.0.0.1)", "client-side", "embedded");
        KustoDatabase database = new KustoDatabase("default");
        try (KustoRestServer server = KustoRestServer.start(new QueryEngine(database, Runnable::run),
                new EmbeddedManagementCommands(database, new QueryEngine(database, Runnable::run)),
                ServerSettings.of(0, "default"), Runnable::run)) {
            StreamingClient client = ClusterQuerySource.streamingClient(
                    new ConnectionStringBuilder("Data Source=" + server.uri()));
            QuerySource cluster = new ClusterQuerySource(client, "default", server.uri().toString());
            QuerySource embedded = new EmbeddedQuerySource(database, Runnable::run);

            double clientSide = exportSeconds(cluster, work.resolve("cluster"));
            double local = exportSeconds(embedded, work.resolve("embedded"));
            figures.throughput("csv export, one writer", rows.count(), clientSide, local);
            System.err.printf("  csv export: client-side %.2f s, embedded %.2f s%n", clientSide, local);

            AtomicLong bytes = new AtomicLong();
            double served = Figures.medianSeconds(runs, () -> {
                try (InputStream response = client.executeStreamingQuery("default", rows.kql(), null)) {
                    bytes.set(response.transferTo(java.io.OutputStream.nullOutputStream()));
                }
                return null;
            });
            figures.note(String.format("server: a %,d-row v2 response (%,.0f MB of JSON, gzip on the wire) drained"
                    + " by kusto-data in %.2f s: %.2f M rows/s, %.1f MB/s", rows.count(), bytes.get() / 1e6, served,
                    rows.count() / served / 1e6, bytes.get() / served / 1e6));
        }
        return figures;
    }

    private double exportSeconds(QuerySource source, Path folder) throws Exception {
        AtomicLong exported = new AtomicLong();
        double seconds = Figures.medianSeconds(runs, () -> ExportBenchmark.clear(folder), () -> {
            List<ExportedArtifact> artifacts = new RollingArtifactWriter(
                    ArtifactSpec.text(ExportFormat.CSV, false, 1L << 30, IncludeHeaders.NONE, TextEncoding.UTF8_NO_BOM,
                            new ArtifactNaming("bench", ExportFormat.CSV.defaultExtension())),
                    List.of(new LocalFolderTarget(new LocalFolderLocation(folder)))).write(source.prepare(rows.kql()));
            exported.set(artifacts.stream().mapToLong(ExportedArtifact::numRecords).sum());
            return artifacts;
        });
        if (exported.get() != rows.count()) {
            throw new IllegalStateException("exported " + exported.get() + " records from " + source.describe()
                    + ", expected " + rows.count());
        }
        return seconds;
    }
}

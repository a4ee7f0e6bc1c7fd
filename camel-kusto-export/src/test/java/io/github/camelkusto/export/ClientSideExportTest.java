package io.github.camelkusto.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.microsoft.azure.kusto.data.StreamingClient;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import io.github.camelkusto.export.server.KustoRestServer;
import io.github.camelkusto.export.server.ServedDatabase;
import io.github.camelkusto.export.server.ServerSettings;
import io.github.camelkusto.export.source.ClusterQuerySource;
import io.github.camelkusto.export.source.EmbeddedQuerySource;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.testkit.DuckDb;
import io.github.camelkusto.testkit.FaultProxy;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Client-side export: the query runs on a cluster (our Kusto REST server over the embedded engine, asked by
 * Microsoft's kusto-data client) and its rows stream back into the component's artifact writers. The artifacts
 * are the embedded engine's, byte for byte.
 */
public class ClientSideExportTest {
    /** Every Kusto type, its awkward values (NaN, ±Infinity, text that needs quoting) and a null of each. */
    public static final String ALL_TYPES = ".set AllTypes <| datatable(b:bool, i:int, l:long, r:real, d:decimal, s:string,"
            + " t:datetime, ts:timespan, g:guid, dyn:dynamic) ["
            + " true, 42, 9007199254740993, 1.5, decimal(123.456), 'héllo, \"world\"\\n\\tend ☃ 😀',"
            + "   datetime(2024-01-02T03:04:05.1234567Z), timespan(1.02:03:04.5), guid(0f8fad5b-d9cb-469f-a165-70867728950e),"
            + "   dynamic({\"a\": [1, 2, {\"b\": null}], \"c\": \"x\", \"big\": 12345678901234567890}),"
            + " bool(null), int(null), long(null), real(null), decimal(null), '', datetime(null), timespan(null),"
            + "   guid(null), dynamic(null),"
            + " false, -7, -1, real(nan), decimal(-0.5), '', datetime(1970-01-01), -1500ms,"
            + "   guid(00000000-0000-0000-0000-000000000000), dynamic([\"u\", 1.25, true]),"
            + " false, 2147483647, -9223372036854775807, real(+inf), decimal(0.000000001), 'x',"
            + "   datetime(9999-12-31T23:59:59.9999999Z), timespan(10675199.02:48:05.4775807), guid(ffffffff-ffff-ffff-ffff-ffffffffffff),"
            + "   dynamic('text'),"
            + " true, -2147483648, 0, real(-inf), decimal(1e6), 'ünïcode', datetime(0001-01-01), 0s,"
            + "   guid(12345678-1234-1234-1234-123456789abc), dynamic(1.0e-300)"
            + " ]";
    /** Rows no one waits for: streamed until the connection breaks. */
    private static final String ENDLESS = "range x from 1 to 9000000000000 step 1 | extend s = strcat('row ', x)";

    @TempDir
    Path folder;

    private final KustoDatabase database = new KustoDatabase("Samples");
    private CamelContext camel;
    private ServedDatabase served;
    private KustoRestServer server;
    private StreamingClient client;

    @BeforeEach
    void start() throws Exception {
        ServedDatabase.commands(database).execute(ALL_TYPES);
        served = ServedDatabase.serve(database, ServerSettings.of(0, "Samples"));
        server = served.server();
        client = ClusterQuerySource.streamingClient(new ConnectionStringBuilder("Data Source=" + server.uri()));
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
        served.close();
    }

    private ClusterQuerySource cluster() {
        return new ClusterQuerySource(client, "Samples", server.uri().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "tsv", "json", "parquet", "compressed csv", "compressed parquet"})
    void everyTypeExportsAsTheEmbeddedEngineExportsItByteForByte(String format) throws Exception {
        String command = ".export " + (format.startsWith("compressed ") ? "compressed to " + format.substring(11)
                : "to " + format) + " (@'%%s') with (namePrefix='all', distribution=single%s) <| AllTypes"
                .formatted(format.endsWith("sv") ? ", includeHeaders=all" : "");

        Path embedded = onlyArtifact(new SourceExports(camel, new EmbeddedQuerySource(database, Runnable::run))
                .export(command.formatted(folder.resolve("embedded"))));
        Path clientSide = onlyArtifact(new SourceExports(camel, cluster())
                .export(command.formatted(folder.resolve("cluster"))));

        assertThat(Files.size(clientSide)).isPositive();
        assertThat(Files.readAllBytes(clientSide)).as(format).isEqualTo(Files.readAllBytes(embedded));
    }

    @Test
    void avroRecordsAreTheEmbeddedEnginesRecords() throws Exception {
    
        // an avro file's sync marker is random: its records are compared, as Apache Avro reads them
        String command = ".export to avro (@'%s') with (distribution=single) <| AllTypes";
        Path embedded = onlyArtifact(new SourceExports(camel, new EmbeddedQuerySource(database, Runnable::run))
                .export(command.formatted(folder.resolve("embedded"))));
        Path clientSide = onlyArtifact(new SourceExports(camel, cluster())
                .export(command.formatted(folder.resolve("cluster"))));

        assertThat(avroRecords(clientSide)).isEqualTo(avroRecords(embedded)).hasSize(5);
    }

    private static List<String> avroRecords(Path file) throws Exception {
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
            List<String> records = new java.util.ArrayList<>();
            reader.forEach(r -> records.add(r.toString()));
            return records;
        }
    }

    @Test
    void duckDbReadsEveryTypeOfAClientSideParquetExport() throws Exception {
        Path file = onlyArtifact(new SourceExports(camel, cluster()).export(".export to parquet (@'" + folder
                + "') <| AllTypes | where isnotnull(b) | order by i asc"));

        List<List<Object>> rows = DuckDb.query("SELECT b, i, l, isnan(r), d, s, ts, g::VARCHAR, dyn FROM read_parquet('"
                + file + "') ORDER BY i");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).subList(0, 3)).containsExactly(true, -2147483648, 0L);
        assertThat(rows.get(1).subList(0, 4)).containsExactly(false, -7, -1L, true);
        assertThat(rows.get(1).get(8)).isEqualTo("[\"u\",1.25,true]");
        assertThat(rows.get(2).get(5)).isEqualTo("héllo, \"world\"\n\tend ☃ 😀");
        assertThat(rows.get(3).get(7)).isEqualTo("ffffffff-ffff-ffff-ffff-ffffffffffff");
    }

    @Test
    void aQueryTheClusterRefusesFailsBeforeAnythingIsWritten() {
        SourceExports exports = new SourceExports(camel, cluster());

        assertThatThrownBy(() -> exports.export(".export to csv (@'" + folder + "') <| AllTypes | where nope > 1"))
                .isInstanceOf(KustoException.class)
                .hasMessageContaining("refused the query (General_BadRequest)")
                .hasMessageContaining("nope");
        assertThat(folder.toFile().list()).isEmpty();
    }

    @Test
    @Timeout(120)
    void aConnectionDroppedMidStreamFailsTheExportWithNothingCommitted() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(server.port())) {
            StreamingClient proxied = ClusterQuerySource.streamingClient(
                    new ConnectionStringBuilder("Data Source=http://127.0.0.1:" + proxy.port()));
            SourceExports exports = new SourceExports(camel, new ClusterQuerySource(proxied, "Samples", "the proxy"));
            CompletableFuture<ResultTable> export = CompletableFuture.supplyAsync(() -> exports.export(
                    ".export to csv (@'" + folder + "') with (sizeLimit=4000000000) <| " + ENDLESS));

            waitForRowsOnDisk();
            proxy.fault(FaultProxy.Fault.DROP);

            assertThatThrownBy(() -> export.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(KustoException.class)
                    .hasMessageContaining("broke off after");
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.toList()).as("nothing committed, nothing left behind").isEmpty();
            }
        }
    }

    /** Until the export's (uncommitted) artifact holds some rows: the rows are streaming. */
    private void waitForRowsOnDisk() throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < until) {
            try (Stream<Path> files = Files.walk(folder)) {
                if (files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum() > 1_000_000) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no rows reached " + folder);
    }

    private static Path onlyArtifact(ResultTable artifacts) {
        assertThat(artifacts.rows()).hasSize(1);
        return Path.of((String) artifacts.rows().get(0).get(0));
    }
}

package io.github.camelkusto.export.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.github.camelkusto.export.KustoExportComponent;
import io.github.camelkusto.export.KustoExportConstants;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.testkit.Azurite;
import io.github.camelkusto.testkit.AzuriteExtension;
import io.github.camelkusto.testkit.BlobArtifacts;
import io.github.camelkusto.testkit.DuckDb;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A route with a clusterUri pushes its exports down to the cluster, which writes the artifacts itself: here the
 * cluster is the embedded engine behind our Kusto REST server (its .export run by its own exporter), reached with
 * Microsoft's kusto-data client; the artifacts land in Azurite and DuckDB reads them back.
 */
@ExtendWith(AzuriteExtension.class)
class PushdownExportTest {
    /** A table only the cluster has: a query over it can only have run there. */
    private static final String CLUSTER_TABLE = ".set-or-append Numbers <| range x from 1 to 1000 step 1"
            + " | extend s = strcat('row ', x)";

    private final Azurite azurite;
    private LocalCluster cluster;
    private CamelContext client;
    private ProducerTemplate template;
    private String container;

    @TempDir
    Path downloads;

    PushdownExportTest(Azurite azurite) {
        this.azurite = azurite;
    }

    @BeforeEach
    void start() throws Exception {
        cluster = LocalCluster.start();
        client = new DefaultCamelContext();
        client.start();
        template = client.createProducerTemplate();
        container = azurite.newContainer("pushdown");
        send(CLUSTER_TABLE);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        cluster.close();
    }

    private String endpoint(String format, String options) {
        return "kusto-export:" + format + "?clusterUri=" + cluster.uri() + "&clusterDatabase=" + LocalCluster.DATABASE
                + options;
    }

    private ResultTable send(String command) {
        return template.requestBody(endpoint("csv", ""), command, ResultTable.class);
    }

    private String blobConnection() {
        return azurite.kustoConnectionString(container);
    }

    private List<List<Object>> readBack(String blob, String reader) throws Exception {
        Path local = downloads.resolve(blob.replace('/', '_'));
        Files.write(local, BlobArtifacts.download(azurite.blobServiceClient(), container, blob));
        return DuckDb.query("SELECT count(*), sum(x), min(s) FROM " + reader.replace("FILE", local.toString()));
    }

    @Test
    void aSyncExportIsPushedDownAndItsResultTableIsTheClusters() throws Exception {
        Exchange exchange = template.request(endpoint("csv", ""), e -> e.getMessage().setBody(
                ".export to csv (h'" + blobConnection() + "') with (includeHeaders='all', namePrefix='pushed')"
                        + " <| Numbers | where x > 500"));

        ResultTable result = exchange.getMessage().getBody(ResultTable.class);
        assertThat(result.schema().names()).containsExactly("Path", "NumRecords", "SizeInBytes");
        assertThat(result.rowCount()).isEqualTo(1);
        assertThat(result.value(0, "NumRecords")).isEqualTo(500L);
        assertThat(exchange.getMessage().getHeader(KustoExportConstants.RECORD_COUNT)).isEqualTo(500L);
        List<String> blobs = BlobArtifacts.list(azurite.blobServiceClient(), container);
        assertThat(blobs).singleElement().satisfies(b -> assertThat(b).startsWith("pushed_"));
        assertThat(readBack(blobs.get(0), "read_csv('FILE', header=true)"))
                .containsExactly(List.of(500L, java.math.BigInteger.valueOf(375250), "row 1000"));
    }

    @Test
    void aBareQueryIsPushedDownAsTheExportItsEndpointOptionsMake() throws Exception {
        String endpoint = endpoint("json", "&namePrefix=bare/run&storage=RAW(" + blobConnection() + ")");

        ResultTable result = template.requestBody(endpoint, "Numbers | where x <= 10", ResultTable.class);

        assertThat(result.value(0, "NumRecords")).isEqualTo(10L);
        List<String> blobs = BlobArtifacts.list(azurite.blobServiceClient(), container);
        assertThat(blobs).singleElement().satisfies(b -> assertThat(b).matches("bare/run_1_[0-9a-f]{32}\\.json"));
        assertThat(readBack(blobs.get(0), "read_json('FILE', format='newline_delimited')"))
                .containsExactly(List.of(10L, java.math.BigInteger.valueOf(55), "row 1"));
    }

    @Test
    void parquetOnlyOptionsOfAJsonEndpointStayOutOfItsPushedDownExport() throws Exception {
        String endpoint = endpoint("json", "&namePrefix=json&useNativeParquetWriter=false&parquetRowGroupSize=5"
                + "&storage=RAW(" + blobConnection() + ")");

        ResultTable result = template.requestBody(endpoint, "Numbers | where x <= 10", ResultTable.class);

        assertThat(result.value(0, "NumRecords")).isEqualTo(10L);
        assertThat(BlobArtifacts.list(azurite.blobServiceClient(), container)).singleElement()
                .satisfies(b -> assertThat(b).endsWith(".json"));
    }

    /** The README's YAML route, its secret a plain option value with its ';', run by Camel's YAML loader. */
    @Test
    void theReadmesYamlRoutePushesDownABareQuery() throws Exception {
        String yaml = """
                - route:
                    from:
                      uri: direct:daily
                      steps:
                        - setBody:
                            constant: "Numbers | where x <= 20"
                        - to:
                            uri: kusto-export:csv
                            parameters:
                              clusterUri: %s
                              clusterDatabase: %s
                              storage: "%s"
                              namePrefix: events/daily
                              compressed: true
                """.formatted(cluster.uri(), LocalCluster.DATABASE, blobConnection());
        PluginHelper.getRoutesLoader(client).loadRoutes(ResourceHelper.fromString("daily.yaml", yaml));

        ResultTable result = template.requestBody("direct:daily", null, ResultTable.class);

        assertThat(result.value(0, "NumRecords")).isEqualTo(20L);
        String blob = BlobArtifacts.list(azurite.blobServiceClient(), container).get(0);
        assertThat(blob).matches("events/daily_1_[0-9a-f]{32}\\.csv\\.gz");
        assertThat(readBack(blob, "read_csv('FILE', header=false, names=['x','s'], compression='gzip')"))
                .containsExactly(List.of(20L, java.math.BigInteger.valueOf(210), "row 1"));
    }

    @Test
    void anAsyncPushdownIsTrackedWithShowOperationsThroughTheCluster() throws Exception {
        Exchange exchange = template.request(endpoint("csv", ""), e -> e.getMessage().setBody(
                ".export async to csv (h'" + blobConnection() + "') with (namePrefix='async') <| Numbers"));

        UUID id = exchange.getMessage().getHeader(KustoExportConstants.OPERATION_ID, UUID.class);
        assertThat(exchange.getMessage().getBody(ResultTable.class).value(0, "OperationId")).isEqualTo(id);
        assertThat(awaitEnd(id)).isEqualTo("Completed");
        ResultTable details = send(".show operation " + id + " details");
        assertThat(details.value(0, "NumRecords")).isEqualTo(1000L);
        String blob = BlobArtifacts.list(azurite.blobServiceClient(), container).get(0);
        assertThat((String) details.value(0, "Path")).endsWith("/" + blob);
        assertThat(readBack(blob, "read_csv('FILE', header=false, names=['x','s'])"))
                .containsExactly(List.of(1000L, java.math.BigInteger.valueOf(500500), "row 1"));
    }

    @Test
    void cancelOperationGoesToTheClusterAndLeavesOnlyWholeArtifacts() throws Exception {
        UUID id = (UUID) send(".export async to csv (h'" + blobConnection() + "') with (sizeLimit=1000000)"
                + " <| range x from 1 to 200000000 step 1 | extend s = strcat('row ', x)").value(0, "OperationId");
        awaitState(id, "InProgress");

        ResultTable canceled = send(".cancel operation " + id + " with (reason='enough')");

        assertThat(canceled.toString()).contains(id.toString());
        assertThat(awaitEnd(id)).isEqualTo("Canceled");
        List<String> committed = send(".show operation " + id + " details").rows().stream()
                .map(row -> ((String) row.get(0)).replaceAll(".*/", "")).toList();
        assertThat(BlobArtifacts.list(azurite.blobServiceClient(), container))
                .containsExactlyInAnyOrderElementsOf(committed);
    }

    @Test
    void theCompletionUriFiresWhenTheClusterOperationEnds() throws Exception {
        MockEndpoint done = client.getEndpoint("mock:done", MockEndpoint.class);
        done.expectedMessageCount(1);
        String endpoint = endpoint("csv", "&completionUri=mock:done&clusterPollInterval=100ms");

        UUID id = template.request(endpoint, e -> e.getMessage().setBody(".export async to csv (h'" + blobConnection()
                + "') <| Numbers | take 7")).getMessage().getHeader(KustoExportConstants.OPERATION_ID, UUID.class);

        done.assertIsSatisfied(Duration.ofSeconds(60).toMillis());
        Exchange completion = done.getExchanges().get(0);
        assertThat(completion.getMessage().getHeader(KustoExportConstants.OPERATION_ID)).isEqualTo(id);
        assertThat(completion.getMessage().getHeader(KustoExportConstants.OPERATION_STATE)).isEqualTo("Completed");
        ResultTable details = completion.getMessage().getBody(ResultTable.class);
        assertThat(details.value(0, "NumRecords")).isEqualTo(7L);
    }

    @Test
    void aClusterErrorCarriesAdxCodeAndMessageWithTheSecretsMasked() {
        String command = ".export to csv (h'" + blobConnection() + "') <| NoSuchTable | take 1";

        assertThatThrownBy(() -> send(command)).isInstanceOf(CamelExecutionException.class).cause()
                .isInstanceOfSatisfying(ClusterException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("General_BadRequest");
                    assertThat(e.httpStatus()).contains(400);
                    assertThat(e.getMessage()).contains(cluster.uri().toString()).contains("NoSuchTable")
                            .doesNotContain(azurite.accountKey());
                });
        assertThat(BlobArtifacts.list(azurite.blobServiceClient(), container)).isEmpty();
    }

    @Test
    void showTablesAndTableCommandsRunOnTheCluster() {
        send(".create table Events (At:datetime, Name:string)");

        assertThat(cluster.database().tableNames()).contains("Events", "Numbers");
        ResultTable tables = send(".show tables");
        assertThat(tables.rows().stream().map(row -> row.get(0)).toList()).contains("Events", "Numbers");
        KustoExportComponent local = client.getComponent("kusto-export", KustoExportComponent.class);
        assertThat(local.getDatabase().tableNames()).isEmpty();
    }

    @Test
    void autoExportsToALocalFolderClientSide(@TempDir Path folder) throws Exception {
        ResultTable result = send(".export to csv ('" + folder.toUri() + "') <| Numbers | where x <= 300");

        long records = result.rows().stream().mapToLong(row -> ((Number) row.get(1)).longValue()).sum();
        assertThat(records).as("the cluster's rows, streamed back and written here").isEqualTo(300);
        try (var files = java.nio.file.Files.list(folder)) {
            long lines = 0;
            for (Path file : files.toList()) {
                lines += java.nio.file.Files.readAllLines(file).size();
            }
            assertThat(lines).isEqualTo(300);
        }
    }

    private String awaitEnd(UUID id) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String state;
        do {
            Thread.sleep(50);
            state = (String) send(".show operations " + id).value(0, "State");
        } while ((state.equals("InProgress") || state.equals("Scheduled")) && System.nanoTime() < until);
        return state;
    }

    private void awaitState(UUID id, String expected) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!expected.equals(send(".show operations " + id).value(0, "State")) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
    }
}

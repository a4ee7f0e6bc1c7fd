package io.github.camelkusto.export.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.github.camelkusto.export.KustoExportConstants;
import io.github.camelkusto.kql.data.ResultTable;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With a clusterUri, the external table, {@code .export to table} and continuous export commands go to the
 * cluster as written (ADX keeps and runs them): here the cluster is the embedded engine behind our Kusto REST
 * server, reached with Microsoft's kusto-data client, and the client's own embedded database stays untouched.
 */
class ClusterLakeCommandsTest {
    private static final String EVENTS = ".create external table Events (x:long, s:string) kind=storage"
            + " partition by (Bucket:long = hash(x, 4)) dataformat=csv ('%s')";

    @TempDir
    Path lake;

    private LocalCluster cluster;
    private CamelContext client;
    private ProducerTemplate template;

    @BeforeEach
    void start() throws Exception {
        cluster = LocalCluster.start();
        client = new DefaultCamelContext();
        client.start();
        template = client.createProducerTemplate();
        send(".set-or-append Numbers <| range x from 1 to 1000 step 1 | extend s = strcat('row ', x)");
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        cluster.close();
    }

    private String clusterEndpoint() {
        return "kusto-export:csv?clusterUri=" + cluster.uri() + "&clusterDatabase=" + LocalCluster.DATABASE;
    }

    private ResultTable send(String command) {
        return template.requestBody(clusterEndpoint(), command, ResultTable.class);
    }

    /** The same command run by the client's embedded database, with no cluster. */
    private ResultTable local(String command) {
        return template.requestBody("kusto-export:csv", command, ResultTable.class);
    }

    private long filesIn(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static long records(ResultTable artifacts) {
        return artifacts.toMaps().stream().mapToLong(a -> ((Number) a.get("NumRecords")).longValue()).sum();
    }

    @Test
    void externalTableCommandsAndExportsToATableRunOnTheCluster() throws Exception {
        send(String.format(EVENTS, lake));
        send(".alter external table Events (x:long, s:string) kind=storage partition by (Bucket:long = hash(x, 4))"
                + " dataformat=csv ('" + lake + "') with (docString='numbers by bucket')");

        assertThat(send(".show external tables").toMaps()).singleElement()
                .satisfies(t -> assertThat(t).containsEntry("TableName", "Events")
                        .containsEntry("DocString", "numbers by bucket"));
        assertThat(send(".show external table Events schema").value(0, "Schema").toString()).contains("\"x\"");
        assertThat(local(".show external tables").rowCount()).as("nothing defined in the client").isZero();

        ResultTable artifacts = send(".export to table Events <| Numbers | where x <= 400");

        assertThat(records(artifacts)).isEqualTo(400);
        assertThat(artifacts.toMaps()).allSatisfy(a -> assertThat(a.get("Path").toString()).contains("/Bucket="));
        assertThat(filesIn(lake)).isEqualTo(artifacts.rowCount()).isGreaterThanOrEqualTo(4);
        send(".drop external table Events");
        assertThat(send(".show external tables").rowCount()).isZero();
    }

    @Test
    void anAsyncExportToATableAnswersTheClustersOperationId() throws Exception {
        send(String.format(EVENTS, lake));

        Exchange done = template.request(clusterEndpoint(),
                e -> e.getMessage().setBody(".export async to table Events <| Numbers"));

        UUID id = done.getMessage().getHeader(KustoExportConstants.OPERATION_ID, UUID.class);
        assertThat(id).isEqualTo(done.getMessage().getBody(ResultTable.class).value(0, "OperationId"));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!"Completed".equals(send(".show operations " + id).value(0, "State"))) {
            assertThat(System.nanoTime()).as("the cluster completes it").isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(records(send(".show operation " + id + " details"))).isEqualTo(1000);
    }

    @Test
    void continuousExportCommandsRunOnTheCluster() throws Exception {
        send(String.format(EVENTS, lake));

        send(".create-or-alter continuous-export ToLake over (Numbers) to table Events"
                + " with (intervalBetweenRuns = 1h, forcedLatency = 1m) <| Numbers");

        assertThat(send(".show continuous-exports").toMaps()).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("Name", "ToLake").containsEntry("ExternalTableName",
                        "Events"));
        assertThat(local(".show continuous-exports").rowCount()).as("nothing defined in the client").isZero();
        send(".disable continuous-export ToLake");
        assertThat(send(".show continuous-export ToLake").value(0, "IsDisabled")).isEqualTo(true);
        send(".enable continuous-export ToLake");
        assertThat(send(".show continuous-export ToLake").value(0, "IsDisabled")).isEqualTo(false);
        assertThat(send(".show continuous-export ToLake failures").rowCount()).isZero();
        assertThat(send(".show continuous-export ToLake exported-artifacts").rowCount()).isZero();
        send(".drop continuous-export ToLake");
        assertThat(send(".show continuous-exports").rowCount()).isZero();
        assertThat(filesIn(lake)).isZero();
    }

    @Test
    void anEndpointRunningAContinuousExportCannotHaveAClusterUri() {
        assertThatThrownBy(() -> template.requestBody(clusterEndpoint() + "&continuousExport=ToLake", ""))
                .rootCause().hasMessageStartingWith("continuousExport=ToLake runs a continuous export of the"
                        + " embedded database, not of the cluster at clusterUri");
    }

    @Test
    void aMalformedExternalTableCommandNeverReachesTheCluster() {
        assertThatThrownBy(() -> send(".create external table Events (x:long) kind=storage dataformat=xml ('"
                + lake + "')")).rootCause().hasMessageContaining("xml");
        assertThat(send(".show external tables").rowCount()).isZero();
        assertThat(List.of(lake.toFile().list())).isEmpty();
    }
}

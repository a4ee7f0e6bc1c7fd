package io.github.camelkusto.export.cluster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.testkit.Azurite;
import io.github.camelkusto.testkit.AzuriteExtension;
import io.github.camelkusto.testkit.BlobArtifacts;
import io.github.camelkusto.testkit.FaultProxy;
import io.github.camelkusto.testkit.FaultProxy.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cluster misbehaving between the route and it (a fault proxy in front of the local cluster): a 503 is retried
 * (the cluster did not run the command), a dropped connection fails an export at once (it may have run: sending it
 * again could export twice) but is retried for a .show command, a slow answer fails when the export's timeout is
 * up. In every case storage holds whole artifacts of one run, or nothing.
 */
@ExtendWith(AzuriteExtension.class)
class ClusterFaultsTest {
    private static final String RETRIES = "&clusterRetryAttempts=6&clusterRetryInitialBackoff=200ms";

    private final Azurite azurite;
    private LocalCluster cluster;
    private FaultProxy proxy;
    private CamelContext client;
    private ProducerTemplate template;
    private String container;

    ClusterFaultsTest(Azurite azurite) {
        this.azurite = azurite;
    }

    @BeforeEach
    void start() throws Exception {
        cluster = LocalCluster.start();
        proxy = FaultProxy.start(cluster.port());
        client = new DefaultCamelContext();
        client.start();
        template = client.createProducerTemplate();
        container = azurite.newContainer("faults");
        send(".set-or-append Numbers <| range x from 1 to 1000 step 1", ""); // also: the client knows the cluster
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        proxy.close();
        cluster.close();
    }

    private ResultTable send(String command, String options) {
        return template.requestBody("kusto-export:csv?clusterUri=" + proxy.proxied(cluster.uri().toString())
                + "&clusterDatabase=" + LocalCluster.DATABASE + options, command, ResultTable.class);
    }

    private String export() {
        return ".export to csv (h'" + azurite.kustoConnectionString(container) + "') <| Numbers";
    }

    private List<String> blobs() {
        return BlobArtifacts.list(azurite.blobServiceClient(), container);
    }

    @Test
    void anExportAnswered503IsRetriedUntilTheClusterTakesIt() {
        proxy.unavailableFor(2);
        int before = proxy.acceptedConnections();

        ResultTable result = send(export(), RETRIES);

        assertThat(result.value(0, "NumRecords")).isEqualTo(1000L);
        assertThat(proxy.acceptedConnections() - before).isEqualTo(3); // two 503s, then the export
        assertThat(blobs()).hasSize(1); // exported once
    }

    @Test
    void a503ThatLastsFailsAfterTheRetriesWritingNothing() {
        proxy.fault(Fault.UNAVAILABLE);

        assertThatThrownBy(() -> send(export(), "&clusterRetryAttempts=3&clusterRetryInitialBackoff=50ms"))
                .isInstanceOf(CamelExecutionException.class).cause()
                .isInstanceOfSatisfying(ClusterException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("HttpStatus503");
                    assertThat(e.getMessage()).contains("HTTP 503").doesNotContain(azurite.accountKey());
                });
        assertThat(blobs()).isEmpty();
    }

    @Test
    void anExportWhoseConnectionIsDroppedFailsAtOnceAndIsNotSentTwice() {
        proxy.fault(Fault.DROP);
        int before = proxy.acceptedConnections();

        assertThatThrownBy(() -> send(export(), RETRIES)).cause()
                .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.errorCode())
                        .isEqualTo("ConnectionFailed"));
        assertThat(proxy.acceptedConnections() - before).isEqualTo(1);
        assertThat(blobs()).isEmpty();
    }

    @Test
    void aShowCommandRidesOutADroppedConnection() throws Exception {
        proxy.fault(Fault.DROP);
        CompletableFuture<ResultTable> tables = CompletableFuture.supplyAsync(() -> send(".show tables", RETRIES));
        Thread.sleep(500);
        proxy.fault(Fault.NONE);

        assertThat(tables.get(60, TimeUnit.SECONDS).rows().get(0).get(0)).isEqualTo("Numbers");
    }

    @Test
    void aSlowClusterFailsTheExportWhenItsTimeoutIsUp() throws Exception {
        proxy.delay(Duration.ofSeconds(5));
        proxy.fault(Fault.DELAY);

        assertThatThrownBy(() -> send(export(), RETRIES + "&exportTimeout=1s")).cause()
                .isInstanceOfSatisfying(ClusterException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("Timeout");
                    assertThat(e.getMessage()).contains("did not answer within");
                });
        proxy.fault(Fault.NONE); // the held request is dropped, never delivered
        Thread.sleep(5_500);
        assertThat(blobs()).isEmpty();
    }

    @Test
    void aSlowClusterWithinTheTimeoutOnlyTakesLonger() {
        proxy.delay(Duration.ofMillis(1500));
        proxy.fault(Fault.DELAY);

        ResultTable result = send(export(), "&exportTimeout=30s");

        assertThat(result.value(0, "NumRecords")).isEqualTo(1000L);
        assertThat(blobs()).hasSize(1);
    }
}

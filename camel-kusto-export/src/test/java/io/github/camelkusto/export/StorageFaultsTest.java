package io.github.camelkusto.export;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.camelkusto.kql.KustoTimeoutException;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.testkit.Azurite;
import io.github.camelkusto.testkit.AzuriteExtension;
import io.github.camelkusto.testkit.BlobArtifacts;
import io.github.camelkusto.testkit.FaultProxy;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Storage that misbehaves, through a fault proxy in front of Azurite: an endpoint that accepts connections and
 * never answers fails the export within its exportTimeout, naming the target (its key masked); connections
 * dropped for a while are retried, each retry logged at WARN, and the export completes.
 */
@ExtendWith(AzuriteExtension.class)
class StorageFaultsTest {
    private static final int ROWS_PER_EXTENT = 10_000;
    /** How much later than its deadline a timed-out export may end (a loaded CI machine). */
    private static final Duration SLACK = Duration.ofSeconds(5);

    private final Azurite azurite;
    private FaultProxy proxy;
    private CamelContext context;
    private String container;

    StorageFaultsTest(Azurite azurite) {
        this.azurite = azurite;
    }

    @BeforeEach
    void startProxy() throws Exception {
        proxy = FaultProxy.start(azurite.port());
        container = azurite.newContainer("faults");
    }

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.stop();
        }
        proxy.close();
    }

    private OperationsClient start(KustoExportComponent component, int extents) throws Exception {
        context = new DefaultCamelContext();
        KustoDatabase database = new KustoDatabase("faults");
        OperationsClient.addBigTable(database, "Big", extents, ROWS_PER_EXTENT);
        component.setDatabase(database);
        return OperationsClient.startWith(context, component);
    }

    private static KustoExportComponent withTimeout(Duration exportTimeout) {
        KustoExportComponent component = new KustoExportComponent();
        component.getConfiguration().setExportTimeout(exportTimeout);
        return component;
    }

    /** The connection string of the test's container, through the proxy. */
    private String storage() {
        return proxy.proxied(azurite.kustoConnectionString(container));
    }

    @Test
    void aStalledContainerCheckFailsTheExportWithinItsTimeoutNamingTheTarget() throws Exception {
        OperationsClient client = start(withTimeout(Duration.ofSeconds(2)), 1);
        proxy.fault(FaultProxy.Fault.STALL);

        long start = System.nanoTime();
        assertThatThrownBy(() -> client.run(".export to csv (h'" + storage() + "') <| Big | take 1000"))
                .cause().isInstanceOf(KustoTimeoutException.class)
                .hasMessageContaining("timed out after 2s (exportTimeout) while checking the container of "
                        + proxy.proxied(azurite.blobEndpoint()) + "/" + container)
                .hasMessageContaining("raise exportTimeout")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(azurite.accountKey()));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2).plus(SLACK));
        assertThat(proxy.acceptedConnections()).isPositive();
    }

    @Test
    void aStorageEndpointThatStallsMidExportFailsItWithinItsTimeoutNamingTheBlob() throws Exception {
        OperationsClient client = start(withTimeout(Duration.ofSeconds(4)), 300);
        UUID id = client.startAsync(".export async compressed to csv (h'" + storage() + "') <| Big");
        client.awaitProgress(id, 1, 1);

        proxy.fault(FaultProxy.Fault.STALL);
        Map<String, Object> failed = client.awaitState(id, "Failed");

        String status = (String) failed.get("Status");
        assertThat(status).containsPattern("export timed out after 4s \\(exportTimeout\\) while (stageBlockBlobList|"
                + "commitBlobBlockList) of " + proxy.proxied(azurite.blobEndpoint()) + "/" + container + "/")
                .contains("listed by .show operation " + id + " details")
                .doesNotContain(azurite.accountKey());
        assertThat((Duration) failed.get("Duration")).isLessThan(Duration.ofSeconds(4).plus(SLACK));
        ResultTable details = client.run(".show operation " + id + " details");
        // Every artifact listed is in storage; one more may be too: a commit that reached storage just before the
        // stall and whose answer never came back.
        List<String> blobs = BlobArtifacts.list(azurite.blobServiceClient(), container).stream()
                .map(b -> proxy.proxied(azurite.blobEndpoint()) + "/" + container + "/" + b).toList();
        assertThat(blobs).containsAll(details.rows().stream().map(r -> (String) r.get(0)).toList());
    }

    @Test
    void droppedConnectionsAreRetriedWithAWarningEachAndTheExportCompletes() throws Exception {
        KustoExportComponent component = new KustoExportComponent();
        // The default policy at a twentieth of its pace: 9 attempts from 50 ms ride out at least 6.3 s.
        component.setStorageRetryInitialBackoff(50);
        component.setBlockSize(64 * 1024);
        int extents = 30;
        OperationsClient client = start(component, extents);
        try (LogCapture logs = LogCapture.install()) {
            UUID id = client.startAsync(".export async to csv (h'" + storage() + "') <| Big");
            client.awaitProgress(id, 0, 1);

            proxy.fault(FaultProxy.Fault.DROP);
            Thread.sleep(2_000); // an outage of 2 s: every request in it fails and is retried
            assertThat(client.state(id)).isEqualTo("InProgress");
            proxy.fault(FaultProxy.Fault.NONE);

            client.awaitState(id, "Completed");
            ResultTable details = client.run(".show operation " + id + " details");
            assertThat(details.rowCount()).isEqualTo(extents);
            assertThat(details.rows().stream().mapToLong(r -> (Long) r.get(1)).sum())
                    .isEqualTo((long) extents * ROWS_PER_EXTENT);

            List<String> retries = logs.events().stream()
                    .filter(line -> line.startsWith("io.github.camelkusto.export.storage.BlobTarget: ")
                            && line.contains("storageRetryAttempts"))
                    .toList();
            assertThat(retries).isNotEmpty().allSatisfy(line -> assertThat(line)
                    .matches("(?s).*: (stageBlockBlobList|commitBlobBlockList) of "
                            + java.util.regex.Pattern.quote(proxy.proxied(azurite.blobEndpoint()) + "/" + container)
                            + "/\\S+ failed \\(attempt \\d of 9, storageRetryAttempts\\): \\S.*; retrying in \\d+ ms")
                    .doesNotContain(azurite.accountKey()));
        }
    }
}

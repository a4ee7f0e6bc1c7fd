package io.github.camelkusto.export;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.testkit.Azurite;
import io.github.camelkusto.testkit.BlobArtifacts;
import io.github.camelkusto.testkit.Gzip;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A storage outage in the middle of an export, on an Azurite of its own that is stopped and restarted on the
 * same port: an outage longer than the retries fails the export cleanly, a shorter one is ridden out.
 */
class StorageOutageTest {
    private static final int ROWS_PER_EXTENT = 10_000;
    private static Azurite azurite;

    private String container;
    private CamelContext context;

    @BeforeAll
    static void startAzurite() throws Exception {
        azurite = Azurite.start();
    }

    @AfterAll
    static void stopAzurite() throws Exception {
        azurite.close();
    }

    @BeforeEach
    void newContainer() {
        container = azurite.newContainer("outage");
    }

    @AfterEach
    void stopContext() throws Exception {
        if (context != null) {
            context.stop();
        }
    }

    private OperationsClient start(int blockSize, int retryAttempts, long initialBackoffMs, int extents)
            throws Exception {
        KustoExportComponent component = new KustoExportComponent();
        component.setStorageRetryAttempts(retryAttempts);
        component.setStorageRetryInitialBackoff(initialBackoffMs);
        return start(component, blockSize, extents);
    }

    private OperationsClient start(KustoExportComponent component, int blockSize, int extents) throws Exception {
        context = new DefaultCamelContext();
        component.setBlockSize(blockSize);
        KustoDatabase database = new KustoDatabase("outage");
        OperationsClient.addBigTable(database, "Big", extents, ROWS_PER_EXTENT);
        component.setDatabase(database);
        return OperationsClient.startWith(context, component);
    }

    private String export() {
        return ".export async compressed to csv (h'" + azurite.kustoConnectionString(container) + "') <| Big";
    }

    /** Every committed blob is whole, valid gzip, with as many records as the details say; returns the total. */
    private long verifyArtifacts(ResultTable details) throws IOException, InterruptedException {
        List<String> blobs = BlobArtifacts.list(azurite.blobServiceClient(), container);
        assertThat(details.rows()).extracting(r -> r.get(0)).containsExactlyInAnyOrderElementsOf(
                blobs.stream().map(b -> azurite.blobEndpoint() + "/" + container + "/" + b).toList());
        long total = 0;
        for (int i = 0; i < blobs.size(); i++) {
            byte[] stored = BlobArtifacts.download(azurite.blobServiceClient(), container, blobs.get(i));
            assertThat((long) stored.length).isEqualTo(details.value(i, "SizeInBytes"));
            Path file = BlobArtifacts.downloadToTempFile(azurite.blobServiceClient(), container, blobs.get(i));
            assertThat(Gzip.isValid(file)).as("gzip -t " + blobs.get(i)).isTrue();
            long records = 0;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(new ByteArrayInputStream(stored)), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    assertThat(line).matches("\\d+,x{90}");
                    records++;
                }
            }
            assertThat(records).isEqualTo(details.value(i, "NumRecords"));
            total += records;
        }
        return total;
    }

    @Test
    void anOutageLongerThanTheRetriesFailsTheExportListingOnlyWholeCommittedArtifacts() throws Exception {
        OperationsClient client = start(64 * 1024, 3, 50, 300);
        UUID id = client.startAsync(export());
        client.awaitProgress(id, 1, 1);

        azurite.stop();
        Map<String, Object> failed;
        try {
            failed = client.awaitState(id, "Failed");
        } finally {
            azurite.restart();
        }

        assertThat((String) failed.get("Status")).contains("failed after 3 attempts")
                .contains("committed artifact(s) remain in storage, listed by .show operation " + id + " details")
                .doesNotContain(azurite.accountKey());
        assertThat(failed.get("ShouldRetry")).isEqualTo(true);
        ResultTable details = client.run(".show operation " + id + " details");
        assertThat(details.rowCount()).isGreaterThanOrEqualTo(1);
        verifyArtifacts(details);
    }

    @Test
    void anOutageWithinTheRetryWindowIsRiddenOutAndEveryArtifactIsWhole() throws Exception {
        int extents = 60;
        // Small blocks, so that the export talks to storage all the time, even compressed.
        OperationsClient client = start(4096, 20, 100, extents);
        UUID id = client.startAsync(export());
        client.awaitProgress(id, 0, 1);

        azurite.stop();
        assertThat(client.state(id)).isEqualTo("InProgress");
        azurite.restart();

        client.awaitState(id, "Completed");
        ResultTable details = client.run(".show operation " + id + " details");
        assertThat(details.rowCount()).isEqualTo(extents); // per_shard: an artifact per extent
        assertThat(verifyArtifacts(details)).isEqualTo((long) extents * ROWS_PER_EXTENT);
    }

    /**
     * Azurite down for {@code -Doutage.seconds} (3 by default, to keep the suite fast; the default policy's window
     * is at least a minute, which {@code -Doutage.seconds=55} shows end to end).
     */
    @Test
    void anOutageIsRiddenOutWithTheDefaultRetries() throws Exception {
        int extents = 30;
        OperationsClient client = start(new KustoExportComponent(), 64 * 1024, extents);
        UUID id = client.startAsync(export());
        client.awaitProgress(id, 0, 1);

        azurite.stop();
        // the old defaults (5 attempts from 500 ms) gave up after 3.75 to 7.5 s
        Thread.sleep(Long.getLong("outage.seconds", 3) * 1_000);
        assertThat(client.state(id)).isEqualTo("InProgress");
        azurite.restart();

        client.awaitState(id, "Completed");
        ResultTable details = client.run(".show operation " + id + " details");
        assertThat(verifyArtifacts(details)).isEqualTo((long) extents * ROWS_PER_EXTENT);
    }
}

package io.github.camelkusto.export.cluster;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.camelkusto.kql.data.ResultTable;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A cluster that throttles (here: one export slot, no queue; a second async export is answered HTTP 429, as ADX
 * answers when its capacity is used up): the route retries with backoff until the cluster takes the command, or
 * fails with the Throttled code when the retries run out.
 */
class ClusterThrottlingTest {
    private static final String SLOW_EXPORT_QUERY = "range x from 1 to 200000000 step 1 | extend s = strcat('row ', x)";

    private LocalCluster cluster;
    private CamelContext client;
    private ProducerTemplate template;

    @TempDir
    Path clusterDisk;

    @BeforeEach
    void start() throws Exception {
        cluster = LocalCluster.start(component -> {
            component.setMaxConcurrentExports(1);
            component.setMaxQueuedExports(0);
        });
        client = new DefaultCamelContext();
        client.start();
        template = client.createProducerTemplate();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        cluster.close();
    }

    /** pushdown=always: the cluster writes to its own disk, a folder only it can reach. */
    private ResultTable send(String command, String options) {
        return template.requestBody("kusto-export:csv?pushdown=always&clusterUri=" + cluster.uri()
                + "&clusterDatabase=" + LocalCluster.DATABASE + options, command, ResultTable.class);
    }

    private String asyncExport(String folder, String query) {
        return ".export async to csv ('" + clusterDisk.resolve(folder).toUri() + "') <| " + query;
    }

    @Test
    void aThrottledExportIsRetriedUntilTheClusterTakesIt() throws Exception {
        UUID busy = (UUID) send(asyncExport("first", SLOW_EXPORT_QUERY), "").value(0, "OperationId");
        CompletableFuture<ResultTable> second = CompletableFuture.supplyAsync(() -> send(asyncExport("second",
                "print x=1"), "&clusterRetryAttempts=20&clusterRetryInitialBackoff=100ms"));
        Thread.sleep(700);
        assertThat(second).isNotDone(); // throttled, retrying
        send(".cancel operation " + busy, "");

        UUID taken = (UUID) second.get(60, TimeUnit.SECONDS).value(0, "OperationId");

        assertThat(taken).isNotEqualTo(busy);
        assertThat(send(".show operations " + busy, "").value(0, "State")).isEqualTo("Canceled");
    }

    @Test
    void aThrottledExportFailsWithTheThrottledCodeWhenTheRetriesRunOut() {
        send(asyncExport("first", SLOW_EXPORT_QUERY), "");

        assertThatThrownBy(() -> send(asyncExport("second", "print x=1"),
                "&clusterRetryAttempts=2&clusterRetryInitialBackoff=10ms")).cause()
                .isInstanceOfSatisfying(ClusterException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("Throttled");
                    assertThat(e.httpStatus()).contains(429);
                });
    }
}

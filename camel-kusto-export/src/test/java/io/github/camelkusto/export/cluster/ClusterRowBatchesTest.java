package io.github.camelkusto.export.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.camelkusto.export.KustoExportConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * outputType=batches with a clusterUri: the query runs on the cluster (our Kusto REST server over the embedded
 * engine, asked by Microsoft's kusto-data client) and its rows stream back into the batches, client-side.
 */
class ClusterRowBatchesTest {
    /** A table only the cluster has: batches of its rows can only have come from there. */
    private static final String CLUSTER_TABLE = ".set-or-append Events <| range x from 1 to 2500 step 1"
            + " | extend s = strcat('row ', x), at = datetime(2024-01-02) + x * 1s,"
            + " id = guid(0f8fad5b-d9cb-469f-a165-70867728950e)";

    private LocalCluster cluster;
    private CamelContext client;
    private ProducerTemplate template;
    private final List<List<Map<String, Object>>> received = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        cluster = LocalCluster.start();
        client = new DefaultCamelContext();
        String options = "clusterUri=" + cluster.uri() + "&clusterDatabase=" + LocalCluster.DATABASE;
        client.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:command").to("kusto-export:csv?" + options);
                from("direct:rows").to("kusto-export:csv?outputType=batches&batchSize=1000&" + options)
                        .split(body()).streaming()
                            .process(e -> received.add(e.getIn().getBody(List.class)))
                        .end();
            }
        });
        client.start();
        template = client.createProducerTemplate();
        template.requestBody("direct:command", CLUSTER_TABLE);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        cluster.close();
    }

    @Test
    void batchesHoldTheClustersRowsTypedInBatchSizeBatches() {
        Exchange done = template.request("direct:rows", e -> e.getIn().setBody("Events | order by x asc"));

        assertThat(done.getException()).isNull();
        assertThat(received).extracting(List::size).containsExactly(1000, 1000, 500);
        long x = 1;
        for (List<Map<String, Object>> batch : received) {
            for (Map<String, Object> row : batch) {
                assertThat(row.keySet()).containsExactly("x", "s", "at", "id");
                assertThat(row.get("x")).isEqualTo(x);
                assertThat(row.get("s")).isEqualTo("row " + x);
                assertThat(row.get("at")).isEqualTo(Instant.parse("2024-01-02T00:00:00Z").plusSeconds(x));
                assertThat(row.get("id")).isEqualTo(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"));
                x++;
            }
        }
        assertThat(done.getMessage().getHeader(KustoExportConstants.RECORD_COUNT)).isEqualTo(2500L);
        assertThat(done.getMessage().getHeader(KustoExportConstants.COLUMNS, Map.class)).containsExactly(
                Map.entry("x", "long"), Map.entry("s", "string"), Map.entry("at", "datetime"),
                Map.entry("id", "guid"));
    }

    @Test
    void aQueryTheClusterRefusesFailsBeforeAnyBatch() {
        Exchange done = template.request("direct:rows", e -> e.getIn().setBody("Events | where nope > 1"));

        assertThat(done.getException()).hasMessageContaining("refused the query").hasMessageContaining("nope");
        assertThat(received).isEmpty();
    }
}

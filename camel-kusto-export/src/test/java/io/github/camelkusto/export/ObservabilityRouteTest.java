package io.github.camelkusto.export;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.testkit.Azurite;
import io.github.camelkusto.testkit.AzuriteExtension;
import io.github.camelkusto.testkit.FaultProxy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.health.ProducersHealthCheckRepository;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sees of a kusto-export route, against Azurite behind a fault proxy: the producer health check
 * (storage reachable with its credential), the Micrometer metrics of each export, the INFO lines at its start and
 * end, and the dev console's operations; never the account key.
 */
@ExtendWith(AzuriteExtension.class)
class ObservabilityRouteTest {
    private static final String ROWS = "datatable(N:long, Name:string)[1, 'one', 2, 'two', 3, 'three']";
    private static final String ROUTE = "observed";
    private static final String HEALTH_CHECK = "producer:kusto-export-";

    private final Azurite azurite;
    private FaultProxy proxy;
    private CamelContext context;
    private MeterRegistry meters;
    private OperationsClient client;
    private String container;

    ObservabilityRouteTest(Azurite azurite) {
        this.azurite = azurite;
    }

    @BeforeEach
    void start() throws Exception {
        proxy = FaultProxy.start(azurite.port());
        container = azurite.newContainer("observed");
        context = new DefaultCamelContext();
        meters = new SimpleMeterRegistry();
        context.getRegistry().bind(MicrometerExportMetrics.CAMEL_METRICS_REGISTRY, meters);
        KustoExportComponent component = new KustoExportComponent();
        component.setStorageRetryInitialBackoff(50);
        component.setDatabase(new KustoDatabase("observed"));
        OperationsClient.addBigTable(component.getDatabase(), "Big", 30, 10_000);
        context.addComponent("kusto-export", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:export").routeId(ROUTE)
                        .to("kusto-export:csv?storage=RAW(" + storage() + ")");
            }
        });
        context.start();
        // As camel.health.producersEnabled=true does in Camel Main: Camel's producer checks are off by default.
        HealthCheckHelper.getHealthCheckRepository(context, "producers", ProducersHealthCheckRepository.class)
                .setEnabled(true);
        client = new OperationsClient(context.createProducerTemplate(), "direct:export");
    }

    @AfterEach
    void stop() throws Exception {
        context.stop();
        proxy.close();
    }

    private String storage() {
        return proxy.proxied(azurite.kustoConnectionString(container));
    }

    private HealthCheck.Result health() {
        List<HealthCheck.Result> results = HealthCheckHelper.invoke(context,
                (HealthCheck check) -> !check.getId().startsWith(HEALTH_CHECK)).stream().toList();
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    private double counter(String name) {
        return meters.get(name).tag("route", ROUTE).counter().count();
    }

    @Test
    void theHealthCheckIsUpWhileStorageAcceptsTheCredentialAndDownNamingTheContainerWhenItCannotBeReached() {
        HealthCheck.Result up = health();
        assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(up.getDetails()).containsEntry("storage.0", proxy.proxied(azurite.blobEndpoint()) + "/"
                + container + ";****").containsEntry("source", "embedded database 'observed'");

        proxy.fault(FaultProxy.Fault.DROP);
        HealthCheck.Result down = health();

        assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(down.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .contains("checking the container of " + proxy.proxied(azurite.blobEndpoint()) + "/" + container)
                .doesNotContain(azurite.accountKey()));
        assertThat(String.valueOf(down.getDetails())).doesNotContain(azurite.accountKey());
    }

    @Test
    void anExportIsMeteredAndLoggedAtItsStartAndEndWithItsCountsAndNoSecret() throws Exception {
        try (LogCapture logs = LogCapture.install()) {
            client.run(ROWS);
            ResultTable operations = client.run(".show operations");
            UUID id = (UUID) operations.value(0, "OperationId");

            assertThat(meters.get(MicrometerExportMetrics.EXPORTS).tag("route", ROUTE).counter().count()).isEqualTo(1);
            assertThat(counter(MicrometerExportMetrics.RECORDS)).isEqualTo(3);
            assertThat(counter(MicrometerExportMetrics.ARTIFACTS)).isEqualTo(1);
            assertThat(counter(MicrometerExportMetrics.BYTES)).isEqualTo("1,one\r\n2,two\r\n3,three\r\n".length());
            assertThat(counter(MicrometerExportMetrics.RETRIES)).isZero();
            assertThat(meters.get(MicrometerExportMetrics.DURATION).tag("state", "Completed").timer().count())
                    .isEqualTo(1);
            assertThat(meters.find(MicrometerExportMetrics.FAILURES).counter()).isNull();

            List<String> lines = logs.events();
            assertThat(lines).anySatisfy(line -> assertThat(line).contains("Export " + id + " started: csv from"
                    + " embedded database 'observed' to [" + proxy.proxied(azurite.blobEndpoint()) + "/" + container
                    + ";****]"));
            assertThat(lines).anySatisfy(line -> assertThat(line).matches("(?s)io.github.camelkusto.export.operation.OperationRegistry: Export " + id
                    + " Completed in \\S+: 1 artifact\\(s\\), 3 record\\(s\\), 23 byte\\(s\\), 0 storage retries.*"));
            assertThat(lines).noneSatisfy(line -> assertThat(line).contains(azurite.accountKey()));
        }
    }

    @Test
    void retriedRequestsAndAFailedExportAreCounted() throws Exception {
        UUID retried = client.startAsync(".export async to csv (h'" + storage() + "') <| Big");
        client.awaitProgress(retried, 0, 1);
        proxy.fault(FaultProxy.Fault.DROP);
        Thread.sleep(1_000);
        proxy.fault(FaultProxy.Fault.NONE);
        client.awaitState(retried, "Completed");

        assertThat(counter(MicrometerExportMetrics.RETRIES)).isPositive();
        assertThat(counter(MicrometerExportMetrics.RECORDS)).isEqualTo(300_000);

        UUID stalled = client.startAsync(".export async to csv (h'" + storage() + "') <| set servertimeout = 2s;"
                + " Big");
        proxy.fault(FaultProxy.Fault.STALL);
        client.awaitState(stalled, "Failed");
        proxy.fault(FaultProxy.Fault.NONE);

        assertThat(meters.get(MicrometerExportMetrics.FAILURES).tag("state", "Failed").counter().count())
                .isEqualTo(1);
        assertThat(meters.get(MicrometerExportMetrics.DURATION).tag("state", "Failed").timer()
                .totalTime(java.util.concurrent.TimeUnit.SECONDS)).isBetween(2.0, 10.0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDevConsoleListsTheOperationsWithTheirProgressAndNoSecret() {
        client.run(ROWS);
        UUID id = (UUID) client.run(".show operations").value(0, "OperationId");

        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("kusto-export");
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);

        assertThat(text).contains("Operations: 1", id.toString(), "Completed", "camel-route:" + ROUTE,
                "1 artifact(s), 3 record(s), 23 byte(s)").doesNotContain(azurite.accountKey());
        assertThat((List<?>) json.get("operations")).singleElement().satisfies(row -> assertThat((Map<String, Object>) row)
                .containsEntry("operationId", id.toString()).containsEntry("state", "Completed")
                .containsEntry("records", 3L));
    }
}

package io.github.camelkusto.export.continuous;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelkusto.export.KustoExportComponent;
import io.github.camelkusto.export.KustoExportConstants;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.testkit.DuckDb;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Continuous exports run on a schedule: by the component's own Quartz trigger (continuousExportScheduler), or by
 * any route sending to {@code kusto-export:...?continuousExport=Name}; two triggers never run one export twice at
 * once.
 */
class ContinuousExportSchedulingTest {
    @TempDir
    Path lake;

    private CamelContext context;
    private ProducerTemplate template;

    private void start(boolean scheduler, RouteBuilder routes) throws Exception {
        context = new DefaultCamelContext();
        KustoExportComponent component = new KustoExportComponent();
        component.setContinuousExportScheduler(scheduler);
        context.addComponent("kusto-export", component);
        if (routes != null) {
            context.addRoutes(routes);
        }
        context.start();
        template = context.createProducerTemplate();
        run(".create table Events (Id:long)");
        run(".create external table Lake (Id:long) kind=storage dataformat=csv ('" + lake + "')"
                + " with (includeHeaders='all')");
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    private ResultTable run(String command) {
        return template.requestBody("kusto-export:csv", command, ResultTable.class);
    }

    private long exported(String select) throws Exception {
        return DuckDb.count(select + " FROM read_csv('" + lake.toString().replace("'", "''")
                + "/*.csv', header=true)");
    }

    private static void await(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void theComponentsQuartzTriggerRunsAnExportWhenItIsScheduledAndEveryIntervalAfter() throws Exception {
        start(true, null);
        String define = ".create-or-alter continuous-export Nightly over (Events) to table Lake"
                + " with (intervalBetweenRuns=1h) <| Events";
        run(define); // scheduled: its first firing finds nothing to export
        run(".append Events <| range Id from 1 to 50 step 1");

        run(define); // altered: scheduled again, fires soon
        await("the scheduled run's artifacts", () -> !run(".show continuous-export Nightly exported-artifacts")
                .rows().isEmpty());

        assertThat(exported("SELECT count(DISTINCT Id)")).isEqualTo(50);
        assertThat(run(".show continuous-export Nightly").toMaps().get(0).get("LastRunResult"))
                .isEqualTo("Completed");
    }

    @Test
    void routesTriggeringOneExportAtOnceNeverRunItTwiceAtOnce() throws Exception {
        List<String> outcomes = new CopyOnWriteArrayList<>();
        start(false, new RouteBuilder() {
            @Override
            public void configure() {
                from("quartz:fast/one?trigger.repeatInterval=10&trigger.repeatCount=-1").routeId("quartz")
                        .to("kusto-export:csv?continuousExport=Stream")
                        .process(e -> outcomes.add(e.getMessage().getHeader(
                                KustoExportConstants.CONTINUOUS_EXPORT_OUTCOME, String.class)));
                from("quartz:fast/two?trigger.repeatInterval=7&trigger.repeatCount=-1").routeId("timer")
                        .to("kusto-export:csv?continuousExport=Stream")
                        .process(e -> outcomes.add(e.getMessage().getHeader(
                                KustoExportConstants.CONTINUOUS_EXPORT_OUTCOME, String.class)));
            }
        });
        run(".create-or-alter continuous-export Stream over (Events) to table Lake with (intervalBetweenRuns=1m)"
                + " <| Events");
        for (int batch = 0; batch < 20; batch++) {
            run(".append Events <| range Id from " + (batch * 1000 + 1) + " to " + (batch * 1000 + 1000) + " step 1");
        }
        await("every record exported", () -> {
            try {
                return exported("SELECT count(*)") >= 20_000;
            } catch (Exception e) {
                return false;
            }
        });
        context.getRouteController().stopRoute("quartz");
        context.getRouteController().stopRoute("timer");

        assertThat(exported("SELECT count(*)")).isEqualTo(20_000);
        assertThat(exported("SELECT count(DISTINCT Id)")).isEqualTo(20_000);
        assertThat(outcomes).contains("COMPLETED", "ALREADY_RUNNING");
    }
}

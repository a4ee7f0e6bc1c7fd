package io.github.camelkusto.export.continuous;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;

import io.github.camelkusto.export.KustoExportComponent;
import io.github.camelkusto.export.KustoExportConstants;
import io.github.camelkusto.kql.data.ResultTable;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Run by {@link ContinuousExportKillTest} in a child JVM that the test kills with SIGKILL at a random moment:
 * with the database kept in {@code args[0]} and the operations journal in {@code args[1]}, defines table Events,
 * external table Lake (csv under {@code args[2]}, partitioned by hash(Id, 4)) and continuous export ToLake, then
 * ingests batches of new ids ({@code .ingest inline}, the next after those the database holds) on one thread while
 * another runs the export again and again, until killed. With {@code args[3] = "drain"} it runs the export once and exits, printing the run's outcome.
 */
public final class ContinuousExportKillMain {
    static final int BATCH = 500;

    private ContinuousExportKillMain() {
    }

    public static void main(String[] args) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        KustoExportComponent component = new KustoExportComponent();
        component.setDatabaseDir(args[0]);
        component.setOperationsDir(args[1]);
        camel.addComponent("kusto-export", component);
        camel.start();
        ProducerTemplate template = camel.createProducerTemplate();
        template.requestBody("kusto-export:csv", ".create table Events (Id:long, Payload:string)");
        template.requestBody("kusto-export:csv", ".create-or-alter external table Lake (Id:long, Payload:string)"
                + " kind=storage partition by (Bucket:long = hash(Id, 4)) dataformat=csv ('" + args[2] + "')"
                + " with (includeHeaders='all')");
        template.requestBody("kusto-export:csv", ".create-or-alter continuous-export ToLake over (Events) to table"
                + " Lake with (intervalBetweenRuns=1m, sizeLimit=104857600) <| Events");
        if (args.length > 3 && args[3].equals("drain")) {
            System.out.println("DRAINED " + run(template));
            System.out.println("INGESTED " + count(component));
            System.out.println("UNDONE " + template.requestBody("kusto-export:csv", ".show continuous-export ToLake"
                    + " failures | where Details startswith 'the process ended' | count", ResultTable.class)
                    .value(0, "Count"));
            camel.stop();
            return;
        }
        System.out.println("READY");
        System.out.flush();
        ExecutorService ingester = camel.getExecutorServiceManager().newSingleThreadExecutor(
                ContinuousExportKillMain.class, "ingest");
        ingester.execute(() -> ingestUntilKilled(template, component));
        while (true) {
            System.out.println("RUN " + run(template));
            System.out.flush();
        }
    }

    private static void ingestUntilKilled(ProducerTemplate template, KustoExportComponent component) {
        try {
            while (true) {
                long next = count(component) + 1;
                StringBuilder records = new StringBuilder();
                for (long id = next; id < next + BATCH; id++) {
                    records.append(id).append(",record-").append(id).append('\n');
                }
                template.requestBody("kusto-export:csv", ".ingest inline into table Events <| " + records);
                Thread.sleep(ThreadLocalRandom.current().nextInt(20));
            }
        } catch (Exception e) {
            System.out.println("INGEST FAILED " + e);
            System.out.flush();
        }
    }

    private static long count(KustoExportComponent component) {
        return component.getDatabase().table("Events").orElseThrow().rowCount();
    }

    private static String run(ProducerTemplate template) {
        Exchange exchange = template.request("kusto-export:csv?continuousExport=ToLake", e -> { });
        if (exchange.getException() != null) {
            return "FAILED " + exchange.getException().getMessage();
        }
        return exchange.getMessage().getHeader(KustoExportConstants.CONTINUOUS_EXPORT_OUTCOME, String.class);
    }
}

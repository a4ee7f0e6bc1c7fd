package io.github.camelkusto.export;

import java.nio.file.Path;

import io.github.camelkusto.kql.data.ResultTable;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Run by {@link OperationsJournalTest} in a child JVM that the test kills with SIGKILL: starts an async export
 * of far more rows than it will have time to write, into the local folder {@code args[1]}, journaling to
 * {@code args[0]}, prints {@code STARTED <operation id>} and waits to be killed.
 */
public final class AbandonedExportMain {
    private AbandonedExportMain() {
    }

    public static void main(String[] args) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        KustoExportComponent component = new KustoExportComponent();
        component.setOperationsDir(args[0]);
        camel.addComponent("kusto-export", component);
        camel.start();
        Object id = camel.createProducerTemplate().requestBody("kusto-export:csv", ".export async to csv (@'"
                + Path.of(args[1]) + "') with (distribution=single, namePrefix='killed/run')"
                + " <| range Id from 1 to 1000000000 step 1", ResultTable.class).value(0, "OperationId");
        System.out.println("STARTED " + id);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

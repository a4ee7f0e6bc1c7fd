package io.github.camelkusto.routes;

import org.apache.camel.builder.RouteBuilder;

/** The quickstart route in Camel's Java DSL: the same export as {@code routes/quickstart.yaml}. */
public class QuickstartRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:quickstart-java?repeatCount=1")
                .routeId("quickstart-java")
                .to("kusto-export:csv?storage=RAW({{kusto.storage:exports}})&includeHeaders=all"
                        + "&namePrefix=quickstart/SampleLogs&query=RAW(SampleLogs | take 1000)")
                .log("Exported ${header.CamelKustoExportRecordCount} records in"
                        + " ${header.CamelKustoExportArtifactCount} artifact(s):\n${body}");
    }
}

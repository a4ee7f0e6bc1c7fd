package io.github.camelkusto.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.testkit.CsvFiles;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Table commands go through the same endpoint as exports: a route can create, load, then export a table. */
class TableCommandsRouteTest extends CamelTestSupport {
    @TempDir
    Path exports;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:run").to("kusto-export:csv");
            }
        };
    }

    private ResultTable run(String command) {
        return template.requestBody("direct:run", command, ResultTable.class);
    }

    @Test
    void aTableCreatedAndIngestedThroughTheEndpointCanBeExported() throws Exception {
        run(".create table Events (Id:long, Name:string)");
        run(".ingest inline into table Events <| 1,one\n2,two");
        run(".set-or-append Events <| datatable(Id:long, Name:string)[3, 'three']");

        assertThat(run(".show tables").rows()).containsExactly(List.of("Events", "default"));
        ResultTable artifacts = run(".export to csv ('" + exports + "') <| Events");

        List<List<String>> exported = new ArrayList<>();
        for (List<Object> artifact : artifacts.rows()) {
            exported.addAll(CsvFiles.parse(Path.of((String) artifact.get(0))));
        }
        assertThat(exported).containsExactlyInAnyOrder(List.of("1", "one"), List.of("2", "two"), List.of("3", "three"));
    }
}

package io.github.camelkusto.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded engine's helper threads come from the CamelContext, under the kustoExportQuery profile. */
class QueryThreadPoolTest extends CamelTestSupport {
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

    @Test
    void theEnginesPartitionWorkRunsOnACamelManagedPool() {
        assumeTrue(Runtime.getRuntime().availableProcessors() > 1, "one core: the reading thread does it all");
        template.requestBody("direct:run", ".create table T (v:long)");
        for (int extent = 0; extent < 4; extent++) {
            template.requestBody("direct:run", ".ingest inline into table T <| " + extent);
        }
        // top reads its input's partitions (one per extent) in parallel
        template.requestBody("direct:run", ".export to csv ('" + exports + "') <| T | top 2 by v desc");

        List<String> threads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName).toList();
        assertThat(threads).anyMatch(name -> name.endsWith(" - KustoExportQuery"));
    }
}

package io.github.camelkusto.export;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.testkit.DuckDb;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code set} statements before a query, as ADX documents them: the fan-out properties set the writer
 * parallelism, the others are accepted and ignored with a DEBUG line, in a bare query and after {@code <|}.
 */
class SetStatementsExportTest extends CamelTestSupport {
    private static final int EXTENTS = 6;

    @TempDir
    Path exports;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:command").to("kusto-export:csv");
                from("direct:bare").toF("kusto-export:csv?storage=RAW(%s)", exports.resolve("bare"));
            }
        };
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        KustoDatabase database = new KustoDatabase("test");
        Schema schema = Schema.of(new Column("Id", KqlType.LONG));
        for (long extent = 0; extent < EXTENTS; extent++) {
            Batch.Builder rows = Batch.builder(schema);
            for (long i = 1; i <= 10; i++) {
                rows.addRow(extent * 10 + i);
            }
            database.append("Events", rows.build());
        }
        registry.bind("database", database);
    }

    private ResultTable export(String query) {
        return template.requestBody("direct:command", ".export to csv ('" + exports.toUri() + "') <| " + query,
                ResultTable.class);
    }

    @Test
    void withoutSetStatementsEveryShardHasItsOwnWriter() {
        assertThat(export("Events").rowCount()).isEqualTo(EXTENTS);
    }

    @Test
    void theLowestFanOutLeavesOneWriterForEveryShard() throws Exception {
        ResultTable result = export("set query_fanout_nodes_percent = 0; Events");

        assertThat(result.rowCount()).isEqualTo(1);
        assertThat(result.value(0, "NumRecords")).isEqualTo(EXTENTS * 10L);
        assertThat(DuckDb.count("SELECT count(DISTINCT column0) FROM read_csv('" + result.value(0, "Path")
                + "', header=false)")).isEqualTo(EXTENTS * 10L);
    }

    @Test
    void nodesAndThreadsPercentagesMultiply() {
        int cores = Runtime.getRuntime().availableProcessors();
        ResultTable result = export("set query_fanout_nodes_percent = 50; set query_fanout_threads_percent = 50;"
                + " Events");

        assertThat(result.rowCount()).isEqualTo(Math.min(EXTENTS, Math.max(1, (cores * 2500 + 9999) / 10000)));
    }

    @Test
    void aBareQueryMayStartWithSetStatements() throws Exception {
        ResultTable result = template.requestBody("direct:bare",
                "set notruncation;\nset query_fanout_threads_percent = 1;\nEvents | where Id <= 3", ResultTable.class);

        assertThat(result.rowCount()).isEqualTo(1);
        assertThat(Files.readString(Path.of((String) result.value(0, "Path")))).isEqualTo("1\r\n2\r\n3\r\n");
    }

    @Test
    void aPropertyWithNoMeaningHereIsIgnoredWithADebugLine() {
        try (LogCapture logs = LogCapture.install()) {
            export("set servertimeout = 10m; set truncationmaxrecords = 5; Events | take 7");

            assertThat(logs.events()).anySatisfy(e -> assertThat(e)
                    .contains("Request property 'truncationmaxrecords' has no effect here; ignored"));
        }
    }

    @Test
    void anErrorInTheQueryAfterSetStatementsPointsIntoTheWholeCommand() {
        String command = ".export to csv ('" + exports.toUri() + "') <| set notruncation; Evnts";
        int column = command.indexOf("Evnts") + 1;

        assertThatThrownBy(() -> template.requestBody("direct:command", command))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(KustoException.class)
                .hasMessageContaining("(line 1, column " + column + ")");
    }
}

package io.github.camelkusto.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.github.camelkusto.kql.KustoTimeoutException;
import io.github.camelkusto.kql.data.ResultTable;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A query that never ends is stopped by the export's timeout (exportTimeout, ADX's servertimeout), sync and
 * async: a KustoTimeoutException that says what timed out, after how long and which option to raise, and
 * nothing written. A running export logs its progress every progressInterval.
 */
class QueryTimeoutTest extends CamelTestSupport {
    /** Never returns a row: 10^12 rows, every one filtered out. */
    private static final String NEVER_ENDING = "range i from 1 to 1e12 step 1 | where i < 0";
    /** A cross join of 10^10 rows, every one filtered out. */
    private static final String HUGE_CROSS_JOIN = "range a from 1 to 100000 step 1 | extend k = 1"
            + " | join kind=inner (range b from 1 to 100000 step 1 | extend k = 1) on k | where a < 0";
    /** How much later than its deadline a timed-out export may end (a loaded CI machine). */
    private static final Duration SLACK = Duration.ofSeconds(5);

    @TempDir
    Path exports;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:timeout-1s").to("kusto-export:csv?exportTimeout=1s&progressInterval=0s");
                from("direct:progress").to("kusto-export:csv?exportTimeout=1s&progressInterval=100ms");
            }
        };
    }

    private String export(String query) {
        return ".export to csv ('" + exports + "') <| " + query;
    }

    private List<Path> written() throws Exception {
        try (Stream<Path> files = Files.walk(exports)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void aSyncExportOfANeverEndingQueryIsStoppedByItsTimeout() throws Exception {
        long start = System.nanoTime();
        assertThatThrownBy(() -> template.requestBody("direct:timeout-1s", export(NEVER_ENDING)))
                .isInstanceOf(CamelExecutionException.class).cause()
                .isInstanceOf(KustoTimeoutException.class)
                .hasMessageContaining("export timed out after 1s (exportTimeout) while running the query")
                .hasMessageContaining("raise exportTimeout")
                .hasMessageContaining("0 artifact(s) had been committed");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1).plus(SLACK));
        assertThat(written()).isEmpty();
    }

    @Test
    void aHugeCrossJoinIsStoppedByItsTimeout() throws Exception {
        long start = System.nanoTime();
        assertThatThrownBy(() -> template.requestBody("direct:timeout-1s", export(HUGE_CROSS_JOIN)))
                .cause().isInstanceOf(KustoTimeoutException.class)
                .hasMessageContaining("timed out after 1s (exportTimeout) while running the query");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1).plus(SLACK));
        assertThat(written()).isEmpty();
    }

    @Test
    void anAsyncExportOfANeverEndingQueryEndsFailedWithTheTimeoutAsItsStatus() throws Exception {
        OperationsClient client = new OperationsClient(template, "direct:timeout-1s");
        UUID id = client.startAsync(".export async to csv ('" + exports + "') <| " + NEVER_ENDING);

        Map<String, Object> failed = client.awaitState(id, "Failed");

        assertThat((String) failed.get("Status"))
                .contains("export timed out after 1s (exportTimeout) while running the query")
                .contains("no artifact was committed");
        assertThat((Duration) failed.get("Duration")).isLessThan(Duration.ofSeconds(1).plus(SLACK));
        assertThat(written()).isEmpty();
    }

    @Test
    void aRunningExportLogsItsProgressEveryProgressInterval() throws Exception {
        try (LogCapture logs = LogCapture.install()) {
            assertThatThrownBy(() -> template.requestBody("direct:progress", export(NEVER_ENDING)))
                    .cause().isInstanceOf(KustoTimeoutException.class);

            List<String> progress = logs.events().stream()
                    .filter(line -> line.startsWith("io.github.camelkusto.export.operation.OperationRegistry: Export ")
                            && line.contains(" running for ")) // not the export's start and end lines
                    .toList();
            // 1 s at one line per 100 ms: about ten, and at least a few even on a loaded machine.
            assertThat(progress).hasSizeGreaterThanOrEqualTo(3).allSatisfy(line -> assertThat(line).matches(
                    ".*: Export [0-9a-f-]{36} running for \\d+(ms|s): 0 artifact\\(s\\) committed,"
                            + " 0 record\\(s\\) and 0 byte\\(s\\) written"));
        }
    }

    @Test
    void aTimeoutThatIsNotPositiveIsRefusedWhenTheEndpointIsCreated() {
        assertThatThrownBy(() -> context.getEndpoint("kusto-export:csv?exportTimeout=0s"))
                .hasRootCauseMessage("kusto-export: exportTimeout must be positive, not PT0S");
    }

    @Test
    void aQueryThatEndsInTimeIsExportedWhole() throws Exception {
        ResultTable result = template.requestBody("direct:timeout-1s", export("range i from 1 to 1000 step 1"),
                ResultTable.class);
        assertThat(result.value(0, "NumRecords")).isEqualTo(1000L);
    }
}

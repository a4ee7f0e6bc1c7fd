package io.github.camelkusto.export;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkusto.export.artifact.RowBatches;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** outputType=batches: the query's rows as a streaming iterator of row batches, split by a route. */
class RowBatchesRouteTest extends CamelTestSupport {
    /** Every Kusto type, then a row of nulls (a string's null is the empty string). */
    static final String ALL_TYPES = "datatable(B:bool, I:int, L:long, R:real, D:decimal, S:string, T:datetime,"
            + " Span:timespan, G:guid, Dyn:dynamic)"
            + " [true, int(7), long(9000000000), 1.5, decimal(12.25), 'text', datetime(2024-01-02T03:04:05.1234567Z),"
            + " time(1.02:03:04), guid(0f8fad5b-d9cb-469f-a165-70867728950e), dynamic({\"a\":[1,2]}),"
            + " bool(null), int(null), long(null), real(null), decimal(null), '', datetime(null), time(null),"
            + " guid(null), dynamic(null)]";

    private final List<List<Map<String, Object>>> received = new ArrayList<>();
    private final List<RowBatches> iterators = new ArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:rows").to("kusto-export:csv?outputType=batches&batchSize=100")
                        .split(body()).streaming()
                            .process(e -> received.add(e.getIn().getBody(List.class)))
                        .end();
                from("direct:two").to("kusto-export:csv?outputType=batches&batchSize=2")
                        .split(body()).streaming()
                            .process(e -> received.add(e.getIn().getBody(List.class)))
                        .end();
                from("direct:wide").to("kusto-export:csv?outputType=batches&batchBytes=20000")
                        .split(body()).streaming()
                            .process(e -> received.add(e.getIn().getBody(List.class)))
                        .end();
                from("direct:failing").to("kusto-export:csv?outputType=batches&batchSize=100")
                        .process(e -> iterators.add(e.getIn().getBody(RowBatches.class)))
                        .split(body()).streaming().stopOnException()
                            .process(e -> {
                                if (e.getProperty(Exchange.SPLIT_INDEX, Integer.class) == 2) {
                                    throw new IllegalStateException("the third batch is refused");
                                }
                                received.add(e.getIn().getBody(List.class));
                            })
                        .end();
                from("direct:slowRoute").to("kusto-export:csv?outputType=batches&batchSize=100&exportTimeout=1s")
                        .split(body()).streaming()
                            .process(e -> {
                                Thread.sleep(300);
                                received.add(e.getIn().getBody(List.class));
                            })
                        .end();
                from("direct:unsplit").to("kusto-export:csv?outputType=batches&batchSize=100")
                        .process(e -> iterators.add(e.getIn().getBody(RowBatches.class)));
            }
        };
    }

    @Test
    void eachBatchIsAListOfRowMapsWithColumnsInQueryOrderAndKustoTypesAsJavaTypes() {
        Exchange done = template.request("direct:two", e -> e.getIn().setBody(ALL_TYPES));

        assertThat(done.getException()).isNull();
        assertThat(received).hasSize(1);
        List<Map<String, Object>> rows = received.get(0);
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row).isInstanceOf(LinkedHashMap.class);
            assertThat(row.keySet()).containsExactly("B", "I", "L", "R", "D", "S", "T", "Span", "G", "Dyn");
        });
        Map<String, Object> values = rows.get(0);
        assertThat(values.get("B")).isEqualTo(true);
        assertThat(values.get("I")).isEqualTo(7);
        assertThat(values.get("L")).isEqualTo(9_000_000_000L);
        assertThat(values.get("R")).isEqualTo(1.5);
        assertThat((BigDecimal) values.get("D")).isEqualByComparingTo("12.25");
        assertThat(values.get("S")).isEqualTo("text");
        assertThat(values.get("T")).isEqualTo(Instant.parse("2024-01-02T03:04:05.1234567Z"));
        assertThat(values.get("Span")).isEqualTo(Duration.parse("P1DT2H3M4S"));
        assertThat(values.get("G")).isEqualTo(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"));
        assertThat(((JsonNode) values.get("Dyn")).get("a").get(1).asInt()).isEqualTo(2);
        Map<String, Object> nulls = rows.get(1);
        assertThat(nulls.get("S")).isEqualTo("");
        nulls.remove("S");
        assertThat(nulls.values()).containsOnlyNulls().hasSize(9);
        assertThat(done.getMessage().getHeader(KustoExportConstants.COLUMNS, Map.class)).containsExactly(
                Map.entry("B", "bool"), Map.entry("I", "int"), Map.entry("L", "long"), Map.entry("R", "real"),
                Map.entry("D", "decimal"), Map.entry("S", "string"), Map.entry("T", "datetime"),
                Map.entry("Span", "timespan"), Map.entry("G", "guid"), Map.entry("Dyn", "dynamic"));
    }

    @Test
    void batchesHoldAtMostBatchSizeRowsAndEveryRowOnceInOrder() {
        template.sendBody("direct:rows", "range Id from 0 to 1049 step 1");

        assertThat(received).hasSize(11);
        assertThat(received.subList(0, 10)).allSatisfy(batch -> assertThat(batch).hasSize(100));
        assertThat(received.get(10)).hasSize(50);
        long expected = 0;
        for (List<Map<String, Object>> batch : received) {
            for (Map<String, Object> row : batch) {
                assertThat(row.get("Id")).isEqualTo(expected++);
            }
        }
        assertThat(expected).isEqualTo(1050);
    }

    @Test
    void afterTheSplitTheMessageCarriesTheRecordAndBatchCounts() {
        Exchange done = template.request("direct:rows", e -> e.getIn().setBody("range Id from 1 to 250 step 1"));

        assertThat(done.getMessage().getHeader(KustoExportConstants.RECORD_COUNT)).isEqualTo(250L);
        assertThat(done.getMessage().getHeader(KustoExportConstants.BATCH_COUNT)).isEqualTo(3L);
    }

    @Test
    void batchBytesEndsABatchBeforeBatchSizeWhenRowsAreLarge() {
        template.sendBody("direct:wide", "range Id from 1 to 100 step 1 | extend Text = strrep('x', 1000)");

        // about 1,100 estimated bytes a row: a batch ends at the row that reaches 20,000, the 19th
        assertThat(received).hasSizeGreaterThan(4);
        assertThat(received).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 19));
        assertThat(received.stream().mapToInt(List::size).sum()).isEqualTo(100);
    }

    @Test
    void aSplitThatFailsHalfWayClosesTheIteratorAndTheQuery() {
        Exchange done = template.request("direct:failing", e -> e.getIn().setBody("range Id from 0 to 999 step 1"));

        assertThat(done.getException()).hasMessageContaining("the third batch is refused");
        assertThat(received).hasSize(2);
        RowBatches batches = iterators.get(0);
        // the two taken, the refused one, and the one the split reads ahead to know whether it is the last: the
        // query ran no further, although Camel's split walks its iterator on after a stop
        assertThat(batches.records()).isEqualTo(400);
        assertThat(batches.hasNext()).as("closed").isFalse();
        assertThat(batches.records()).isEqualTo(400);
        assertThat(done.getMessage().getHeader(KustoExportConstants.RECORD_COUNT)).isNull();
    }

    @Test
    void anIteratorTheRouteNeverReadsIsClosedWhenTheExchangeCompletes() {
        template.sendBody("direct:unsplit", "range Id from 0 to 999 step 1");

        RowBatches batches = iterators.get(0);
        assertThat(batches.hasNext()).as("closed").isFalse();
        assertThat(batches.records()).isZero();
    }

    @Test
    void theQueryTimeoutCountsTheQuerysTimeNotTheRoutesTimeOnTheBatches() {
        Exchange done = template.request("direct:slowRoute", e -> e.getIn().setBody("range Id from 0 to 499 step 1"));

        // five batches, 300 ms of route time each: 1.5 s in all, past the 1 s exportTimeout
        assertThat(done.getException()).isNull();
        assertThat(received).hasSize(5);
    }

    @Test
    void aControlCommandIsRefusedBeforeAnyBatch() {
        assertThatThrownBy(() -> template.sendBody("direct:rows", ".export to csv ('exports') <| print 1"))
                .isInstanceOf(CamelExecutionException.class).cause()
                .hasMessageContaining("outputType=batches runs a bare KQL query, not a control command");
        assertThat(received).isEmpty();
    }

    @Test
    void aBadQueryFailsBeforeAnyBatchWithItsPlace() {
        assertThatThrownBy(() -> template.sendBody("direct:rows", "range Id from 0 to 9 step 1 | where Nope > 1"))
                .cause().hasMessageContaining("Nope");
        assertThat(received).isEmpty();
    }

    @Test
    void batchesWithADataFormatAreRefusedWhenTheRouteStarts() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            assertThatThrownBy(() -> {
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:x").to("kusto-export:csv?outputType=batches&dataFormat=jackson");
                    }
                });
                camel.start();
            }).hasStackTraceContaining("dataFormat encodes artifacts, and outputType=batches writes none");
        }
    }
}

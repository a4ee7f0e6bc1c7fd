package io.github.camelkusto.export;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;
import org.apache.camel.Exchange;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A polling route (timer) sends hostile commands to the component inside {@code doTry/doCatch(Exception)}:
 * every failure is caught there as a KustoException, and the consumer keeps polling to the last one.
 */
class HostileInputRouteTest extends CamelTestSupport {
    private static final List<String> HOSTILE = List.of(
            ".export to csv ('" + "k".repeat(1_500) + "' x) <| T",
            ".export to csv (\"" + "k".repeat(1_500) + "\" x) <| T",
            ".export to csv (h@'" + "k".repeat(1_500) + "' x) <| T",
            "T | where " + "(".repeat(1_000) + "x" + ")".repeat(1_000) + " > 1",
            "T | extend y = " + "abs(".repeat(1_000) + "x" + ")".repeat(1_000),
            "T | where x == 0" + " or x == 1".repeat(8_000), // runs: and/or chains are balanced
            "T" + " | where x > 0".repeat(5_000),
            "T | extend y = x" + " + x".repeat(5_000),
            "T | where s matches regex \"(a\"",
            "T | take 3"); // runs
    private final ConcurrentLinkedQueue<String> commands = new ConcurrentLinkedQueue<>(HOSTILE);
    private final ConcurrentLinkedQueue<Object> outcomes = new ConcurrentLinkedQueue<>();

    @TempDir
    Path exports;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:hostile?period=1&repeatCount=" + HOSTILE.size()).routeId("hostile")
                        .process(e -> e.getMessage().setBody(commands.poll()))
                        .doTry()
                            .to("kusto-export:csv?storage=RAW(" + exports + ")")
                            .process(e -> outcomes.add("exported"))
                        .doCatch(Exception.class)
                            .process(e -> outcomes.add(e.getProperty(Exchange.EXCEPTION_CAUGHT)))
                        .end();
            }
        };
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        KustoDatabase database = new KustoDatabase("test");
        Schema schema = Schema.of(new Column("x", KqlType.LONG), new Column("s", KqlType.STRING));
        Batch.Builder rows = Batch.builder(schema);
        for (long i = 1; i <= 10; i++) {
            rows.addRow(i, "text" + i);
        }
        database.append("T", rows.build());
        registry.bind("database", database);
    }

    @Test
    void aPollingRouteCatchesEveryHostileCommandAsAKustoExceptionAndKeepsPolling() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (outcomes.size() < HOSTILE.size() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(outcomes).as("one outcome per command").hasSize(HOSTILE.size());
        assertThat(outcomes).filteredOn(o -> o instanceof Throwable)
                .hasSize(HOSTILE.size() - 2)
                .allSatisfy(o -> assertThat((Throwable) o).isInstanceOf(KustoException.class)
                        .extracting(Throwable::getMessage).asString().isNotBlank().doesNotContain("kkkk"));
        assertThat(outcomes).filteredOn("exported"::equals).hasSize(2);
        assertThat(context.getRouteController().getRouteStatus("hostile")).isEqualTo(ServiceStatus.Started);
    }
}

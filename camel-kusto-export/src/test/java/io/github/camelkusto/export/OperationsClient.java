package io.github.camelkusto.export;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * Runs commands through a kusto-export endpoint the way a route would, and waits on what {@code .show
 * operations} reports: every wait polls the operation's real state and is bounded by a timeout, never a sleep
 * guessed to be long enough.
 */
final class OperationsClient {
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern PROGRESS = Pattern.compile("(\\d+) artifact\\(s\\) committed, (\\d+) record\\(s\\)");

    private final ProducerTemplate template;
    private final String endpoint;

    OperationsClient(ProducerTemplate template, String endpoint) {
        this.template = template;
        this.endpoint = endpoint;
    }

    ResultTable run(String command) {
        return template.requestBody(endpoint, command, ResultTable.class);
    }

    /** Runs an async export and returns its operation id. */
    UUID startAsync(String command) {
        return (UUID) run(command).value(0, "OperationId");
    }

    /** The {@code .show operations <id>} row as column name to value. */
    Map<String, Object> operation(UUID id) {
        List<Map<String, Object>> rows = run(".show operations " + id).toMaps();
        if (rows.size() != 1) {
            throw new AssertionError("expected one row for " + id + ", got " + rows);
        }
        return rows.get(0);
    }

    String state(UUID id) {
        return (String) operation(id).get("State");
    }

    /** Waits until the operation's row satisfies {@code condition}; returns that row. */
    Map<String, Object> awaitOperation(UUID id, String what, Predicate<Map<String, Object>> condition) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        Map<String, Object> row = operation(id);
        while (!condition.test(row)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("operation " + id + " did not reach " + what + " within " + TIMEOUT
                        + "; last: " + row);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            row = operation(id);
        }
        return row;
    }

    Map<String, Object> awaitState(UUID id, String state) {
        return awaitOperation(id, state, row -> state.equals(row.get("State")));
    }

    /** Waits until an InProgress export has written at least {@code records} records and committed {@code artifacts}. */
    Map<String, Object> awaitProgress(UUID id, long artifacts, long records) {
        return awaitOperation(id, artifacts + " artifact(s) and " + records + " record(s)", row -> {
            if (!"InProgress".equals(row.get("State"))) {
                if (((String) row.get("State")).matches("Scheduled")) {
                    return false;
                }
                throw new AssertionError("operation " + id + " ended before the progress awaited: " + row);
            }
            Matcher m = PROGRESS.matcher((String) row.get("Status"));
            return m.find() && Long.parseLong(m.group(1)) >= artifacts && Long.parseLong(m.group(2)) >= records;
        });
    }

    /**
     * A table of {@code extents} extents of {@code rowsPerExtent} rows of ~100 bytes each as CSV: big exports
     * from little memory, since every extent is the same immutable batch.
     */
    /**
     * Adds {@code component} to {@code context} as kusto-export, with a route from {@code direct:run} to it,
     * starts the context, and returns a client of that route.
     */
    static OperationsClient startWith(CamelContext context, KustoExportComponent component) throws Exception {
        context.addComponent("kusto-export", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:run").to("kusto-export:csv");
            }
        });
        context.start();
        return new OperationsClient(context.createProducerTemplate(), "direct:run");
    }

    static void addBigTable(KustoDatabase database, String name, int extents, int rowsPerExtent) {
        Schema schema = Schema.of(new Column("Id", KqlType.LONG), new Column("Text", KqlType.STRING));
        String text = "x".repeat(90);
        Batch.Builder rows = Batch.builder(schema);
        for (long i = 0; i < rowsPerExtent; i++) {
            rows.addRow(i, text);
        }
        Batch extent = rows.build();
        for (int e = 0; e < extents; e++) {
            database.append(name, extent);
        }
    }
}

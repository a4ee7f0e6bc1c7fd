package io.github.camelkusto.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelkusto.export.operation.OperationSnapshot;
import io.github.camelkusto.export.operation.OperationState;
import io.github.camelkusto.kql.exec.Deadline;
import org.apache.camel.Component;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;

/**
 * The {@code kusto-export} dev console (Camel JBang's {@code camel get kusto-export}, the dev console HTTP page):
 * the export operations of the component, as {@code .show operations} lists them, with their live progress.
 * Status texts are masked when set, so no secret is shown.
 */
@DevConsole(name = "kusto-export", displayName = "Kusto Export", description = "Export operations of the"
        + " kusto-export component")
public class KustoExportDevConsole extends AbstractDevConsole {
    /** The console's id, as the annotation names it. */
    static final String ID = "kusto-export";

    public KustoExportDevConsole() {
        super("camel", ID, "Kusto Export", "Export operations of the kusto-export component");
    }

    private List<OperationSnapshot> operations() {
        Component component = getCamelContext().hasComponent("kusto-export");
        if (component instanceof KustoExportComponent kusto && kusto.operations() != null) {
            return kusto.operations().snapshots();
        }
        return List.of();
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        Instant now = Instant.now();
        StringBuilder text = new StringBuilder();
        List<OperationSnapshot> operations = operations();
        text.append("Operations: ").append(operations.size()).append('\n');
        for (OperationSnapshot s : operations) {
            text.append(String.format("%n    %s  %-10s  %s  %s%n        %d artifact(s), %d record(s), %d byte(s)%s%n",
                    s.operationId(), s.state(), Deadline.describe(s.duration(now)), s.origin().principal(),
                    s.artifacts(), s.records(), s.bytes(), s.state() == OperationState.Completed || s.status().isEmpty()
                            ? "" : "; " + s.status()));
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        Instant now = Instant.now();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (OperationSnapshot s : operations()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("operationId", s.operationId().toString());
            row.put("state", s.state().name());
            row.put("status", s.status());
            row.put("startedOn", s.startedOn().toString());
            row.put("durationMillis", s.duration(now).toMillis());
            row.put("principal", s.origin().principal());
            row.put("artifacts", s.artifacts());
            row.put("records", s.records());
            row.put("bytes", s.bytes());
            row.put("shouldRetry", s.shouldRetry());
            rows.add(row);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("operations", rows);
        return json;
    }
}

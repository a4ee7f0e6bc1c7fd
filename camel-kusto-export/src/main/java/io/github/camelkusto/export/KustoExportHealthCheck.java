package io.github.camelkusto.export;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelkusto.export.command.Redaction;
import io.github.camelkusto.export.command.StorageLiteral;
import io.github.camelkusto.export.storage.StorageTarget;
import io.github.camelkusto.export.storage.StorageTargets;
import io.github.camelkusto.kql.exec.Deadline;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * The producer health check of one kusto-export endpoint, in Camel's "producers" health-check repository: DOWN
 * when the query source cannot be reached or when one of the storage targets of the endpoint's {@code storage}
 * option cannot be written to with its credential. Storage is checked exactly as an export checks it before its
 * query runs ({@link StorageTargets#verify}), nothing written; a {@code .export} command's own connection strings
 * are known only when it runs, so they are not checked here. Messages and details name targets without secrets.
 */
final class KustoExportHealthCheck extends AbstractHealthCheck {
    /** The longest one check may take: a storage outage makes it DOWN by then, not hang the health endpoint. */
    static final Duration MAX_CHECK_TIME = Duration.ofSeconds(10);

    private final KustoExportEndpoint endpoint;

    KustoExportHealthCheck(KustoExportEndpoint endpoint) {
        super("camel", "producer:kusto-export-" + endpoint.getId());
        this.endpoint = endpoint;
    }

    @Override
    public boolean isLiveness() {
        return false; // storage being down does not make the application need a restart
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        KustoExportComponent component = endpoint.getComponent();
        KustoCommandRunner runner = component.runner();
        List<StorageLiteral> storage = endpoint.getConfiguration().toExportOptions().storage();
        List<String> secrets = storage.stream().map(StorageLiteral::value).toList();
        Duration limit = component.getStorageRequestTimeout().compareTo(MAX_CHECK_TIME) < 0
                ? component.getStorageRequestTimeout() : MAX_CHECK_TIME;
        Deadline deadline = Deadline.after(limit, "the health check's limit");
        builder.detail("source", runner.source().describe());
        try {
            // The seam for a remote cluster: its QuerySource reaches it with its credentials here.
            runner.source().checkReachable(deadline);
        } catch (Exception e) {
            builder.down().message("cannot reach " + runner.source().describe() + ": "
                    + Redaction.text(String.valueOf(e.getMessage()), secrets));
            return;
        }
        for (int i = 0; i < storage.size(); i++) {
            StorageTarget target = runner.storageTargets().target(storage.get(i));
            builder.detail("storage." + i, target.describe());
            try {
                StorageTargets.verify(target, deadline);
            } catch (RuntimeException e) {
                builder.down().message(Redaction.text(String.valueOf(e.getMessage()), secrets));
                return;
            }
        }
        builder.up();
    }
}

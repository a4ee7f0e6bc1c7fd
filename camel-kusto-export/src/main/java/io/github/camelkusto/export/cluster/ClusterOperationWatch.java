package io.github.camelkusto.export.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.camelkusto.export.operation.OperationTables;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.exec.Deadline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for an async operation on the cluster: polls {@code .show operations <id>} on a timer, first after
 * {@code firstInterval}, then half as long again each time (at most {@link #MAX_INTERVAL}), until the operation ends
 * or {@code bound} has passed; then reads {@code .show operation <id> details} (empty when the cluster keeps none)
 * and hands over the end. A poll that fails is logged and the next one tried; no thread waits in between.
 */
public final class ClusterOperationWatch {
    /** How an operation on the cluster ended, or was last seen when the wait ran out. */
    public record End(UUID operationId, String state, String status, ResultTable details) {
    }

    static final Duration MAX_INTERVAL = Duration.ofMinutes(1);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(1);
    private static final Set<String> RUNNING = Set.of("InProgress", "Scheduled");
    private static final Logger LOG = LoggerFactory.getLogger(ClusterOperationWatch.class);

    private final ClusterConnection cluster;
    private final UUID operationId;
    private final Deadline deadline;
    private final ScheduledExecutorService timer;
    private final Consumer<End> onEnd;
    private String lastState = "InProgress";

    private ClusterOperationWatch(ClusterConnection cluster, UUID operationId, Deadline deadline,
            ScheduledExecutorService timer, Consumer<End> onEnd) {
        this.cluster = cluster;
        this.operationId = operationId;
        this.deadline = deadline;
        this.timer = timer;
        this.onEnd = onEnd;
    }

    /** Starts watching; {@code onEnd} runs once, on the timer's thread. */
    public static void start(ClusterConnection cluster, UUID operationId, Duration firstInterval, Duration bound,
            ScheduledExecutorService timer, Consumer<End> onEnd) {
        ClusterOperationWatch watch = new ClusterOperationWatch(cluster, operationId,
                Deadline.after(bound, "exportTimeout"), timer, onEnd);
        watch.schedule(firstInterval);
    }

    private void schedule(Duration interval) {
        timer.schedule(() -> poll(interval), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void poll(Duration interval) {
        try {
            ResultTable operation = cluster.management(".show operations " + operationId, true, REQUEST_TIMEOUT,
                    List.of());
            if (operation.rowCount() > 0) {
                lastState = String.valueOf(operation.value(0, "State"));
                if (!RUNNING.contains(lastState)) {
                    end(lastState, String.valueOf(operation.value(0, "Status")), details());
                    return;
                }
            }
        } catch (KustoException | IllegalArgumentException e) {
            LOG.warn("Polling operation {} on {} failed; polling on: {}", operationId, cluster, e.getMessage());
        }
        if (deadline.passed()) {
            end(lastState, "no final state within " + Deadline.describe(deadline.timeout())
                    + ": the operation may still run on the cluster (.show operations " + operationId + ")",
                    new ResultTable(OperationTables.ARTIFACTS, List.of()));
            return;
        }
        Duration next = Duration.ofMillis(Math.min(MAX_INTERVAL.toMillis(), interval.toMillis() * 3 / 2 + 1));
        schedule(next.compareTo(deadline.remaining()) > 0 ? deadline.remaining() : next);
    }

    /** The artifacts the cluster lists for the operation; none when it keeps no details (persistDetails=false). */
    private ResultTable details() {
        try {
            return cluster.management(".show operation " + operationId + " details", true, REQUEST_TIMEOUT, List.of());
        } catch (KustoException e) {
            LOG.debug("No details of operation {} on {}: {}", operationId, cluster, e.getMessage());
            return new ResultTable(OperationTables.ARTIFACTS, List.of());
        }
    }

    private void end(String state, String status, ResultTable details) {
        try {
            onEnd.accept(new End(operationId, state, status, details));
        } catch (RuntimeException e) {
            LOG.warn("After operation {} on {} ended {}: {}", operationId, cluster, state, e.getMessage());
        }
    }
}

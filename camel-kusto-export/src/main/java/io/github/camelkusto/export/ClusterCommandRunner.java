package io.github.camelkusto.export;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.github.camelkusto.export.cluster.ClusterConnection;
import io.github.camelkusto.export.cluster.ClusterExports;
import io.github.camelkusto.export.cluster.ClusterQuerySources;
import io.github.camelkusto.export.cluster.Pushdown;
import io.github.camelkusto.export.command.ContinuousExportCommand;
import io.github.camelkusto.export.command.ExportCommand;
import io.github.camelkusto.export.command.ExportOptions;
import io.github.camelkusto.export.command.ExportToTableCommand;
import io.github.camelkusto.export.command.ExternalTableCommand;
import io.github.camelkusto.export.command.KustoCommand;
import io.github.camelkusto.export.command.PipedShowCommand;
import io.github.camelkusto.export.command.ShowOperationDetailsCommand;
import io.github.camelkusto.export.command.ShowOperationsCommand;
import io.github.camelkusto.export.command.ShowTablesCommand;
import io.github.camelkusto.export.source.QuerySource;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.exec.Deadline;

/**
 * Runs commands with a cluster configured: an export is pushed down (its {@code .export} text sent to the cluster,
 * which writes the artifacts) or runs client-side (the cluster's rows through this component's writers, from the
 * source {@link ClusterQuerySources} gives); every other command goes to the cluster as written: the table
 * commands, external tables, {@code .export to table} and continuous exports are the cluster's (it runs its
 * continuous exports on its own schedule).
 */
final class ClusterCommandRunner {
    private final ClusterConnection cluster;
    private final Pushdown pushdown;
    private final ExportOptions endpointOptions;
    private final KustoCommandRunner local;
    private final ClusterQuerySources clientSide;

    ClusterCommandRunner(ClusterConnection cluster, Pushdown pushdown, ExportOptions endpointOptions,
            KustoCommandRunner local, ClusterQuerySources clientSide) {
        this.cluster = cluster;
        this.pushdown = pushdown;
        this.endpointOptions = endpointOptions;
        this.local = local;
        this.clientSide = clientSide;
    }

    /**
     * @param text    the command as the user wrote it
     * @param command {@code text} parsed (and checked) here first: a malformed command never reaches the cluster
     */
    KustoCommandRunner.Result run(String text, KustoCommand command, ExportRequest request) {
        if (command instanceof ExportCommand export) {
            return export(export, request);
        }
        ResultTable table = cluster.management(text, changesNothing(command), timeout(request), List.of());
        return new KustoCommandRunner.Result(table, command instanceof ExportToTableCommand toTable && toTable.async()
                ? operationId(table) : Optional.empty());
    }

    /** Whether the cluster pushes the export down; else it runs client-side. */
    boolean pushesDown(ExportCommand export) {
        return ClusterExports.pushesDown(export, pushdown);
    }

    private KustoCommandRunner.Result export(ExportCommand export, ExportRequest request) {
        if (!pushesDown(export)) {
            return local.export(export, request, clientSide.open(cluster));
        }
        // A sync export runs within the request: its deadline bounds the wait. An async one only starts.
        Duration timeout = export.async() ? timeout(request) : KustoCommandRunner.deadline(export, request).remaining();
        ResultTable table = cluster.management(ClusterExports.text(export, endpointOptions), false, timeout,
                ClusterExports.connectionStrings(export));
        return new KustoCommandRunner.Result(table, export.async() ? operationId(table) : Optional.empty());
    }

    /** The operation id of an async command's answer: its one row's OperationId. */
    private static Optional<UUID> operationId(ResultTable table) {
        return table.rowCount() == 1 && table.schema().indexOf("OperationId").isPresent()
                ? Optional.of((UUID) table.value(0, "OperationId")) : Optional.empty();
    }

    /** .show commands read; every other command may change something, and is not sent twice on a lost answer. */
    private static boolean changesNothing(KustoCommand command) {
        return command instanceof ShowTablesCommand || command instanceof ShowOperationsCommand
                || command instanceof ShowOperationDetailsCommand || command instanceof PipedShowCommand
                || command instanceof ExternalTableCommand external && external.verb().name().startsWith("SHOW")
                || command instanceof ContinuousExportCommand continuous && continuous.verb().name().startsWith("SHOW");
    }

    /** A control command's timeout: the endpoint's exportTimeout, else ADX's 10 minutes. */
    private static Duration timeout(ExportRequest request) {
        return request.exportTimeout().orElse(Deadline.CONTROL_COMMAND_DEFAULT);
    }

    ClusterConnection cluster() {
        return cluster;
    }

    /** A source whose queries run on the cluster, the rows streamed back (as a client-side export's are). */
    QuerySource rows() {
        return clientSide.open(cluster);
    }
}

package io.github.camelkusto.export;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

import io.github.camelkusto.export.artifact.ArtifactSpec;
import io.github.camelkusto.export.artifact.DataFormatSettings;
import io.github.camelkusto.export.artifact.ExportMonitor;
import io.github.camelkusto.export.artifact.ExportedArtifact;
import io.github.camelkusto.export.artifact.RollingArtifactWriter;
import io.github.camelkusto.export.artifact.RowBatchLimits;
import io.github.camelkusto.export.artifact.RowBatches;
import io.github.camelkusto.export.artifact.RowRouter;
import io.github.camelkusto.export.command.CancelOperationCommand;
import io.github.camelkusto.export.command.ContinuousExportCommand;
import io.github.camelkusto.export.continuous.ContinuousExports;
import io.github.camelkusto.export.command.Distribution;
import io.github.camelkusto.export.command.ExportCommand;
import io.github.camelkusto.export.command.ExportToTableCommand;
import io.github.camelkusto.export.command.ExternalTableCommand;
import io.github.camelkusto.export.command.KustoCommand;
import io.github.camelkusto.export.command.PipedShowCommand;
import io.github.camelkusto.export.command.RequestProperties;
import io.github.camelkusto.export.command.Redaction;
import io.github.camelkusto.export.command.ShowOperationDetailsCommand;
import io.github.camelkusto.export.command.ShowOperationsCommand;
import io.github.camelkusto.export.command.ShowTablesCommand;
import io.github.camelkusto.export.command.StorageLiteral;
import io.github.camelkusto.export.command.TableManagementCommand;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.control.TableCommandRunner;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.exec.Cancellation;
import io.github.camelkusto.kql.exec.Deadline;
import io.github.camelkusto.kql.exec.QueryEngine;
import io.github.camelkusto.kql.syntax.KustoSyntaxException;
import io.github.camelkusto.export.lake.ExternalTableCatalog;
import io.github.camelkusto.export.lake.ExternalTableExport;
import io.github.camelkusto.export.operation.ExportJob;
import io.github.camelkusto.export.operation.Operation;
import io.github.camelkusto.export.operation.OperationRegistry;
import io.github.camelkusto.export.operation.OperationTables;
import io.github.camelkusto.export.source.EmbeddedQuerySource;
import io.github.camelkusto.export.source.QuerySource;
import io.github.camelkusto.export.storage.ConnectionStrings;
import io.github.camelkusto.export.storage.StorageTarget;
import io.github.camelkusto.export.storage.StorageTargets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a parsed command through the parts of the data flow: validate everything (storage strings, query,
 * targets) before the first byte is written, then query, write artifacts, and return the result table.
 */
final class KustoCommandRunner {
    static final Schema ARTIFACT_TABLE = OperationTables.ARTIFACTS;
    /**
     * An async export's timeout when none is set. ADX runs async operations outside the client's request, so its
     * 10-minute control-command default does not bound them; an hour is the most servertimeout allows a request.
     */
    static final Duration ASYNC_EXPORT_DEFAULT_TIMEOUT = Deadline.MAX_SERVER_TIMEOUT;
    /** The option that sets an export's timeout, named in timeout errors. */
    static final String TIMEOUT_OPTION = "exportTimeout";

    private static final Logger LOG = LoggerFactory.getLogger(KustoCommandRunner.class);

    private final QuerySource source;
    private final StorageTargets storageTargets;
    private final OperationRegistry operations;
    private final TableCommandRunner tableCommands;
    private final Executor writers;
    private final int nodes;
    private final Executor compressors;
    private final ExternalTableCatalog externalTables;
    private final Executor queryWorkers;
    private ContinuousExports continuousExports;

    /**
     * @param writers     runs the artifact writers of distributed exports
     * @param nodes       the number of writers of {@code distribution=per_node}
     * @param compressors compresses the gzip members of compressed text artifacts
     * @param queryWorkers   runs the embedded engine's per-partition work (table commands, piped .show queries)
     * @param externalTables the external tables {@code .export to table} writes to
     */
    KustoCommandRunner(KustoDatabase database, QuerySource source, StorageTargets storageTargets,
            OperationRegistry operations, Executor writers, int nodes, Executor compressors, Executor queryWorkers,
            ExternalTableCatalog externalTables) {
        this.source = source;
        this.storageTargets = storageTargets;
        this.operations = operations;
        this.tableCommands = new TableCommandRunner(database, new QueryEngine(database, queryWorkers));
        this.writers = writers;
        this.nodes = nodes;
        this.compressors = compressors;
        this.externalTables = externalTables;
        this.queryWorkers = queryWorkers;
    }

    /** Where queries run: the health check asks it whether it can be reached. */
    QuerySource source() {
        return source;
    }

    /** The component's storage targets, shared with the health check (the same pre-flight check as an export). */
    StorageTargets storageTargets() {
        return storageTargets;
    }

    /** The continuous exports its commands change and show (set once, as they run exports through this). */
    void setContinuousExports(ContinuousExports continuousExports) {
        this.continuousExports = continuousExports;
    }

    /** The result table, and the operation an export was registered as. */
    record Result(ResultTable table, Optional<UUID> operationId) {
    }

    /** Runs the command by its kind: a new kind of KustoCommand does not compile until {@link Dispatch} runs it. */
    Result run(KustoCommand command, ExportRequest request) {
        return command.accept(new Dispatch(request));
    }

    /** What each kind of command does; only an export has an operation id to report. */
    private final class Dispatch implements KustoCommand.Visitor<Result> {
        private final ExportRequest request;

        Dispatch(ExportRequest request) {
            this.request = request;
        }

        @Override
        public Result export(ExportCommand command) {
            return KustoCommandRunner.this.export(command, request, source);
        }

        @Override
        public Result exportToTable(ExportToTableCommand command) {
            ExternalTableExport export;
            try {
                export = ExternalTableExport.of(command, externalTables);
            } catch (KustoException e) {
                operations.badInput(request.origin(), String.valueOf(e.getMessage()));
                throw e;
            }
            return KustoCommandRunner.this.export(export.command(), Optional.empty(), request, source, export.router(),
                    export::result);
        }

        @Override
        public Result externalTable(ExternalTableCommand command) {
            // A definition's connection strings are checked when it is made, not at its first export.
            command.definition().ifPresent(d -> d.storage().forEach(ConnectionStrings::parse));
            return tableOnly(externalTables.run(command));
        }

        @Override
        public Result continuousExport(ContinuousExportCommand command) {
            return tableOnly(continuousExports.run(command));
        }

        @Override
        public Result pipedShow(PipedShowCommand command) {
            return tableOnly(ShowPipe.run(command, command.show().accept(this).table(), queryWorkers));
        }

        @Override
        public Result tableManagement(TableManagementCommand command) {
            return tableOnly(tableCommands.run(command.command()));
        }

        @Override
        public Result showTables(ShowTablesCommand command) {
            return tableOnly(tableCommands.showTables());
        }

        @Override
        public Result showOperations(ShowOperationsCommand command) {
            return tableOnly(operations.show(command.operationIds()));
        }

        @Override
        public Result showOperationDetails(ShowOperationDetailsCommand command) {
            return tableOnly(operations.details(command.operationId()));
        }

        @Override
        public Result cancelOperation(CancelOperationCommand command) {
            return tableOnly(operations.cancel(command.operationId(), command.reason()));
        }

        private static Result tableOnly(ResultTable table) {
            return new Result(table, Optional.empty());
        }
    }

    /** Runs an export whose rows come from {@code from} (a cluster, for a client-side export) as any other. */
    Result export(ExportCommand command, ExportRequest request, QuerySource from) {
        return export(command, request.dataFormat(), request, from, RowRouter.NONE, OperationTables::artifacts);
    }

    /**
     * One run of a continuous export: a sync export to its table over {@code view} (the database with the run's
     * extents of its fact tables), the artifact names tagged with the run; committed artifacts are removed if it
     * fails.
     */
    List<ExportedArtifact> exportRun(ExportToTableCommand command, KustoDatabase view, String runTag,
            ExportRequest request) {
        ExternalTableExport export = ExternalTableExport.of(command, externalTables, runTag);
        QuerySource viewSource = new EmbeddedQuerySource(view, queryWorkers);
        List<ExportedArtifact> artifacts = new ArrayList<>();
        export(export.command(), Optional.empty(), request, viewSource, export.router(), written -> {
            artifacts.addAll(written);
            return export.result(written);
        });
        return artifacts;
    }

    /**
     * Validates everything before the first byte is written (a failure is recorded as a BadInput operation and
     * thrown), then runs the export on this thread (sync) or schedules it (async: the result is its id).
     */
    private Result export(ExportCommand command, Optional<DataFormatSettings> dataFormat, ExportRequest request,
            QuerySource from, RowRouter router,
            java.util.function.Function<List<ExportedArtifact>, ResultTable> resultTable) {
        boolean persistDetails = command.properties().persistDetails().orElse(command.async());
        ExportJob job;
        try {
            job = prepare(command, dataFormat, request, from, new ExportCancellation(deadline(command, request)),
                    router);
        } catch (KustoException e) {
            operations.badInput(request.origin(), mask(command, String.valueOf(e.getMessage())));
            throw e;
        }
        if (command.async()) {
            Operation operation = operations.submit(request.origin(), persistDetails, job, request.onAsyncEnd());
            return new Result(new ResultTable(OperationTables.OPERATION_ID, List.of(List.of(operation.id()))),
                    Optional.of(operation.id()));
        }
        Operation operation = operations.startSync(request.origin(), persistDetails);
        List<ExportedArtifact> artifacts = operations.run(operation, job);
        return new Result(resultTable.apply(artifacts), Optional.of(operation.id()));
    }

    /**
     * The rows of a bare query as row batches ({@code outputType=batches}): the query is checked now (a bad one
     * fails here) and runs as the batches are read. Its timeout, counted only while it runs, is the query's own
     * {@code servertimeout}, else the endpoint's exportTimeout, else ADX's query default (4 minutes).
     *
     * @param from where the query runs: a cluster's source (its rows streamed back), or null for the embedded engine
     */
    RowBatches batches(ExportCommand command, ExportRequest request, RowBatchLimits limits,
            RowBatches.EndListener onEnd, java.util.function.BooleanSupplier stopped, QuerySource from) {
        QuerySource source = from != null ? from : this.source;
        Optional<Duration> serverTimeout = command.requestProperties().serverTimeout();
        RowBatches.QueryClock clock = serverTimeout.isPresent()
                ? new RowBatches.QueryClock(serverTimeout.get(), "servertimeout")
                : new RowBatches.QueryClock(request.exportTimeout().orElse(Deadline.QUERY_DEFAULT), TIMEOUT_OPTION);
        QueryResult result;
        try {
            result = source.prepare(command.query(), clock);
        } catch (KustoSyntaxException e) {
            throw e.within(command.text(), command.queryStart());
        }
        LOG.debug("Row batches from {}: {}", source.describe(), command.displayQuery());
        return new RowBatches(result, limits, clock, onEnd, stopped);
    }

    /**
     * The export's deadline, counted from now: the command's own {@code servertimeout} (a client request property,
     * {@code set servertimeout = 10m;}), else the endpoint's exportTimeout, else ADX's default, 10 minutes for a
     * sync export (a control command) and {@link #ASYNC_EXPORT_DEFAULT_TIMEOUT} for an async one.
     */
    static Deadline deadline(ExportCommand command, ExportRequest request) {
        Optional<Duration> serverTimeout = command.requestProperties().serverTimeout();
        if (serverTimeout.isPresent()) {
            return Deadline.after(serverTimeout.get(), "servertimeout");
        }
        Duration timeout = request.exportTimeout()
                .orElse(command.async() ? ASYNC_EXPORT_DEFAULT_TIMEOUT : Deadline.CONTROL_COMMAND_DEFAULT);
        return Deadline.after(timeout, TIMEOUT_OPTION);
    }

    private ExportJob prepare(ExportCommand command, Optional<DataFormatSettings> dataFormat, ExportRequest request,
            QuerySource source,
            ExportCancellation cancellation, RowRouter router) {
        RequestProperties requestProperties = command.requestProperties();
        ArtifactSpec spec = fannedOut(dataFormat.map(format -> ArtifactSpec.of(command, format))
                .orElseGet(() -> ArtifactSpec.of(command)), requestProperties);
        int writerCount = requestProperties.fanOutWriters(nodes);
        List<StorageTarget> targets = command.storage().stream().map(storageTargets::target).toList();
        QueryResult result;
        try {
            result = source.prepare(command.query(), cancellation);
        } catch (KustoSyntaxException e) {
            throw e.within(command.text(), command.queryStart());
        }
        try {
            router.artifactSchema(result.schema()); // an export to a table checks the query's columns here
            for (StorageTarget target : targets) {
                StorageTargets.verify(target, cancellation);
            }
        } catch (RuntimeException e) {
            QuerySource.release(result); // a cluster's response may be open: drop it
            throw e;
        }
        LOG.debug("Exporting from {} to {}: {}", source.describe(),
                targets.stream().map(StorageTarget::describe).toList(), command);
        return new ExportJob() {
            @Override
            public List<ExportedArtifact> write(ExportMonitor monitor) {
                cancellation.follow(monitor); // the query's batches now ask the operation, which holds the deadline
                return new RollingArtifactWriter(spec, targets, writers, writerCount, compressors,
                        RollingArtifactWriter.DEFAULT_CHUNK_SIZE).write(result, monitor, router);
            }

            @Override
            public List<ExportedArtifact> cleanUp(List<ExportedArtifact> committed) {
                return request.cleanupOnFailure() ? delete(committed, targets) : List.of();
            }

            @Override
            public Deadline deadline() {
                return cancellation.validation;
            }

            @Override
            public Duration progressInterval() {
                return request.progressInterval();
            }

            @Override
            public String describe() {
                return command.format() + (command.compressed() ? " compressed" : "") + (command.async() ? " async"
                        : "") + " from " + source.describe() + " to "
                        + targets.stream().map(StorageTarget::describe).toList();
            }

            @Override
            public String mask(String text) {
                return KustoCommandRunner.mask(command, text);
            }
        };
    }

    /**
     * The spec with the writer parallelism the fan-out request properties allow: fewer than full fan-out turns
     * per_shard (a writer per partition) into per_node, whose writer count they set. Every other request property
     * means nothing to the writers (servertimeout is the export's deadline): each other gets a DEBUG line.
     */
    private static ArtifactSpec fannedOut(ArtifactSpec spec, RequestProperties requestProperties) {
        for (String name : requestProperties.values().keySet()) {
            if (!name.equals(RequestProperties.FANOUT_NODES_PERCENT)
                    && !name.equals(RequestProperties.FANOUT_THREADS_PERCENT)
                    && !name.equals(RequestProperties.SERVER_TIMEOUT)) {
                LOG.debug("Request property '{}' has no effect here; ignored", name);
            }
        }
        boolean limited = requestProperties.limitsFanOut() && spec.distribution() == Distribution.PER_SHARD;
        return limited ? spec.withDistribution(Distribution.PER_NODE) : spec;
    }

    /**
     * What stops one export: its deadline while it is validated, then its operation (which holds the deadline and
     * {@code .cancel operation}). The query is prepared once, before the operation runs, and asks this.
     */
    private static final class ExportCancellation implements Cancellation {
        final Deadline validation;
        private volatile Cancellation current;

        ExportCancellation(Deadline validation) {
            this.validation = validation;
            this.current = validation;
        }

        void follow(Cancellation operation) {
            current = operation;
        }

        @Override
        public void check(String activity) {
            current.check(activity);
        }

        @Override
        public Duration remaining() {
            return current.remaining();
        }
    }

    /** Deletes committed artifacts from whichever target holds each; returns those deleted. */
    private static List<ExportedArtifact> delete(List<ExportedArtifact> committed, List<StorageTarget> targets) {
        List<ExportedArtifact> deleted = new ArrayList<>();
        for (ExportedArtifact artifact : committed) {
            for (StorageTarget target : targets) {
                try {
                    if (target.delete(artifact.path())) {
                        deleted.add(artifact);
                        break;
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.warn("cleanupOnFailure could not delete {}: {}", artifact.path(), e.getMessage());
                }
            }
        }
        return deleted;
    }

    /**
     * The text with the secrets of the command's connection strings masked, should a lower layer have quoted
     * one: each whole connection string, its secret part (after ';' or '?'), and any SAS signature.
     */
    static String mask(ExportCommand command, String text) {
        return Redaction.text(text, command.storage().stream().map(StorageLiteral::value).toList());
    }
}

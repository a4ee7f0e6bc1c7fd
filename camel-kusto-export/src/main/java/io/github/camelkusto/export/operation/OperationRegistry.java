package io.github.camelkusto.export.operation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Consumer;

import io.github.camelkusto.export.artifact.ExportCanceledException;
import io.github.camelkusto.export.artifact.ExportedArtifact;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.exec.Deadline;
import io.github.camelkusto.export.storage.StorageRetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every export operation of a component, sync and async: runs async exports on a bounded executor (at most
 * {@code maxConcurrentExports} at once, {@code maxQueuedExports} waiting as Scheduled, the rest refused as
 * Throttled), keeps their state and progress, answers {@code .show operations}, {@code .show operation <id>
 * details} and {@code .cancel operation}, and records every change in a journal when one is configured.
 */
public final class OperationRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OperationRegistry.class);

    private final Map<UUID, Operation> operations = new ConcurrentHashMap<>();
    /** When registering an operation next forgets the expired ones. */
    private volatile Instant nextPrune = Instant.MIN;
    private final Map<UUID, Future<?>> scheduled = new ConcurrentHashMap<>();
    private final ExecutorService executor;
    private final ScheduledExecutorService progressTimer;
    private final Limits limits;
    private final Clock clock;
    private final OperationEvents events;
    private final ExportListener listener;

    /**
     * @param maxConcurrentExports async exports running at once
     * @param maxQueuedExports     async exports waiting (Scheduled) beyond those; more are Throttled
     * @param retention            how long ended operations are kept
     */
    public record Limits(int maxConcurrentExports, int maxQueuedExports, Duration retention) {
        public Limits {
            if (maxConcurrentExports < 1 || maxQueuedExports < 0) {
                throw new IllegalArgumentException("maxConcurrentExports must be at least 1 and maxQueuedExports"
                        + " at least 0, not " + maxConcurrentExports + " and " + maxQueuedExports);
            }
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("operationsRetention must be positive, not " + retention);
            }
        }
    }

    /**
     * @param executor       runs async exports: a pool of {@code maxConcurrentExports} threads whose queue holds
     *                       {@code maxQueuedExports} tasks and which rejects more
     * @param progressTimer  logs the progress of running exports
     * @param operationsDir  the journal's folder, or null to keep operations in memory only
     */
    public OperationRegistry(ExecutorService executor, ScheduledExecutorService progressTimer, Limits limits,
            Path operationsDir, Clock clock) {
        this(executor, progressTimer, limits, operationsDir, clock, ExportListener.NONE);
    }

    /** @param listener told when each export starts and ends (the component's metrics) */
    public OperationRegistry(ExecutorService executor, ScheduledExecutorService progressTimer, Limits limits,
            Path operationsDir, Clock clock, ExportListener listener) {
        this.listener = listener;
        this.executor = executor;
        this.progressTimer = progressTimer;
        this.limits = limits;
        this.clock = clock;
        if (operationsDir == null) {
            this.events = OperationEvents.NONE;
            return;
        }
        List<OperationJournal.Entry> loaded = new ArrayList<>();
        OperationJournal journal = OperationJournal.open(operationsDir, clock.instant().minus(limits.retention()),
                loaded);
        this.events = journal;
        for (OperationJournal.Entry entry : loaded) {
            Operation operation = Operation.restore(entry.snapshot(), entry.artifacts(), clock, events);
            operations.put(operation.id(), operation);
            OperationState was = operation.state();
            if (!was.terminal()) {
                operation.transition(OperationState.Abandoned, "the process stopped while the export was " + was
                        + committedNote(operation, "were committed") + removeStaged(entry.staged()), true);
            }
        }
        LOG.info("Operations journal {}: {} operation(s) kept from the last {}", operationsDir.toAbsolutePath(),
                loaded.size(), limits.retention());
    }

    /**
     * Deletes the hidden staging files an abandoned export left in local folders: only files still named as
     * staging files are ({@code .<artifact>.part}), so a journal line can never delete anything else.
     */
    private static String removeStaged(List<Path> staged) {
        int removed = 0;
        for (Path file : staged) {
            String name = file.getFileName().toString();
            if (!name.startsWith(".") || !name.endsWith(".part")) {
                continue;
            }
            try {
                if (Files.deleteIfExists(file)) {
                    removed++;
                }
            } catch (IOException e) {
                LOG.warn("Cannot remove the unfinished artifact file {} of an abandoned export: {}", file,
                        e.toString());
            }
        }
        return removed == 0 ? "" : "; " + removed + " unfinished artifact file(s) removed";
    }

    /** A sync export about to run on the caller's thread: registered InProgress. */
    public Operation startSync(OperationOrigin origin, boolean persistDetails) {
        Operation operation = register(origin, persistDetails);
        operation.transition(OperationState.InProgress, "", false);
        return operation;
    }

    /** An export refused before it started (bad command, query or storage): registered as BadInput. */
    public void badInput(OperationOrigin origin, String maskedReason) {
        register(origin, false).transition(OperationState.BadInput, maskedReason, false);
    }

    /**
     * Schedules an async export and returns its operation at once (Scheduled). {@code onEnd} is called, on the
     * export's thread, once it has ended whatever the outcome.
     *
     * @throws ExportThrottledException when every slot is busy and the queue is full (the operation is Throttled)
     */
    public Operation submit(OperationOrigin origin, boolean persistDetails, ExportJob job, Consumer<Operation> onEnd) {
        Operation operation = register(origin, persistDetails);
        operation.transition(OperationState.Scheduled, "waiting for one of the " + limits.maxConcurrentExports()
                + " export slot(s) (maxConcurrentExports)", false);
        try {
            scheduled.put(operation.id(), executor.submit(() -> runAsync(operation, job, onEnd)));
            if (operation.state() != OperationState.Scheduled) {
                scheduled.remove(operation.id()); // it already started: nothing left to unqueue on cancel
            }
        } catch (RejectedExecutionException e) {
            String reason = "refused: " + limits.maxConcurrentExports() + " export(s) running and "
                    + limits.maxQueuedExports() + " waiting, the most maxConcurrentExports and maxQueuedExports"
                    + " allow; retry later";
            operation.transition(OperationState.Throttled, reason, true);
            throw new ExportThrottledException("operation " + operation.id() + " " + reason);
        }
        return operation;
    }

    private Operation register(OperationOrigin origin, boolean persistDetails) {
        Instant now = clock.instant();
        if (!now.isBefore(nextPrune)) {
            // at most once a second: a route exporting often keeps many operations, and each export would
            // otherwise scan them all (.show operations still prunes first, exactly)
            nextPrune = now.plusSeconds(1);
            prune();
        }
        Operation operation = Operation.create(origin, persistDetails, clock, events);
        operations.put(operation.id(), operation);
        return operation;
    }

    private void runAsync(Operation operation, ExportJob job, Consumer<Operation> onEnd) {
        scheduled.remove(operation.id());
        if (!operation.transition(OperationState.InProgress, "", false)) {
            return; // canceled while it was Scheduled
        }
        Deadline validated = job.deadline();
        operation.limit(Deadline.after(validated.timeout(), validated.setting()));
        try {
            run(operation, job);
        } catch (RuntimeException e) {
            LOG.debug("Async export {} ended {}: {}", operation.id(), operation.state(), operation.snapshot().status());
        } finally {
            try {
                onEnd.accept(operation);
            } catch (RuntimeException e) {
                LOG.warn("The end of async export {} could not be delivered: {}", operation.id(),
                        job.mask(String.valueOf(e.getMessage())));
            }
        }
    }

    /**
     * Runs an export that is InProgress to its end: Completed with its artifacts, or Canceled/Failed (then the
     * committed artifacts are cleaned up if asked, and the failure is rethrown).
     */
    public List<ExportedArtifact> run(Operation operation, ExportJob job) {
        operation.limitIfNone(job.deadline()); // sync: the deadline it was validated under goes on
        long started = System.nanoTime();
        LOG.info("Export {} started: {}", operation.id(), job.describe());
        listener.started(operation.snapshot());
        ScheduledFuture<?> progress = logProgress(operation, job.progressInterval());
        try {
            List<ExportedArtifact> artifacts = job.write(operation);
            operation.transition(OperationState.Completed, artifacts.size() + " artifact(s), "
                    + artifacts.stream().mapToLong(ExportedArtifact::numRecords).sum() + " record(s), "
                    + artifacts.stream().mapToLong(ExportedArtifact::sizeInBytes).sum() + " byte(s)", false);
            return artifacts;
        } catch (ExportCanceledException e) {
            if (operation.abandoned()) {
                operation.transition(OperationState.Abandoned, "the component stopped while the export was"
                        + " InProgress" + committedNote(operation, "remain in storage"), true);
                throw e;
            }
            String cleaned = cleanUp(operation, job);
            operation.transition(OperationState.Canceled, "canceled" + cleaned, false);
            throw e;
        } catch (RuntimeException e) {
            String cleaned = cleanUp(operation, job);
            String cause = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            operation.transition(OperationState.Failed, job.mask(cause) + cleaned, StorageRetry.isTransient(e));
            throw e;
        } finally {
            if (progress != null) {
                progress.cancel(false);
            }
            logEnd(operation, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * The export's end line (INFO when it Completed, WARN otherwise) with what it wrote and its Status, which
     * holds no secret (masked when it was set), and the listener's call.
     */
    private void logEnd(Operation operation, Duration took) {
        OperationSnapshot end = operation.snapshot();
        long retries = operation.retries();
        String counts = end.artifacts() + " artifact(s), " + end.records() + " record(s), " + end.bytes()
                + " byte(s), " + retries + " storage retr" + (retries == 1 ? "y" : "ies");
        if (end.state() == OperationState.Completed) {
            LOG.info("Export {} Completed in {}: {}", end.operationId(), Deadline.describe(took), counts);
        } else {
            LOG.warn("Export {} {} after {}: {}; {}", end.operationId(), end.state(), Deadline.describe(took),
                    counts, end.status());
        }
        try {
            listener.ended(end, took, retries);
        } catch (RuntimeException e) {
            LOG.warn("The metrics of export {} could not be recorded: {}", end.operationId(), e.toString());
        }
    }

    /** Logs the export's progress at INFO every {@code interval} while it runs; null when the interval is zero. */
    private ScheduledFuture<?> logProgress(Operation operation, Duration interval) {
        if (interval.isZero()) {
            return null;
        }
        long started = System.nanoTime();
        return progressTimer.scheduleAtFixedRate(() -> LOG.info("Export {} running for {}: {}", operation.id(),
                Deadline.describe(Duration.ofNanos(System.nanoTime() - started)), operation.progress()),
                interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Deletes what cleanupOnFailure asks for; says what was done and where the rest is listed. */
    private static String cleanUp(Operation operation, ExportJob job) {
        List<ExportedArtifact> committed = operation.committed();
        List<ExportedArtifact> deleted = committed.isEmpty() ? List.of() : job.cleanUp(committed);
        if (!deleted.isEmpty()) {
            operation.forget(deleted);
            operation.events().artifactsDeleted(operation, deleted);
        }
        String note = deleted.isEmpty() ? "" : "; " + deleted.size() + " committed artifact(s) deleted"
                + " (cleanupOnFailure)";
        return note + committedNote(operation, "remain in storage");
    }

    private static String committedNote(Operation operation, String where) {
        int left = operation.committed().size();
        return left == 0 ? "; no artifact was committed" : "; " + left + " committed artifact(s) " + where
                + ", listed by .show operation " + operation.id() + " details";
    }

    /** Every operation kept, by start time: what the dev console shows. */
    public List<OperationSnapshot> snapshots() {
        prune();
        return operations.values().stream().map(Operation::snapshot)
                .sorted(Comparator.comparing(OperationSnapshot::startedOn)).toList();
    }

    /** {@code .show operations}: every operation (no id) or those asked for, by start time. */
    public ResultTable show(List<String> ids) {
        prune();
        Instant now = clock.instant();
        List<Operation> shown;
        if (ids.isEmpty()) {
            shown = new ArrayList<>(operations.values());
        } else {
            shown = ids.stream().map(OperationRegistry::parseId).distinct().map(operations::get)
                    .filter(o -> o != null).toList();
        }
        return new ResultTable(OperationTables.OPERATIONS, shown.stream().map(Operation::snapshot)
                .sorted(Comparator.comparing(OperationSnapshot::startedOn))
                .map(s -> OperationTables.operationRow(s, now)).toList());
    }

    /**
     * {@code .show operation <id> details}: the artifact table of a Completed export that persisted it, and the
     * committed artifacts of a Failed, Canceled or Abandoned one; otherwise an error that says why not.
     */
    public ResultTable details(String id) {
        Operation operation = find(id);
        OperationSnapshot s = operation.snapshot();
        String name = "operation " + s.operationId();
        switch (s.state()) {
            case Scheduled, InProgress -> throw new KustoException(name + " is " + s.state() + " (" + s.status()
                    + "): its details are available once it ends");
            case Throttled, BadInput -> throw new KustoException(name + " is " + s.state() + ": it wrote nothing,"
                    + " so it has no details");
            case Completed -> {
                if (!operation.detailsKept()) {
                    throw new KustoException(name + " completed without persisting its details: run the export"
                            + " with persistDetails=true (the default for async exports) to keep them");
                }
            }
            default -> {
            }
        }
        return OperationTables.artifacts(operation.committed());
    }

    /** {@code .cancel operation}: a Scheduled export is canceled at once, a running one when its writers notice. */
    public ResultTable cancel(String id, Optional<String> reason) {
        Operation operation = find(id);
        String why = reason.orElse("");
        String cancellation;
        if (operation.state() == OperationState.Scheduled && operation.transition(OperationState.Canceled,
                "canceled before it started" + (why.isEmpty() ? "" : ": " + why), false)) {
            Future<?> task = scheduled.remove(operation.id());
            if (task != null) {
                task.cancel(false);
                if (executor instanceof ThreadPoolExecutor pool) {
                    pool.purge(); // frees its place in the queue now
                }
            }
            cancellation = "Canceled before it started";
        } else if (operation.requestCancel()) {
            cancellation = "Cancellation requested: uncommitted artifacts are discarded, the state becomes Canceled";
        } else {
            throw new KustoException("operation " + operation.id() + " has already ended (" + operation.state()
                    + "): there is nothing to cancel");
        }
        OperationSnapshot s = operation.snapshot();
        return new ResultTable(OperationTables.CANCEL, List.of(List.of(s.operationId(),
                OperationTables.EXPORT_OPERATION, s.startedOn(), cancellation, why)));
    }

    /** The operation's current snapshot, for tests and the completion message. */
    public OperationSnapshot snapshot(UUID id) {
        return find(id.toString()).snapshot();
    }

    /** The artifacts an ended operation leaves in storage, for its completion message. */
    public ResultTable finalDetails(Operation operation) {
        return OperationTables.artifacts(operation.committed());
    }

    private Operation find(String id) {
        Operation operation = operations.get(parseId(id));
        if (operation == null) {
            throw new KustoException("no operation with id " + id + " (operations are kept for "
                    + limits.retention().toDays() + " day(s), and without operationsDir only until the component"
                    + " stops)");
        }
        return operation;
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw new KustoException("'" + id + "' is not an operation id: operation ids are GUIDs such as"
                    + " 3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        }
    }

    /** Forgets ended operations older than the retention (the journal drops them when it is next opened). */
    private void prune() {
        Instant keepAfter = clock.instant().minus(limits.retention());
        operations.values().removeIf(o -> o.endedOn().map(t -> t.isBefore(keepAfter)).orElse(false));
    }

    /**
     * Stops every export that has not ended, because the component stops: running ones stop at their writers'
     * next check (discarding what is uncommitted) and end Abandoned, with every artifact they did commit
     * recorded; Scheduled ones end Abandoned at once. Call before the export pool shuts down and before
     * {@link #close()}, so that the journal sees all of it.
     */
    public void abandonUnfinished() {
        for (Operation operation : operations.values()) {
            if (operation.requestAbandon() && operation.state() == OperationState.Scheduled) {
                operation.transition(OperationState.Abandoned, "the component stopped while the export was"
                        + " Scheduled; no artifact was committed", true);
            }
        }
    }

    @Override
    public void close() {
        if (events instanceof OperationJournal journal) {
            journal.close();
        }
    }
}

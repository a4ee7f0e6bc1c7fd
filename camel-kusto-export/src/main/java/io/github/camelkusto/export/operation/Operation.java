package io.github.camelkusto.export.operation;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelkusto.export.artifact.ExportCanceledException;
import io.github.camelkusto.export.artifact.ExportMonitor;
import io.github.camelkusto.export.artifact.ExportedArtifact;
import io.github.camelkusto.kql.exec.Deadline;
import io.github.camelkusto.export.command.Redaction;

/**
 * One export operation: its state, live progress and committed artifacts. It is the {@link ExportMonitor} its
 * writers report to, so progress and cancellation need no other plumbing. Thread-safe: writers report from
 * their threads while {@code .show operations} reads.
 */
public final class Operation implements ExportMonitor {
    private final UUID id;
    private final OperationOrigin origin;
    private final Instant startedOn;
    private final boolean persistDetails;
    private final Clock clock;
    private final OperationEvents events;
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    /** Storage requests tried again: for metrics and the end line, not part of ADX's operation row. */
    private final AtomicLong retries = new AtomicLong();
    private final List<ExportedArtifact> artifacts = new ArrayList<>();
    private volatile boolean canceled;
    /** The export is stopped because the component stops, not because a user canceled it. */
    private volatile boolean abandoned;
    /** When the export must have ended (exportTimeout), or null for never. */
    private volatile Deadline deadline;
    private OperationState state;
    private String status;
    private Instant lastUpdatedOn;
    private boolean shouldRetry;
    private boolean detailsKept;

    private Operation(UUID id, OperationOrigin origin, boolean persistDetails, Clock clock, OperationEvents events,
            Instant startedOn) {
        this.id = id;
        this.origin = origin;
        this.persistDetails = persistDetails;
        this.clock = clock;
        this.events = events;
        this.startedOn = startedOn;
        this.lastUpdatedOn = startedOn;
        this.state = OperationState.Scheduled;
        this.status = "";
    }

    /** A new operation, Scheduled, started now. */
    static Operation create(OperationOrigin origin, boolean persistDetails, Clock clock, OperationEvents events) {
        return new Operation(UUID.randomUUID(), origin, persistDetails, clock, events, clock.instant());
    }

    /** An operation as the journal last recorded it, with the artifacts it had committed. */
    static Operation restore(OperationSnapshot snapshot, List<ExportedArtifact> committed, Clock clock,
            OperationEvents events) {
        Operation operation = new Operation(snapshot.operationId(), snapshot.origin(), snapshot.persistDetails(),
                clock, events, snapshot.startedOn());
        synchronized (operation) {
            operation.state = snapshot.state();
            operation.status = snapshot.status();
            operation.lastUpdatedOn = snapshot.lastUpdatedOn();
            operation.shouldRetry = snapshot.shouldRetry();
            operation.records.set(snapshot.records());
            operation.bytes.set(snapshot.bytes());
            operation.artifacts.addAll(committed);
            operation.detailsKept = snapshot.state() != OperationState.Completed || snapshot.persistDetails();
        }
        return operation;
    }

    OperationEvents events() {
        return events;
    }

    public UUID id() {
        return id;
    }

    public boolean persistDetails() {
        return persistDetails;
    }

    // ---- ExportMonitor: called from writer threads ----

    @Override
    public void staging(Path file) {
        events.staging(this, file);
    }

    @Override
    public void artifactCommitted(ExportedArtifact artifact) {
        synchronized (this) {
            artifacts.add(artifact);
            lastUpdatedOn = clock.instant();
        }
        events.artifactCommitted(this, artifact);
    }

    @Override
    public void written(long moreRecords, long moreBytes) {
        records.addAndGet(moreRecords);
        bytes.addAndGet(moreBytes);
    }

    @Override
    public void retried() {
        retries.incrementAndGet();
    }

    /** The storage requests of this export that were tried again so far. */
    public long retries() {
        return retries.get();
    }

    @Override
    public boolean canceled() {
        return canceled;
    }

    /** Stops the export when it was canceled or abandoned, or when it has run past its deadline. */
    @Override
    public void check(String activity) {
        if (canceled) {
            throw new ExportCanceledException("export canceled");
        }
        Deadline limit = deadline;
        if (limit != null) {
            limit.check(activity);
        }
    }

    @Override
    public Duration remaining() {
        Deadline limit = deadline;
        return limit == null ? UNBOUNDED : limit.remaining();
    }

    /** From now on the export must end by {@code limit}. */
    synchronized void limit(Deadline limit) {
        this.deadline = limit;
    }

    /** {@link #limit} unless a deadline is already set. */
    synchronized void limitIfNone(Deadline limit) {
        if (deadline == null) {
            deadline = limit;
        }
    }

    // ---- lifecycle ----

    /** Asks the export to stop; its writers notice between chunks. False when it has already ended. */
    synchronized boolean requestCancel() {
        if (state.terminal()) {
            return false;
        }
        canceled = true;
        return true;
    }

    /** Asks the export to stop because the component stops; it ends Abandoned. False when it has already ended. */
    synchronized boolean requestAbandon() {
        if (state.terminal()) {
            return false;
        }
        abandoned = true;
        canceled = true;
        return true;
    }

    boolean abandoned() {
        return abandoned;
    }

    synchronized OperationState state() {
        return state;
    }

    /** Moves to {@code next} unless already ended; false (and nothing changes) when it had. */
    boolean transition(OperationState next, String nextStatus, boolean retry) {
        synchronized (this) {
            if (state.terminal()) {
                return false;
            }
            state = next;
            // Callers mask the secrets they know; the patterns catch any a lower layer quoted on its own.
            status = Redaction.text(nextStatus);
            shouldRetry = retry;
            lastUpdatedOn = clock.instant();
            detailsKept = next != OperationState.Completed || persistDetails;
        }
        events.stateChanged(this);
        return true;
    }

    /** The artifacts committed so far, and whether they count as the details (persisted, or the export failed). */
    synchronized List<ExportedArtifact> committed() {
        return List.copyOf(artifacts);
    }

    synchronized boolean detailsKept() {
        return detailsKept;
    }

    /** Forgets the given artifacts (deleted by cleanupOnFailure). */
    synchronized void forget(List<ExportedArtifact> deleted) {
        artifacts.removeAll(deleted);
    }

    public synchronized OperationSnapshot snapshot() {
        String shown = state == OperationState.InProgress ? progress() : status;
        return new OperationSnapshot(id, origin, startedOn, lastUpdatedOn, state, shown, shouldRetry,
                persistDetails, artifacts.size(), records.get(), bytes.get());
    }

    /** Live progress, e.g. {@code 2 artifact(s) committed, 150000 record(s) and 1048576 byte(s) written}. */
    synchronized String progress() {
        return artifacts.size() + " artifact(s) committed, " + records.get() + " record(s) and " + bytes.get()
                + " byte(s) written";
    }

    synchronized Optional<Instant> endedOn() {
        return state.terminal() ? Optional.of(lastUpdatedOn) : Optional.empty();
    }

    @Override
    public String toString() {
        return "Operation[" + id + ", " + state() + "]";
    }
}

package io.github.camelkusto.export.artifact;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.KustoTimeoutException;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.export.storage.StorageException;
import io.github.camelkusto.export.storage.StorageTarget;

/**
 * Streams a query result into size-bounded artifacts, spread round-robin over the targets, with as many writers
 * as the spec's distribution says:
 * <ul>
 * <li>{@code single}: one writer over every partition in order;</li>
 * <li>{@code per_shard}: one writer per query partition;</li>
 * <li>{@code per_node}: {@code nodes} writers, each taking the next partition not yet taken.</li>
 * </ul>
 * Writers run on the given {@link Executor} (the component passes a Camel-managed pool; without one they run one
 * after another on the calling thread), and the gzip members of compressed text artifacts are compressed on
 * another ({@link GzipMembers}), a few per writer at once, so that even a single writer's artifact is compressed on
 * every core. Each writer holds one chunk (and, compressing, a few members) and one open artifact at a time, so
 * memory is bounded by chunk size x writers, never by the export. An export with no rows writes no artifact.
 */
public final class RollingArtifactWriter {
    /** Bytes of encoded records a writer collects before handing them to the artifact. */
    public static final int DEFAULT_CHUNK_SIZE = 1024 * 1024;
    private static final int MAX_MEMBERS_PER_WRITER = 8;

    private final ArtifactSpec spec;
    private final List<StorageTarget> targets;
    private final Executor executor;
    private final Executor compressors;
    private final int nodes;
    private final int chunkSize;

    /** Writers run one after another on the calling thread. */
    public RollingArtifactWriter(ArtifactSpec spec, List<StorageTarget> targets) {
        this(spec, targets, Runnable::run, 1, Runnable::run, DEFAULT_CHUNK_SIZE);
    }

    /**
     * @param executor    runs the writers; the call to {@code write} waits for all of them
     * @param nodes       the number of writers of {@code per_node}
     * @param compressors compresses gzip members (never the writers' executor: writers wait for their members)
     * @param chunkSize   bytes of encoded records a writer collects before writing them out
     */
    public RollingArtifactWriter(ArtifactSpec spec, List<StorageTarget> targets, Executor executor, int nodes,
            Executor compressors, int chunkSize) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no storage target");
        }
        if (nodes < 1 || chunkSize < 1) {
            throw new IllegalArgumentException("nodes and chunkSize must be positive");
        }
        this.spec = spec;
        this.targets = List.copyOf(targets);
        this.executor = executor;
        this.compressors = compressors;
        this.nodes = nodes;
        this.chunkSize = chunkSize;
    }

    /** Writes every row of {@code result}; returns the committed artifacts in the order of their numbers. */
    public List<ExportedArtifact> write(QueryResult result) {
        return write(result, ExportMonitor.NONE);
    }

    /**
     * Writes every row of {@code result}, telling {@code monitor} about progress and each committed artifact.
     *
     * @throws ExportCanceledException when the monitor canceled the export (uncommitted artifacts are discarded)
     * @throws KustoException          when a writer failed; the message says how many artifacts were committed
     */
    public List<ExportedArtifact> write(QueryResult result, ExportMonitor monitor) {
        return write(result, monitor, RowRouter.NONE);
    }

    /**
     * Writes every row of {@code result} under the folder {@code router} sends it to (a partitioned export: each
     * writer keeps an artifact open per folder, at most {@link FolderStreams#DEFAULT_MAX_OPEN}).
     */
    public List<ExportedArtifact> write(QueryResult result, ExportMonitor monitor, RowRouter router) {
        List<Queue<Partition>> assigned = assign(result.partitions());
        // Enough members in flight per writer to keep every core compressing, at least two to overlap with encoding,
        // at most MAX_MEMBERS_PER_WRITER (memory: about two chunks each): one writer encodes slower than that many
        // cores compress.
        int cores = Runtime.getRuntime().availableProcessors();
        int membersPerWriter = Math.min(MAX_MEMBERS_PER_WRITER,
                Math.max(2, (cores + assigned.size() - 1) / assigned.size() + 1));
        ExportRun run = new ExportRun(spec, router.artifactSchema(result.schema()), targets, monitor,
                new ExportRun.GzipPool(compressors, membersPerWriter));
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (Queue<Partition> partitions : assigned) {
            writers.add(CompletableFuture.runAsync(() -> writeAll(run, partitions, router), executor));
        }
        Throwable failure = null;
        boolean interrupted = false;
        for (CompletableFuture<Void> writer : writers) {
            while (true) {
                try {
                    writer.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // stop the writers, and still wait for them to discard their artifacts
                    run.stop();
                } catch (ExecutionException e) {
                    failure = firstFailure(failure, e.getCause());
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            failure = firstFailure(failure, new KustoException("export interrupted"));
        }
        if (failure != null) {
            throw describe(failure, run.committedCount());
        }
        return run.artifacts();
    }

    /** The partitions of each writer: a shared queue for single and per_node, one partition each for per_shard. */
    private List<Queue<Partition>> assign(List<Partition> partitions) {
        return switch (spec.distribution()) {
            case SINGLE -> List.of(new ConcurrentLinkedQueue<>(partitions));
            case PER_SHARD -> partitions.stream().<Queue<Partition>>map(p -> new ConcurrentLinkedQueue<>(List.of(p)))
                    .toList();
            case PER_NODE -> {
                Queue<Partition> shared = new ConcurrentLinkedQueue<>(partitions);
                yield java.util.Collections.nCopies(Math.max(1, Math.min(nodes, partitions.size())), shared);
            }
        };
    }

    private void writeAll(ExportRun run, Queue<Partition> partitions, RowRouter router) {
        FolderStreams artifacts = new FolderStreams(run, chunkSize, FolderStreams.DEFAULT_MAX_OPEN);
        try {
            for (Partition partition = partitions.poll(); partition != null; partition = partitions.poll()) {
                run.checkpoint();
                try (BatchStream batches = partition.open()) {
                    for (Batch batch = batches.next(); batch != null; batch = batches.next()) {
                        for (RowRouter.Routed routed : router.route(batch)) {
                            artifacts.write(routed);
                        }
                        run.checkpoint();
                    }
                }
            }
            artifacts.finish();
        } catch (IOException e) {
            run.stop();
            throw new CompletionException(e);
        } catch (RuntimeException | Error e) {
            run.stop();
            throw e;
        } finally {
            artifacts.discard();
        }
    }

    /** The failure that caused the others: a writer's own error over the stop it caused in the rest. */
    private static Throwable firstFailure(Throwable kept, Throwable next) {
        Throwable cause = next instanceof CompletionException && next.getCause() != null ? next.getCause() : next;
        if (kept == null || kept instanceof ExportRun.Stopped) {
            return cause;
        }
        return kept;
    }

    private static KustoException describe(Throwable failure, int committed) {
        String after = " after " + committed + " committed artifact(s)";
        if (failure instanceof ExportCanceledException) {
            return new ExportCanceledException("export canceled" + after
                    + "; the uncommitted artifacts were discarded");
        }
        if (failure instanceof KustoTimeoutException) {
            return new KustoTimeoutException("export " + failure.getMessage() + "; " + committed
                    + " artifact(s) had been committed, the uncommitted ones were discarded");
        }
        String message = "export failed" + after + ": " + KustoException.reason(failure);
        if (failure instanceof IOException || failure instanceof StorageException) {
            return new StorageException(message, failure);
        }
        return new KustoException(message, failure);
    }
}

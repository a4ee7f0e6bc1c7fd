package io.github.camelkusto.export.artifact;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.export.storage.ArtifactSink;
import io.github.camelkusto.export.storage.StorageTarget;

/**
 * What the writers of one export share: artifact numbers (unique across parallel writers, and the round-robin
 * over targets follows them, so it stays fair), the committed artifacts, the monitor, and a stop signal raised
 * when one writer fails so that the others end at their next chunk, the pool their gzip members are
 * compressed on, the chunks of writers that are done (per_shard starts a writer per partition: each
 * allocating its own chunk made a 153-partition export allocate and zero 190 MB) and the column chunks of
 * finished parquet files, kept for the next ones. Thread-safe.
 */
final class ExportRun {
    final ArtifactSpec spec;
    final Schema schema;
    final ExportMonitor monitor;
    final GzipPool gzip;
    /**
     * At most one set of column chunks waiting per file written at once: one per core (the writers' pool), and one
     * for the caller, which runs a writer itself when that pool refuses one (Camel's caller-runs policy: per_shard
     * submits a writer per partition). With one set fewer, a third of a profiled export's files made theirs anew.
     */
    final ParquetColumnPool parquetColumns = new ParquetColumnPool(Runtime.getRuntime().availableProcessors() + 1);
    private final List<StorageTarget> targets;
    private final AtomicInteger lastNumber = new AtomicInteger();
    private final List<Numbered> committed = new ArrayList<>();
    private volatile boolean stopped;
    private final ConcurrentLinkedQueue<ByteChunk> freeChunks = new ConcurrentLinkedQueue<>();
    /** What the writers do, for a timeout's message: {@code writing artifacts to <targets, secrets masked>}. */
    private final String writing;

    private record Numbered(int number, ExportedArtifact artifact) {
    }

    /** A started artifact: its number {@code n} (from 1) and the sink its bytes go to. */
    record NewArtifact(int number, String name, ArtifactSink sink) {
        /** Whether it starts with a header line (includeHeaders=all, or firstFile and it is artifact 1). */
        boolean hasHeader(ArtifactSpec spec) {
            return spec.includeHeaders().appliesTo(number - 1);
        }
    }

    /** Where the writers' gzip members are compressed, and how many of one writer's at once. */
    record GzipPool(Executor compressors, int membersPerWriter) {
    }

    ExportRun(ArtifactSpec spec, Schema schema, List<StorageTarget> targets, ExportMonitor monitor, GzipPool gzip) {
        this.spec = spec;
        this.schema = schema;
        this.targets = targets;
        this.monitor = monitor;
        this.gzip = gzip;
        this.writing = "writing artifacts to " + String.join(", ", targets.stream().map(StorageTarget::describe)
                .toList());
    }

    /** Starts the next artifact, under {@code folder} (a partition's path) unless it is empty. */
    NewArtifact start(String folder) throws IOException {
        int number = lastNumber.incrementAndGet();
        String name = folder.isEmpty() ? spec.naming().name(number) : folder + "/" + spec.naming().name(number);
        ArtifactSink sink = targets.get((number - 1) % targets.size()).create(name, monitor);
        sink.stagingFile().ifPresent(monitor::staging);
        return new NewArtifact(number, name, sink);
    }

    void committed(NewArtifact started, ExportedArtifact artifact) {
        synchronized (committed) {
            committed.add(new Numbered(started.number(), artifact));
        }
        monitor.artifactCommitted(artifact);
    }

    /** Called between chunks: throws when the export was canceled or timed out, or another writer failed. */
    void checkpoint() {
        if (stopped) {
            throw new Stopped();
        }
        try {
            monitor.check(writing);
        } catch (RuntimeException e) {
            stopped = true;
            throw e;
        }
    }

    void stop() {
        stopped = true;
    }

    /** An empty chunk: one a finished writer gave back, else a new one growing up to {@code fullCapacity}. */
    ByteChunk takeChunk(int firstCapacity, int fullCapacity) {
        ByteChunk chunk = freeChunks.poll();
        return chunk != null ? chunk : new ByteChunk(firstCapacity, fullCapacity);
    }

    /** Gives back the chunk of a writer's stream that is done with it, for the next stream. */
    void giveChunk(ByteChunk chunk) {
        chunk.clear();
        freeChunks.add(chunk);
    }

    int committedCount() {
        synchronized (committed) {
            return committed.size();
        }
    }

    /** The committed artifacts in the order of their numbers. */
    List<ExportedArtifact> artifacts() {
        synchronized (committed) {
            return committed.stream().sorted(Comparator.comparingInt(Numbered::number))
                    .map(Numbered::artifact).toList();
        }
    }

    /** Ends a writer because another one failed or the export was canceled; never leaves the export. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped", null, false, false);
        }
    }
}

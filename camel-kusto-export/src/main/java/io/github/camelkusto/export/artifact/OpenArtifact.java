package io.github.camelkusto.export.artifact;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An artifact a byte-stream writer has open: its bytes go to {@link #out}, which is gzip members (compressed in
 * parallel, {@link GzipMembers}) when the export is compressed, else the sink; {@link #stored} counts what reaches
 * the sink. Progress is reported as stored bytes grow. Not thread-safe: one writer's.
 */
final class OpenArtifact {
    final ExportRun.NewArtifact started;
    final CountingOutputStream stored;
    final OutputStream out;
    long records;
    private long reportedStored;

    /**
     * Compressed artifacts are gzip members of about a chunk each, at deflate's fastest level: deflate at the
     * default level 6 was most of a compressed export's time; level 1 is several times faster, the files somewhat
     * larger, and they remain plain gzip for any reader.
     */
    OpenArtifact(ExportRun.NewArtifact started, ExportRun run, int chunkSize) {
        this.started = started;
        this.stored = new CountingOutputStream(started.sink());
        this.out = run.spec.compressed()
                ? new GzipMembers(stored, run.gzip.compressors(), chunkSize, run.gzip.membersPerWriter())
                : stored;
    }

    /** Tells the monitor about {@code newRecords} more records and the bytes stored since the last report. */
    void report(ExportRun run, long newRecords) {
        long now = stored.count();
        run.monitor.written(newRecords, now - reportedStored);
        reportedStored = now;
    }

    /** Ends the gzip stream (the sink stays open), commits the artifact and records it as committed. */
    void commit(ExportRun run) throws IOException {
        out.close(); // writes the last gzip members; closing the counter only flushes
        String path = started.sink().commit(records);
        report(run, 0);
        run.committed(started, new ExportedArtifact(path, records, stored.count()));
    }

    /** Discards the artifact: nothing of it becomes visible. */
    void discard() {
        try {
            started.sink().close();
        } catch (IOException ignored) {
            // the export already failed or was canceled; an uncommitted artifact is invisible either way
        }
    }
}

package io.github.camelkusto.export.artifact;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import io.github.camelkusto.export.command.TextEncoding;
import io.github.camelkusto.export.kql.data.Batch;
import io.github.camelkusto.export.kql.data.BatchStream;
import io.github.camelkusto.export.kql.data.Partition;
import io.github.camelkusto.export.kql.data.QueryResult;
import io.github.camelkusto.export.storage.ArtifactSink;
import io.github.camelkusto.export.storage.StorageException;
import io.github.camelkusto.export.storage.StorageTarget;

/**
 * Streams a query result into size-bounded artifacts, record by record: an artifact is committed when the
 * next record would take it past {@code sizeLimit} (counted before compression) and at the end, and a new one
 * is started on the next target, round-robin. Memory holds one record and the sink's buffer, never an artifact.
 * An export with no rows writes no artifact.
 */
public final class RollingArtifactWriter {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** How often (in records) progress is reported and cancellation checked within a batch. */
    private static final int CANCEL_CHECK_RECORDS = 1024;

    private final ArtifactSpec spec;
    private final List<StorageTarget> targets;
    private final RecordEncoder encoder;
    private final List<ExportedArtifact> committed = new ArrayList<>();
    private final StringBuilder text = new StringBuilder(256);
    private OpenArtifact current;
    private ExportMonitor monitor = ExportMonitor.NONE;
    private long unreportedRecords;
    private long reportedStoredBytes;

    public RollingArtifactWriter(ArtifactSpec spec, List<StorageTarget> targets) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no storage target");
        }
        this.spec = spec;
        this.targets = List.copyOf(targets);
        this.encoder = spec.encoder();
    }

    /** Writes every row of {@code result}; returns the committed artifacts in the order they were written. */
    public List<ExportedArtifact> write(QueryResult result) {
        return write(result, ExportMonitor.NONE);
    }

    /**
     * Writes every row of {@code result}, telling {@code monitor} what is committed and written, and stopping
     * with {@link ExportCanceledException} (the uncommitted artifact discarded) once it is canceled: checked
     * before every batch and every {@value #CANCEL_CHECK_RECORDS} records.
     */
    public List<ExportedArtifact> write(QueryResult result, ExportMonitor monitor) {
        this.monitor = monitor;
        try {
            for (Partition partition : result.partitions()) {
                try (BatchStream batches = partition.open()) {
                    for (Batch batch = batches.next(); batch != null; batch = batches.next()) {
                        for (int row = 0; row < batch.rowCount(); row++) {
                            if (row % CANCEL_CHECK_RECORDS == 0) {
                                reportProgress();
                            }
                            text.setLength(0);
                            encoder.record(batch, row, text);
                            writeRecord(text.toString().getBytes(StandardCharsets.UTF_8), result);
                        }
                    }
                }
            }
            if (current != null) {
                commitCurrent();
            }
            reportProgress();
            return List.copyOf(committed);
        } catch (IOException e) {
            throw new StorageException("export failed after " + committed.size() + " committed artifact(s): "
                    + e.getMessage(), e);
        } finally {
            abortCurrent();
        }
    }

    /** Tells the monitor what was written since the last report, then stops if it canceled the export. */
    private void reportProgress() {
        long stored = current != null ? current.stored.count : 0;
        monitor.written(unreportedRecords, stored - reportedStoredBytes);
        unreportedRecords = 0;
        reportedStoredBytes = stored;
        if (monitor.canceled()) {
            throw new ExportCanceledException("export canceled after " + committed.size()
                    + " committed artifact(s); the artifact being written was discarded");
        }
    }

    private void writeRecord(byte[] record, QueryResult result) throws IOException {
        if (current != null && current.records > 0 && current.rawBytes + record.length > spec.sizeLimit()) {
            commitCurrent();
        }
        if (current == null) {
            current = open(result);
        }
        current.write(record);
        current.records++;
        unreportedRecords++;
    }

    private OpenArtifact open(QueryResult result) throws IOException {
        int index = committed.size();
        StorageTarget target = targets.get(index % targets.size());
        String name = spec.naming().name(index + 1);
        OpenArtifact artifact = new OpenArtifact(target.create(name), spec.compressed());
        if (spec.encoding() == TextEncoding.UTF8_BOM) {
            artifact.write(UTF8_BOM);
        }
        if (spec.includeHeaders().appliesTo(index)) {
            text.setLength(0);
            encoder.header(result.schema(), text);
            artifact.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        return artifact;
    }

    private void commitCurrent() throws IOException {
        OpenArtifact artifact = current;
        current = null;
        artifact.out.close(); // finishes the gzip trailer; the sink itself stays open until commit
        String path = artifact.sink.commit();
        ExportedArtifact exported = new ExportedArtifact(path, artifact.records, artifact.stored.count);
        committed.add(exported);
        monitor.written(unreportedRecords, artifact.stored.count - reportedStoredBytes);
        unreportedRecords = 0;
        reportedStoredBytes = 0;
        monitor.artifactCommitted(exported);
    }

    private void abortCurrent() {
        if (current != null) {
            try {
                current.sink.close();
            } catch (IOException ignored) {
                // the export already failed; the uncommitted artifact is invisible either way
            }
            current = null;
        }
    }

    /** An artifact being written: its sink, what is counted before and after compression. */
    private static final class OpenArtifact {
        final ArtifactSink sink;
        final CountingStream stored;
        final OutputStream out;
        long rawBytes;
        long records;

        OpenArtifact(ArtifactSink sink, boolean gzip) throws IOException {
            this.sink = sink;
            this.stored = new CountingStream(sink);
            this.out = gzip ? new GZIPOutputStream(stored, 64 * 1024) : stored;
        }

        void write(byte[] bytes) throws IOException {
            out.write(bytes);
            rawBytes += bytes.length;
        }
    }

    /** Counts bytes on their way to the sink; closing it does not close the sink (commit does). */
    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream sink) {
            super(sink);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

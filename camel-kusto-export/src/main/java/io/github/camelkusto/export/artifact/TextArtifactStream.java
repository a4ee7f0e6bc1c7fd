package io.github.camelkusto.export.artifact;

import java.io.IOException;
import java.io.OutputStream;

import io.github.camelkusto.export.command.TextEncoding;
import io.github.camelkusto.kql.data.Batch;

/**
 * csv, tsv and json artifacts: records are encoded into a chunk of about {@code chunkSize} bytes, and the chunk
 * goes to the artifact (through gzip when compressed) when full. Before a record is added the artifact's size is
 * checked, so that the record that would cross the size limit starts the next artifact instead. Memory holds
 * the chunk, gzip's window and the sink's buffer: never an artifact.
 */
final class TextArtifactStream extends ArtifactStream {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final RecordEncoder encoder;
    private final ByteChunk chunk;
    private final int chunkSize;
    /** Records in the chunk, not yet written to the artifact. */
    private int chunkRecords;
    private Open current;

    /** The artifact being written: counted before compression (raw) and as stored. */
    private static final class Open {
        final ExportRun.NewArtifact started;
        final CountingOutputStream stored;
        final OutputStream out;
        long rawBytes;
        long records;
        long reportedStored;

        /**
         * Compressed artifacts are gzip members of about a chunk each, compressed in parallel ({@link GzipMembers})
         * at deflate's fastest level: deflate at the default level 6 was most of a compressed export's time; level
         * 1 is several times faster, the files somewhat larger, and they remain plain gzip for any reader.
         */
        Open(ExportRun.NewArtifact started, ExportRun run, int chunkSize) {
            this.started = started;
            this.stored = new CountingOutputStream(started.sink());
            this.out = run.spec.compressed()
                    ? new GzipMembers(stored, run.gzip.compressors(), chunkSize, run.gzip.membersPerWriter())
                    : stored;
        }
    }

    TextArtifactStream(ExportRun run, int chunkSize, String folder) {
        super(run, folder);
        this.encoder = run.spec.encoder(run.schema);
        this.chunkSize = chunkSize;
        this.chunk = new ByteChunk(chunkSize + chunkSize / 4);
    }

    @Override
    void write(Batch batch) throws IOException {
        long sizeLimit = run.spec.sizeLimit();
        for (int row = 0, rows = batch.rowCount(); row < rows; row++) {
            int mark = chunk.size();
            encoder.record(batch, row, chunk);
            if (current == null) {
                current = open();
            } else if (current.records + chunkRecords > 0 && current.rawBytes + chunk.size() > sizeLimit) {
                // The record does not fit: what came before it completes the artifact, it starts the next one.
                writeChunk(mark);
                commit();
                chunk.keepFrom(mark);
                current = open();
            }
            chunkRecords++;
            if (chunk.size() >= chunkSize) {
                writeChunk(chunk.size());
                chunk.clear();
                run.checkpoint();
            }
        }
    }

    @Override
    void finish() throws IOException {
        if (current != null) {
            writeChunk(chunk.size());
            chunk.clear();
            commit();
        }
    }

    @Override
    void discard() {
        chunk.clear();
        chunkRecords = 0;
        if (current != null) {
            try {
                current.started.sink().close();
            } catch (IOException ignored) {
                // the export already failed or was canceled; an uncommitted artifact is invisible either way
            }
            current = null;
        }
    }

    private Open open() throws IOException {
        Open artifact = new Open(run.start(folder), run, chunkSize);
        ByteChunk preamble = new ByteChunk(256);
        if (run.spec.encoding() == TextEncoding.UTF8_BOM) {
            preamble.write(UTF8_BOM);
        }
        if (artifact.started.hasHeader(run.spec)) {
            encoder.header(run.schema, preamble);
        }
        artifact.out.write(preamble.array(), 0, preamble.size());
        artifact.rawBytes = preamble.size();
        return artifact;
    }

    /** Writes the first {@code length} bytes of the chunk (its {@code chunkRecords} records) to the artifact. */
    private void writeChunk(int length) throws IOException {
        current.out.write(chunk.array(), 0, length);
        current.rawBytes += length;
        current.records += chunkRecords;
        report(chunkRecords);
        chunkRecords = 0;
    }

    private void report(long records) {
        long stored = current.stored.count();
        run.monitor.written(records, stored - current.reportedStored);
        current.reportedStored = stored;
    }

    private void commit() throws IOException {
        Open artifact = current;
        artifact.out.close(); // writes the last gzip members; the sink stays open until commit
        String path = artifact.started.sink().commit(artifact.records);
        current = null; // only now: an artifact whose commit failed is still discarded
        long stored = artifact.stored.count();
        run.monitor.written(0, stored - artifact.reportedStored);
        run.committed(artifact.started, new ExportedArtifact(path, artifact.records, stored));
    }
}

package io.github.camelkusto.export.artifact;

import java.io.IOException;

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
    /**
     * The chunk's first capacity: it grows to the chunk size as records come. Most queries' results are a few
     * rows, and a 1.25 MB array per writer per export was most of what a small query allocated.
     */
    private static final int FIRST_CHUNK_CAPACITY = 16 * 1024;

    private final RecordEncoder encoder;
    /** Taken from the run, given back when discarded. */
    private ByteChunk chunk;
    private final int chunkSize;
    /** Records in the chunk, not yet written to the artifact. */
    private int chunkRecords;
    private OpenArtifact current;
    /** Bytes of the current artifact before compression. */
    private long rawBytes;

    TextArtifactStream(ExportRun run, int chunkSize, String folder) {
        super(run, folder);
        this.encoder = run.spec.encoder(run.schema);
        this.chunkSize = chunkSize;
        this.chunk = run.takeChunk(FIRST_CHUNK_CAPACITY, chunkSize + chunkSize / 4);
    }

    @Override
    void write(Batch batch) throws IOException {
        long sizeLimit = run.spec.sizeLimit();
        for (int row = 0, rows = batch.rowCount(); row < rows; row++) {
            int mark = chunk.size();
            encoder.record(batch, row, chunk);
            if (current == null) {
                current = open();
            } else if (current.records + chunkRecords > 0 && rawBytes + chunk.size() > sizeLimit) {
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
        if (chunk != null) {
            run.giveChunk(chunk);
            chunk = null;
        }
        chunkRecords = 0;
        if (current != null) {
            current.discard();
            current = null;
        }
    }

    private OpenArtifact open() throws IOException {
        OpenArtifact artifact = new OpenArtifact(run.start(folder), run, chunkSize);
        ByteChunk preamble = new ByteChunk(256);
        if (run.spec.encoding() == TextEncoding.UTF8_BOM) {
            preamble.write(UTF8_BOM);
        }
        if (artifact.started.hasHeader(run.spec)) {
            encoder.header(run.schema, preamble);
        }
        artifact.out.write(preamble.array(), 0, preamble.size());
        rawBytes = preamble.size();
        return artifact;
    }

    /** Writes the first {@code length} bytes of the chunk (its {@code chunkRecords} records) to the artifact. */
    private void writeChunk(int length) throws IOException {
        current.out.write(chunk.array(), 0, length);
        rawBytes += length;
        current.records += chunkRecords;
        current.report(run, chunkRecords);
        chunkRecords = 0;
    }

    private void commit() throws IOException {
        current.commit(run);
        current = null; // only now: an artifact whose commit failed is still discarded
    }
}

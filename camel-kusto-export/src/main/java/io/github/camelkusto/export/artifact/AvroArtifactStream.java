package io.github.camelkusto.export.artifact;

import java.io.IOException;

import io.github.camelkusto.kql.data.Batch;
import org.apache.avro.file.DataFileWriter;

/**
 * Avro object container files through Avro's streaming {@link DataFileWriter}, straight into the artifact's sink.
 * Records are buffered into a data block of about the writer's chunk size, which is compressed with the spec's
 * codec and written out whole; the artifact ends after the first block that takes it to the size limit
 * ({@link BlockArtifactStream}).
 */
final class AvroArtifactStream extends BlockArtifactStream<DataFileWriter<RowCursor>> {
    private final RowCursor cursor = new RowCursor();
    private final AvroRows rows;
    private final int blockSize;

    /** @param blockSize uncompressed bytes of records in a data block (Avro's sync interval) */
    AvroArtifactStream(ExportRun run, int blockSize, String folder) {
        super(run, folder);
        this.rows = new AvroRows(run.schema);
        this.blockSize = blockSize;
    }

    @Override
    DataFileWriter<RowCursor> open(ExportRun.NewArtifact started, CountingOutputStream out, Batch batch,
            int firstRow) throws IOException {
        DataFileWriter<RowCursor> writer = new DataFileWriter<>(rows);
        writer.setCodec(AvroCompression.codec(run.spec.avro().codec()));
        writer.setSyncInterval(blockSize);
        return writer.create(rows.schema(), out);
    }

    @Override
    int append(DataFileWriter<RowCursor> writer, Batch batch, int row) throws IOException {
        writer.append(cursor.at(batch, row));
        return 1;
    }
}

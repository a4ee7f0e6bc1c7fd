package io.github.camelkusto.export.artifact;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.format.ParquetCodecs;
import io.github.camelkusto.kql.types.KqlType;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Parquet artifacts through parquet-java's {@link ParquetWriter}, streaming into the artifact's sink (no local
 * file, no Hadoop: a {@link PlainParquetConfiguration} and {@link ParquetCodecs}). A row group ends after
 * {@code parquetRowGroupSize} records, or earlier at {@link #ROW_GROUP_BYTES} of buffered data, which bounds the
 * memory a writer holds; the artifact ends after the first row group that takes it to the size limit.
 */
final class ParquetArtifactStream extends ArtifactStream {
    /** At most this much of a row group is buffered in memory before it is written out. */
    static final long ROW_GROUP_BYTES = 64L * 1024 * 1024;

    private final ParquetRows.Cursor cursor = new ParquetRows.Cursor();
    private final ParquetCodecs codecs = new ParquetCodecs();
    private Open current;

    private static final class Open {
        final ExportRun.NewArtifact started;
        final SinkFile file;
        final ParquetWriter<ParquetRows.Cursor> writer;
        long records;
        long reportedRecords;
        long reportedBytes;

        Open(ExportRun.NewArtifact started, SinkFile file, ParquetWriter<ParquetRows.Cursor> writer) {
            this.started = started;
            this.file = file;
            this.writer = writer;
        }
    }

    ParquetArtifactStream(ExportRun run, String folder) {
        super(run, folder);
    }

    @Override
    void write(Batch batch) throws IOException {
        cursor.batch = batch;
        for (int row = 0, rows = batch.rowCount(); row < rows; row++) {
            if (current == null) {
                current = open(batch, row);
            }
            cursor.row = row;
            current.writer.write(cursor);
            current.records++;
            long written = current.file.position();
            if (written != current.reportedBytes) { // a row group went out
                report();
                if (written >= run.spec.sizeLimit()) {
                    commit();
                }
                run.checkpoint();
            }
        }
        cursor.batch = null;
    }

    @Override
    void finish() throws IOException {
        if (current != null) {
            commit();
        }
    }

    @Override
    void discard() {
        if (current != null) {
            try {
                current.started.sink().close(); // the writer's buffered row group is dropped with it
            } catch (IOException ignored) {
                // the export already failed or was canceled; an uncommitted artifact is invisible either way
            }
            current = null;
        }
    }

    private Open open(Batch batch, int firstRow) throws IOException {
        ExportRun.NewArtifact started = run.start(folder);
        SinkFile file = new SinkFile(started);
        var parquet = run.spec.parquet();
        Builder builder = new Builder(file, new ParquetRows(run.schema, parquet.datetimePrecision()));
        for (int c = 0; c < run.schema.size(); c++) {
            // Dictionary pages for text columns only, where repeated values (levels, names, categories) are the
            // rule; for numbers and datetimes the dictionary's hash map was a leading cost of the parquet export
            // when profiled (mostly distinct values: ids, timestamps, measures), for little size gained.
            var column = run.schema.column(c);
            boolean text = column.type() == KqlType.STRING || column.type() == KqlType.DYNAMIC;
            builder.withDictionaryEncoding(column.name(), text
                    && mostlyRepeated(batch.column(c), firstRow, batch.rowCount()));
        }
        ParquetWriter<ParquetRows.Cursor> writer = builder
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(codecs)
                .withCompressionCodec(parquet.codec().map(ParquetCompression::parquetName)
                        .orElse(CompressionCodecName.UNCOMPRESSED))
                .withRowGroupRowCountLimit(parquet.rowGroupSize())
                .withRowGroupSize(ROW_GROUP_BYTES)
                .build();
        Open artifact = new Open(started, file, writer);
        artifact.reportedBytes = file.position(); // parquet's leading magic bytes
        run.monitor.written(0, artifact.reportedBytes);
        return artifact;
    }

    /** Rows sampled to decide whether a text column gets dictionary pages. */
    private static final int DICTIONARY_SAMPLE = 1024;
    /** Fewer rows left in the batch than this tell too little: parquet-java's own fallback decides then. */
    private static final int DICTIONARY_MIN_SAMPLE = 64;

    /**
     * Whether the artifact's first rows repeat their values of the column (at most half of them distinct), so that
     * a dictionary pays. Mostly distinct text (messages, ids) would only fill parquet-java's dictionary until it
     * gives up on it, in every row group: the leading cost of the parquet export when profiled; deciding here made
     * it about 10% faster on the benchmark's rows, with the same file.
     */
    private static boolean mostlyRepeated(Vector column, int from, int to) {
        int end = Math.min(to, from + DICTIONARY_SAMPLE);
        if (end - from < DICTIONARY_MIN_SAMPLE) {
            return true;
        }
        Set<Object> distinct = new HashSet<>();
        for (int row = from; row < end; row++) {
            distinct.add(column.isNull(row) ? null : column.getObject(row));
        }
        return distinct.size() * 2 <= end - from;
    }

    private void report() {
        long written = current.file.position();
        run.monitor.written(current.records - current.reportedRecords, written - current.reportedBytes);
        current.reportedRecords = current.records;
        current.reportedBytes = written;
    }

    private void commit() throws IOException {
        current.writer.close(); // the last row group and the footer
        String path = current.started.sink().commit();
        report();
        Open artifact = current;
        current = null;
        run.committed(artifact.started, new ExportedArtifact(path, artifact.records, artifact.file.position()));
    }

    private static final class Builder extends ParquetWriter.Builder<ParquetRows.Cursor, Builder> {
        private final ParquetRows rows;

        Builder(OutputFile file, ParquetRows rows) {
            super(file);
            this.rows = rows;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<ParquetRows.Cursor> getWriteSupport(ParquetConfiguration configuration) {
            return rows;
        }

        /** The Hadoop variant parquet-java still declares; never called with a {@link PlainParquetConfiguration}. */
        @Override
        protected WriteSupport<ParquetRows.Cursor> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return rows;
        }
    }

    /** The artifact's sink as parquet's output file: parquet closes the stream at the end, which only flushes. */
    private static final class SinkFile implements OutputFile {
        private final ExportRun.NewArtifact started;
        private final CountingOutputStream out;

        SinkFile(ExportRun.NewArtifact started) {
            this.started = started;
            this.out = new CountingOutputStream(started.sink());
        }

        long position() {
            return out.count();
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                @Override
                public long getPos() {
                    return out.count();
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.close();
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }

        @Override
        public String getPath() {
            return started.name();
        }
    }
}

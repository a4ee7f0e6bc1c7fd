package io.github.camelkusto.export.artifact;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.format.BlockCompressor;
import io.github.camelkusto.kql.format.ParquetCodecs;
import io.github.camelkusto.kql.types.KqlType;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Parquet artifacts through parquet-java's file and column writers ({@link ParquetArtifactFile}), streaming into the
 * artifact's sink (no local file, no Hadoop: {@link ParquetCodecs} compresses the pages). A row group ends after
 * {@code parquetRowGroupSize} records, or earlier at {@link #ROW_GROUP_BYTES} of buffered data, which bounds the
 * memory a writer holds; the artifact ends after the first row group that takes it to the size limit
 * ({@link BlockArtifactStream}).
 */
final class ParquetArtifactStream extends BlockArtifactStream<ParquetArtifactFile> {
    /** At most this much of a row group is buffered in memory before it is written out. */
    static final long ROW_GROUP_BYTES = 64L * 1024 * 1024;

    private final ParquetCodecs codecs = new ParquetCodecs();
    private final boolean nativeSnappy;

    ParquetArtifactStream(ExportRun run, String folder) {
        this(run, folder, NativeSnappy.AVAILABLE);
    }

    /** @param nativeSnappy whether snappy pages are compressed by {@link NativeSnappy} (else by aircompressor) */
    ParquetArtifactStream(ExportRun run, String folder, boolean nativeSnappy) {
        super(run, folder);
        this.nativeSnappy = nativeSnappy;
    }

    @Override
    int append(ParquetArtifactFile writer, Batch batch, int row) throws IOException {
        return writer.write(batch, row);
    }

    @Override
    ParquetArtifactFile open(ExportRun.NewArtifact started, CountingOutputStream out, Batch batch, int firstRow)
            throws IOException {
        var parquet = run.spec.parquet();
        // No page checksums (optional in parquet, not written by DuckDB or Spark either): parquet-java gathers each
        // compressed page into a new array to compute one, a copy of every page.
        ParquetProperties.Builder properties = ParquetProperties.builder()
                .withRowGroupRowCountLimit(parquet.rowGroupSize())
                .withPageWriteChecksumEnabled(false);
        boolean[] dictionary = new boolean[run.schema.size()];
        for (int c = 0; c < dictionary.length; c++) {
            // Dictionary pages for text columns only, where repeated values (levels, names, categories) are the
            // rule; for numbers and datetimes the dictionary's hash map was a leading cost of the parquet export
            // when profiled (mostly distinct values: ids, timestamps, measures), for little size gained.
            var column = run.schema.column(c);
            boolean text = column.type() == KqlType.STRING || column.type() == KqlType.DYNAMIC;
            dictionary[c] = text && mostlyRepeated(batch.column(c), firstRow, batch.rowCount());
            properties.withDictionaryEncoding(column.name(), dictionary[c]);
        }
        CompressionCodecName codec = parquet.codec().map(ParquetCompression::parquetName)
                .orElse(CompressionCodecName.UNCOMPRESSED);
        ParquetColumnPool.Key key = new ParquetColumnPool.Key(codec, dictionary);
        ParquetColumnPool.Columns columns = run.parquetColumns.take(key, () -> ParquetArtifactFile.columns(key,
                new ParquetRows(run.schema, parquet.datetimePrecision(),
                        parquet.deltaEncoding()), () -> compressor(codec)));
        return new ParquetArtifactFile(new SinkFile(started.name(), out), columns, properties.build(),
                ROW_GROUP_BYTES, run.gzip.compressors(), run.parquetColumns::give);
    }

    /** snappy-java's native snappy where it is to be used ({@link NativeSnappy}), else {@link ParquetCodecs}. */
    private CompressionCodecFactory.BytesInputCompressor compressor(CompressionCodecName codec) {
        return codec == CompressionCodecName.SNAPPY && nativeSnappy
                ? new BlockCompressor(codec, new NativeSnappy()) : codecs.getCompressor(codec);
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

    /** The artifact's sink as parquet's output file: parquet closes the stream at the end, which only flushes. */
    private static final class SinkFile implements OutputFile {
        private final String name;
        private final CountingOutputStream out;

        SinkFile(String name, CountingOutputStream out) {
            this.name = name;
            this.out = out;
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
            return name;
        }
    }
}

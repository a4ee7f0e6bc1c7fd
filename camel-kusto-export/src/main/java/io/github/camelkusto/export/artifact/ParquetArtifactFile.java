package io.github.camelkusto.export.artifact;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.camelkusto.kql.data.Batch;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.OutputFile;

/**
 * One parquet file written batch by batch, column by column, on parquet-java's own parts: its
 * {@link ParquetFileWriter} (file layout, footer, page indexes), {@link ColumnChunkPageWriteStore} (pages,
 * compression) and, for other columns, its column writers from {@link ParquetProperties}; longs, datetimes
 * and strings (with a dictionary or not) are encoded into {@link PlainPages}. What {@code ParquetWriter} adds on top, a record at a
 * time through a RecordConsumer, is replaced by {@link ParquetColumnChunk}s, one per column, each writing its
 * column of a batch at a time: they share nothing until the row group is written out, so a batch's columns are
 * encoded in parallel on the executor (the calling thread takes one of them). A row group ends at
 * {@code rowGroupRows} records or {@code rowGroupBytes} buffered, as {@code ParquetWriter} ends them.
 */
final class ParquetArtifactFile implements Closeable {
    /** At most this much of the finished pages' buffers is kept for the next row group's pages, all columns. */
    private static final long POOLED_PAGE_BYTES = 32L * 1024 * 1024;

    private final ParquetFileWriter file;
    private final ParquetProperties properties;
    private final ParquetColumnPool.Columns pooled;
    private final ParquetColumnChunk[] columns;
    private final Consumer<ParquetColumnPool.Columns> done;
    private final Executor executor;
    private final int rowGroupRows;
    private final long rowGroupBytes;
    private long groupRecords;

    /**
     * @param columns  the file's column chunks ({@link #columns}), made for {@code properties}
     * @param done     takes the column chunks back once the file ended well
     * @param executor encodes columns besides the calling thread; {@code Runnable::run} for one thread
     */
    ParquetArtifactFile(OutputFile out, ParquetColumnPool.Columns columns, ParquetProperties properties,
            long rowGroupBytes, Executor executor, Consumer<ParquetColumnPool.Columns> done) throws IOException {
        this.executor = executor;
        this.properties = properties;
        this.pooled = columns;
        this.columns = columns.chunks();
        this.done = done;
        this.rowGroupRows = properties.getRowGroupRowCountLimit();
        this.rowGroupBytes = rowGroupBytes;
        this.file = new ParquetFileWriter(out, columns.rows().schema(), ParquetFileWriter.Mode.CREATE, rowGroupBytes,
                0, null, properties);
        file.start();
        startRowGroup();
    }

    /**
     * New column chunks for files of {@code rows} whose columns have dictionary pages where {@code key} says, each
     * with a compressor of its own from {@code compressors}.
     */
    static ParquetColumnPool.Columns columns(ParquetColumnPool.Key key, ParquetRows rows,
            Supplier<BytesInputCompressor> compressors) {
        int count = rows.schema().getColumns().size();
        ParquetColumnChunk[] chunks = new ParquetColumnChunk[count];
        for (int c = 0; c < count; c++) {
            chunks[c] = new ParquetColumnChunk(c, rows, key.dictionary()[c], compressors.get(),
                    POOLED_PAGE_BYTES / count);
        }
        return new ParquetColumnPool.Columns(key, rows, chunks);
    }

    /**
     * Writes rows from {@code from} on, to the end of the batch or of the row group, whichever comes first; returns
     * how many. A full row group goes out to the file before this returns.
     */
    int write(Batch batch, int from) throws IOException {
        int to = (int) Math.min(batch.rowCount(), from + (rowGroupRows - groupRecords));
        eachColumn(column -> column.write(batch, from, to));
        groupRecords += to - from;
        if (groupRecords >= rowGroupRows || bufferedSize() >= rowGroupBytes) {
            flushRowGroup();
            startRowGroup();
        }
        return to - from;
    }

    /** Writes the last row group and the footer; the file's stream is closed (for a sink, only flushed). */
    @Override
    public void close() throws IOException {
        flushRowGroup();
        file.end(Map.of(ParquetWriter.OBJECT_MODEL_NAME_PROP, "kusto-export"));
        done.accept(pooled);
    }

    private long bufferedSize() {
        long size = 0;
        for (ParquetColumnChunk column : columns) {
            size += column.bufferedSize();
        }
        return size;
    }

    private void startRowGroup() {
        for (ParquetColumnChunk column : columns) {
            column.start(properties);
        }
        groupRecords = 0;
    }

    private void flushRowGroup() throws IOException {
        try {
            if (groupRecords > 0) {
                eachColumn(ParquetColumnChunk::finishPages);
                file.startBlock(groupRecords);
                for (ParquetColumnChunk column : columns) {
                    column.writeTo(file);
                }
                file.endBlock();
            }
        } finally {
            for (ParquetColumnChunk column : columns) {
                column.close();
            }
        }
    }

    /** One column's share of the work. */
    @FunctionalInterface
    private interface ColumnWork {
        void run(ParquetColumnChunk column) throws IOException;
    }

    /** Runs {@code work} on every column, the first on this thread and the others on the executor; waits for all. */
    private void eachColumn(ColumnWork work) throws IOException {
        CompletableFuture<?>[] others = new CompletableFuture<?>[columns.length - 1];
        for (int c = 1; c < columns.length; c++) {
            ParquetColumnChunk column = columns[c];
            others[c - 1] = CompletableFuture.runAsync(() -> {
                try {
                    work.run(column);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, executor);
        }
        IOException failure = null;
        try {
            work.run(columns[0]);
        } catch (IOException e) {
            failure = e;
        }
        try {
            CompletableFuture.allOf(others).join();
        } catch (CompletionException e) {
            if (failure == null) {
                Throwable cause = e.getCause();
                if (cause instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}

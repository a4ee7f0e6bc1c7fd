package io.github.camelkusto.export.artifact;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelkusto.kql.data.Batch;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * One parquet file written batch by batch, column by column, on parquet-java's own parts: its
 * {@link ParquetFileWriter} (file layout, footer, page indexes), {@link ColumnChunkPageWriteStore} (pages,
 * compression, checksums) and column writers (encodings, dictionaries, statistics) from {@link ParquetProperties}.
 * What {@code ParquetWriter} adds on top, a record at a time through a RecordConsumer, is replaced by
 * {@link ParquetRows#write}: the same row groups, written a slice of rows at a time per column. A row group ends at
 * {@code rowGroupRows} records or {@code rowGroupBytes} buffered, as {@code ParquetWriter} ends them.
 */
final class ParquetArtifactFile implements Closeable {
    /** Rows written per column before the next column: small enough for the vectors' slices to stay in cache. */
    private static final int SLICE = 1024;

    private final ParquetFileWriter file;
    private final ParquetRows rows;
    private final ParquetProperties properties;
    private final BytesInputCompressor compressor;
    private final int rowGroupRows;
    private final long rowGroupBytes;
    private ColumnChunkPageWriteStore pages;
    private ColumnWriteStore columns;
    private ColumnWriter[] writers;
    private PlainPages[] plain;
    private long groupRecords;

    ParquetArtifactFile(OutputFile out, ParquetRows rows, ParquetProperties properties, BytesInputCompressor compressor,
            long rowGroupBytes) throws IOException {
        this.rows = rows;
        this.properties = properties;
        this.compressor = compressor;
        this.rowGroupRows = properties.getRowGroupRowCountLimit();
        this.rowGroupBytes = rowGroupBytes;
        this.file = new ParquetFileWriter(out, rows.schema(), ParquetFileWriter.Mode.CREATE, rowGroupBytes, 0, null,
                properties);
        file.start();
        startRowGroup();
    }

    /**
     * Writes rows from {@code from} on, to the end of the batch or of the row group, whichever comes first; returns
     * how many. A full row group goes out to the file before this returns.
     */
    int write(Batch batch, int from) throws IOException {
        int to = (int) Math.min(batch.rowCount(), from + Math.min(SLICE, rowGroupRows - groupRecords));
        rows.write(writers, plain, batch, from, to);
        if (columns != null) {
            for (int row = from; row < to; row++) {
                columns.endRecord();
            }
        }
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
    }

    private long bufferedSize() {
        long size = columns == null ? 0 : columns.getBufferedSize();
        for (PlainPages column : plain) {
            size += column == null ? 0 : column.bufferedSize();
        }
        return size;
    }

    /**
     * Columns with plain pages of their own ({@link ParquetRows#plainPages}) are encoded here; the others go
     * through parquet-java's column writers, made for just those columns (none when every column is plain). All
     * hand their pages to one page store, which writes the chunks in the schema's order.
     */
    private void startRowGroup() {
        MessageType schema = rows.schema();
        pages = new ColumnChunkPageWriteStore(compressor, schema, properties.getAllocator(),
                properties.getColumnIndexTruncateLength(), properties.getPageWriteChecksumEnabled());
        var descriptors = schema.getColumns();
        writers = new ColumnWriter[descriptors.size()];
        plain = new PlainPages[descriptors.size()];
        List<Type> written = new ArrayList<>();
        for (int c = 0; c < writers.length; c++) {
            ColumnDescriptor column = descriptors.get(c);
            plain[c] = rows.plainPages(c, column, pages.getPageWriter(column), properties.isDictionaryEnabled(column));
            if (plain[c] == null) {
                written.add(schema.getType(c));
            }
        }
        columns = written.isEmpty() ? null
                : properties.newColumnWriteStore(new MessageType(schema.getName(), written), pages, pages);
        for (int c = 0; c < writers.length; c++) {
            if (plain[c] == null) {
                writers[c] = columns.getColumnWriter(descriptors.get(c));
            }
        }
        groupRecords = 0;
    }

    private void flushRowGroup() throws IOException {
        if (groupRecords > 0) {
            file.startBlock(groupRecords);
            if (columns != null) {
                columns.flush();
            }
            for (PlainPages column : plain) {
                if (column != null) {
                    column.flush();
                }
            }
            pages.flushToFileWriter(file);
            file.endBlock();
        }
        if (columns != null) {
            columns.close();
        }
        pages.close();
    }
}

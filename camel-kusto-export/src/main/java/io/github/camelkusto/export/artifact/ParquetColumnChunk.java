package io.github.camelkusto.export.artifact;

import java.io.IOException;

import io.github.camelkusto.kql.data.Batch;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.schema.MessageType;

/**
 * One column of a parquet file's row groups, with everything it writes into of its own: a page store (parquet-java's
 * {@link ColumnChunkPageWriteStore}: page headers, compression, column and offset indexes) with its own compressor
 * and page buffers, and either {@link PlainPages} or parquet-java's column writer (other types) on a column store
 * of this column alone. So the columns of a row group share nothing until they are written to the file, in the
 * schema's order, and can be encoded on several threads at once. Its buffers and compressor serve file after file
 * of an export ({@link ParquetColumnPool}). Not thread-safe itself: one thread at a time.
 */
final class ParquetColumnChunk {
    private final int index;
    private final ColumnDescriptor column;
    private final MessageType schema;
    private final ParquetRows rows;
    private final BytesInputCompressor compressor;
    private final PageBufferPool buffers;
    private final PlainPages plain;
    private ColumnChunkPageWriteStore pages;
    private ColumnWriteStore store;
    private ColumnWriter writer;

    /** @param dictionary whether the column has dictionary pages (as the files' properties say) */
    ParquetColumnChunk(int index, ParquetRows rows, boolean dictionary, BytesInputCompressor compressor,
            long pooledBytes) {
        this.index = index;
        this.rows = rows;
        this.compressor = compressor;
        this.buffers = new PageBufferPool(pooledBytes);
        MessageType file = rows.schema();
        this.column = file.getColumns().get(index);
        this.schema = new MessageType(file.getName(), file.getType(index));
        this.plain = rows.plainPages(index, column, dictionary);
    }

    /** Starts the column's chunk of a new row group of a file written with {@code properties}. */
    void start(ParquetProperties properties) {
        pages = new ColumnChunkPageWriteStore(compressor, schema, buffers, properties.getColumnIndexTruncateLength(),
                properties.getPageWriteChecksumEnabled());
        if (plain != null) {
            plain.startRowGroup(pages.getPageWriter(column));
        } else {
            store = properties.newColumnWriteStore(schema, pages, pages);
            writer = store.getColumnWriter(column);
        }
    }

    /** Writes rows {@code [from, to)} of this column of {@code batch}, each a record of its own. */
    void write(Batch batch, int from, int to) throws IOException {
        rows.writeColumn(index, plain, writer, batch.column(index), from, to);
        if (store != null) {
            for (int row = from; row < to; row++) {
                store.endRecord();
            }
        }
    }

    /** The chunk's bytes in memory so far. */
    long bufferedSize() {
        return plain != null ? plain.bufferedSize() : store.getBufferedSize();
    }

    /** Ends the chunk's last page (compressed, like the others); {@link #writeTo} then writes the chunk. */
    void finishPages() throws IOException {
        if (plain != null) {
            plain.flush();
        } else {
            store.flush();
        }
    }

    void writeTo(ParquetFileWriter file) throws IOException {
        pages.flushToFileWriter(file);
    }

    /** Releases the row group's buffers (kept for the next row group's pages, up to a bound). */
    void close() {
        if (store != null) {
            store.close();
            store = null;
        }
        pages.close();
    }
}

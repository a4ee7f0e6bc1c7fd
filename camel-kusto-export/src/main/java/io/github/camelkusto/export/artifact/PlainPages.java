package io.github.camelkusto.export.artifact;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.SizeStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridValuesWriter;
import org.apache.parquet.io.api.Binary;

/**
 * One optional, non-repeated column of a row group encoded here into PLAIN data pages (v1: RLE definition levels,
 * then the values), and handed to parquet-java's page writer, which compresses them and builds the column index,
 * offset index and chunk statistics as for its own pages. parquet-java's column writers do the same work value by
 * value through several interfaces (levels, values, statistics, size statistics, bloom filter), about 30 ns per
 * long and more per string when profiled; here a whole slice of a vector is one loop over its storage. Pages end
 * at 240 KB of values or parquet-java's default 20,000 rows.
 */
abstract class PlainPages {
    private static final int PAGE_ROWS = ParquetProperties.DEFAULT_PAGE_ROW_COUNT_LIMIT;
    private static final VarHandle BIG_ENDIAN_LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.BIG_ENDIAN);
    /**
     * Values' bytes a page ends at. Below parquet-java's default (1 MB): a page and its compressed copy are then
     * smaller than half of G1's region on common heaps, not "humongous" objects, which were a leading cost; and with
     * its header and the last stride of values a page still fits the 256 KB buffers of {@link PageBufferPool}.
     */
    private static final int PAGE_BYTES = 240 * 1024;

    final ColumnDescriptor column;
    private PageWriter pages;
    private final RunLengthBitPackingHybridValuesWriter definitions;
    byte[] values = new byte[64 * 1024];
    int size;
    private int rows;
    int nulls;
    /** Bytes of the page's values before encoding, for BYTE_ARRAY columns' size statistics; 0 for others. */
    long unencoded;
    private long handedOver;

    PlainPages(ColumnDescriptor column) {
        this.column = column;
        this.definitions = new RunLengthBitPackingHybridValuesWriter(1, 1024, PAGE_BYTES,
                HeapByteBufferAllocator.getInstance());
    }

    /** Starts the column's chunk of the next row group, whose pages go to {@code pages}; the buffers are kept. */
    void startRowGroup(PageWriter rowGroupPages) {
        this.pages = rowGroupPages;
        handedOver = 0;
    }

    /** The page writer of the chunk being written. */
    final PageWriter pages() {
        return pages;
    }

    /**
     * A present value's definition level (its bytes are written by the subclass). Until a page's first null its
     * levels are only counted, and written as one run when the page ends or the null comes: most pages have no null,
     * and the encoder's call per value was a tenth of the parquet export's samples.
     */
    final void present() {
        if (nulls > 0) {
            definitions.writeInteger(1);
        }
        rows++;
    }

    final void absent() {
        if (nulls == 0) {
            for (int row = 0; row < rows; row++) {
                definitions.writeInteger(1);
            }
        }
        definitions.writeInteger(0);
        rows++;
        nulls++;
    }

    /**
     * The open page's definition levels: RLE/bit-packed behind their length, as parquet-java's encoder writes them;
     * with no null one RLE run of {@code rows} ones (a run's header is its length shifted left by one, as a ULEB128
     * varint, then the value in one byte).
     */
    private BytesInput definitionLevels() throws IOException {
        if (nulls > 0) {
            return definitions.getBytes();
        }
        byte[] run = new byte[Integer.BYTES + 5 + 1];
        int at = Integer.BYTES;
        for (int header = rows << 1; ; header >>>= 7) {
            if ((header & ~0x7F) == 0) {
                run[at++] = (byte) header;
                break;
            }
            run[at++] = (byte) ((header & 0x7F) | 0x80);
        }
        run[at++] = 1;
        int length = at - Integer.BYTES;
        for (int b = 0; b < Integer.BYTES; b++) {
            run[b] = (byte) (length >>> (8 * b)); // little-endian
        }
        return BytesInput.from(run, 0, at);
    }

    /** Room for {@code bytes} more bytes of values. */
    final void reserve(int bytes) {
        if (values.length - size < bytes) {
            values = Arrays.copyOf(values, Math.max(values.length * 2, size + bytes));
        }
    }

    /** Ends the page when it reached a limit; called between values. */
    final void endPageIfFull() throws IOException {
        if (rows >= PAGE_ROWS || size >= PAGE_BYTES) {
            endPage();
        }
    }

    /** This chunk's bytes in memory: pages handed over (before compression) and the open page. */
    long bufferedSize() {
        return handedOver + size + definitions.getBufferedSize();
    }

    /** Writes the open page, if any; the row group is then complete for this column. */
    void flush() throws IOException {
        endOpenPage();
    }

    /** Writes the open page, if it has rows. */
    final void endOpenPage() throws IOException {
        if (rows > 0) {
            endPage();
        }
    }

    /** The open page's values, encoded; PLAIN: the bytes written into {@code values}. */
    BytesInput pageValues() throws IOException {
        return BytesInput.from(values, 0, size);
    }

    /** How {@link #pageValues} are encoded. */
    Encoding valueEncoding() {
        return Encoding.PLAIN;
    }

    /** The open page's statistics, min and max being kept by the subclass. */
    abstract Statistics<?> statistics();

    /**
     * Statistics of a page of byte arrays whose least and greatest values are at those places of {@code bytes}
     * (copied by parquet-java: the buffer is reused), none when {@code minAt} is negative.
     */
    final Statistics<?> byteArrayStatistics(byte[] bytes, int minAt, int minLength, int maxAt, int maxLength) {
        Statistics<?> statistics = Statistics.createStats(column.getPrimitiveType());
        if (minAt >= 0) {
            statistics.updateStats(Binary.fromReusedByteArray(bytes, minAt, minLength));
            statistics.updateStats(Binary.fromReusedByteArray(bytes, maxAt, maxLength));
        }
        statistics.incrementNumNulls(nulls);
        return statistics;
    }

    abstract void resetStatistics();

    /**
     * Compares two byte ranges of {@code bytes} unsigned, as parquet orders UTF8: 8 bytes at a time (big-endian, so
     * that the first differing byte decides), then byte by byte. About a third faster than
     * {@code Arrays.compareUnsigned} on short text, which is compared once or twice a value for page statistics.
     */
    static int compareBytes(byte[] bytes, int a, int aLength, int b, int bLength) {
        int common = Math.min(aLength, bLength);
        int i = 0;
        for (; i + Long.BYTES <= common; i += Long.BYTES) {
            long x = (long) BIG_ENDIAN_LONGS.get(bytes, a + i);
            long y = (long) BIG_ENDIAN_LONGS.get(bytes, b + i);
            if (x != y) {
                return Long.compareUnsigned(x, y);
            }
        }
        for (; i < common; i++) {
            int difference = (bytes[a + i] & 0xFF) - (bytes[b + i] & 0xFF);
            if (difference != 0) {
                return difference;
            }
        }
        return aLength - bLength;
    }

    private void endPage() throws IOException {
        BytesInput bytes = BytesInput.concat(definitionLevels(), pageValues());
        Statistics<?> statistics = statistics();
        SizeStatistics sizes = new SizeStatistics(column.getPrimitiveType(), unencoded, new ArrayList<>(),
                new ArrayList<>()); // max levels 0 and 1: parquet omits both histograms
        handedOver += bytes.size();
        pages.writePage(bytes, rows, rows, statistics, sizes, null, Encoding.BIT_PACKED, Encoding.RLE,
                valueEncoding());
        definitions.reset();
        size = 0;
        rows = 0;
        nulls = 0;
        unencoded = 0;
        resetStatistics();
    }
}

package io.github.camelkusto.export.artifact;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import io.github.camelkusto.kql.data.LongVector;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForLong;

/**
 * An INT64 column (long, timespan ticks, datetime in its unit) in DELTA_BINARY_PACKED pages, as ADX's native
 * parquet writer ({@code useNativeParquetWriter=true}, its default) writes them, or PLAIN pages (8 bytes
 * little-endian a value) for readers without delta encodings ({@code useNativeParquetWriter=false}: Spark's
 * vectorized reader before 3.3, Parquet.Net before 4.16). The values are collected 8 bytes a value; for delta pages
 * they are encoded as a page ends by parquet-java's delta encoder (blocks of 128 values,
 * each the difference from the previous one less the block's least difference, bit-packed). Ids, counters and
 * timestamps, mostly increasing by similar steps, take a few bits a value instead of 64: with PLAIN pages, snappy
 * compressing the long columns (about 1 GB/s, 2:1 on such values) was the largest part of the snappy export's
 * compression when profiled, and the uncompressed files were nearly twice as large (more bytes copied, written).
 * Random values cost about as much room as PLAIN.
 */
final class LongPages extends PlainPages {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    /** Rows written between two checks of the page's limits. */
    private static final int STRIDE = 256;

    /** parquet-java's defaults: blocks of 128 values in 4 miniblocks. */
    private static final int BLOCK_VALUES = 128;
    private static final int MINIBLOCKS = 4;

    private final long divisor;
    /** The page's delta encoder, its buffers kept from page to page; null for PLAIN pages. */
    private final DeltaBinaryPackingValuesWriterForLong deltas;
    private long min;
    private long max;
    private boolean any;

    /**
     * Each value is divided by {@code divisor}, rounded down (datetime ticks to the column's unit); {@code delta}:
     * DELTA_BINARY_PACKED pages, else PLAIN.
     */
    LongPages(ColumnDescriptor column, long divisor, boolean delta) {
        super(column);
        this.divisor = divisor;
        this.deltas = delta ? new DeltaBinaryPackingValuesWriterForLong(BLOCK_VALUES, MINIBLOCKS, 1024,
                1024 * 1024, new PageBufferPool(1024 * 1024)) : null;
        resetStatistics();
    }

    void write(LongVector v, int from, int to) throws IOException {
        long[] storage = v.values();
        boolean[] nullMask = v.nulls();
        int mask = v.mask();
        for (int start = from; start < to; start += STRIDE) {
            int end = Math.min(to, start + STRIDE);
            reserve((end - start) * Long.BYTES);
            long lo = min;
            long hi = max;
            boolean seen = any;
            for (int row = start; row < end; row++) {
                if (nullMask != null && nullMask[row & mask]) {
                    absent();
                    continue;
                }
                long value = divisor == 1 ? storage[row & mask] : Math.floorDiv(storage[row & mask], divisor);
                LONGS.set(values, size, value);
                size += Long.BYTES;
                lo = Math.min(lo, value);
                hi = Math.max(hi, value);
                seen = true;
                present();
            }
            min = lo;
            max = hi;
            any = seen;
            endPageIfFull();
        }
    }

    /**
     * The page's values, delta-encoded unless PLAIN; the encoder's bytes are copied by the page writer before the
     * next page.
     */
    @Override
    BytesInput pageValues() throws IOException {
        if (deltas == null) {
            return super.pageValues();
        }
        deltas.reset();
        byte[] page = values;
        for (int at = 0; at < size; at += Long.BYTES) {
            deltas.writeLong((long) LONGS.get(page, at));
        }
        return deltas.getBytes();
    }

    @Override
    Encoding valueEncoding() {
        return deltas == null ? Encoding.PLAIN : Encoding.DELTA_BINARY_PACKED;
    }

    @Override
    Statistics<?> statistics() {
        Statistics<?> statistics = Statistics.createStats(column.getPrimitiveType());
        if (any) {
            statistics.updateStats(min);
            statistics.updateStats(max);
        }
        statistics.incrementNumNulls(nulls);
        return statistics;
    }

    @Override
    void resetStatistics() {
        min = Long.MAX_VALUE;
        max = Long.MIN_VALUE;
        any = false;
    }
}

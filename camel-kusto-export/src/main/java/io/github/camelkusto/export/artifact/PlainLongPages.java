package io.github.camelkusto.export.artifact;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import io.github.camelkusto.kql.data.LongVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.statistics.Statistics;

/** An INT64 column (long, timespan ticks, datetime in its unit) in PLAIN pages: 8 bytes little-endian a value. */
final class PlainLongPages extends PlainPages {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    /** Rows written between two checks of the page's limits. */
    private static final int STRIDE = 256;

    private final long divisor;
    private long min;
    private long max;
    private boolean any;

    /** Each value is divided by {@code divisor}, rounded down (datetime ticks to the column's unit). */
    PlainLongPages(ColumnDescriptor column, long divisor) {
        super(column);
        this.divisor = divisor;
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

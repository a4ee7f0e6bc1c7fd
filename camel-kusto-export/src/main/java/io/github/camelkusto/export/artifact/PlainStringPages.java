package io.github.camelkusto.export.artifact;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import io.github.camelkusto.kql.data.ObjectVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.statistics.Statistics;

/**
 * A UTF8 (BYTE_ARRAY) column of strings in PLAIN pages: each value's length (4 bytes little-endian), then its
 * UTF-8 bytes, encoded straight into the page (ASCII a char at a time, the rest by the JDK's encoder). Min and max
 * compare the bytes unsigned, as parquet orders UTF8, and are kept as places in the page (copying each new maximum
 * of increasing values was most of this column's time).
 */
final class PlainStringPages extends PlainPages {
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class,
            ByteOrder.LITTLE_ENDIAN);
    /** Rows written between two checks of the page's limits. */
    private static final int STRIDE = 256;

    /** Where the page's least and greatest values are in {@code values} (offset, length); -1 when none yet. */
    private int minAt;
    private int minLength;
    private int maxAt;
    private int maxLength;

    PlainStringPages(ColumnDescriptor column) {
        super(column);
        resetStatistics();
    }

    void write(ObjectVector v, int from, int to) throws IOException {
        Object[] storage = v.values();
        int mask = v.mask();
        for (int start = from; start < to; start += STRIDE) {
            int end = Math.min(to, start + STRIDE);
            for (int row = start; row < end; row++) {
                Object value = storage[row & mask];
                if (value == null) {
                    absent();
                } else {
                    append((String) value);
                    present();
                }
            }
            endPageIfFull();
        }
    }

    private void append(String value) {
        int length = value.length();
        reserve(Integer.BYTES + length);
        int at = size + Integer.BYTES;
        byte[] bytes = values;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) { // not ASCII: the JDK's encoder (surrogate pairs, replacement of lone surrogates)
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                reserve(Integer.BYTES + utf8.length);
                System.arraycopy(utf8, 0, values, size + Integer.BYTES, utf8.length);
                appended(utf8.length);
                return;
            }
            bytes[at + i] = (byte) c;
        }
        appended(length);
    }

    /** Ends the value whose {@code length} bytes were written after its length's place. */
    private void appended(int length) {
        byte[] bytes = values;
        int at = size + Integer.BYTES;
        INTS.set(bytes, size, length);
        // a value above the greatest is not below the least: one comparison for most values of increasing text
        if (maxAt < 0) {
            minAt = at;
            minLength = length;
            maxAt = at;
            maxLength = length;
        } else if (compareBytes(bytes, at, length, maxAt, maxLength) > 0) {
            maxAt = at;
            maxLength = length;
        } else if (compareBytes(bytes, at, length, minAt, minLength) < 0) {
            minAt = at;
            minLength = length;
        }
        unencoded += length;
        size = at + length;
    }

    @Override
    Statistics<?> statistics() {
        return byteArrayStatistics(values, minAt, minLength, maxAt, maxLength);
    }

    @Override
    void resetStatistics() {
        minAt = -1;
        maxAt = -1;
    }
}

package io.github.camelkusto.export.artifact;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Decimal digits of integers, written straight into byte buffers two at a time from a table of pairs. Hand-written:
 * profiles of the csv export put most of its samples in the digit-by-digit formatting of longs and datetime fields
 * this replaced (csv 6.2 to 7.4 M rows/s on the benchmark's 2 million rows); {@code Long.toString} would add a String
 * per value.
 */
final class DecimalDigits {
    /** "00" to "99". */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    /**
     * "0000" to "9999", each as 4 ASCII digits in an int stored little-endian (the first digit in the lowest byte):
     * one table read and one 4-byte store for 4 digits, where the pairs take two of each and a division more.
     */
    private static final int[] QUADS = new int[10_000];
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        for (int i = 0; i < QUADS.length; i++) {
            QUADS[i] = ('0' + i / 1000) | ('0' + i / 100 % 10) << 8 | ('0' + i / 10 % 10) << 16 | ('0' + i % 10) << 24;
        }
    }

    /**
     * The room {@link #write} needs after {@code at}: a sign and 19 digits. It may store scratch bytes after the
     * value's last digit within that room.
     */
    static final int MAX_LONG_LENGTH = 20;
    private static final int TEN_TO_4 = 10_000;
    private static final int TEN_TO_8 = 100_000_000;
    private static final long TEN_TO_16 = 10_000_000_000_000_000L;

    private DecimalDigits() {
    }

    /**
     * Writes {@code value} in decimal at {@code buf[at]}; returns the index after its last byte. {@code buf} must
     * have {@link #MAX_LONG_LENGTH} bytes from {@code at}: the bytes after the value's may be overwritten.
     */
    static int write(long value, byte[] buf, int at) {
        if (value >= 0 && value < TEN_TO_16) { // most values: 4 digits at a time
            if (value < TEN_TO_8) {
                return upTo8Digits((int) value, buf, at);
            }
            long high = value / TEN_TO_8;
            int end = upTo8Digits((int) high, buf, at);
            eightDigits((int) (value - high * TEN_TO_8), buf, end);
            return end + 8;
        }
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                // -9223372036854775808 has no positive counterpart: its last digit first, then the rest
                int end = write(-(value / 10), buf, at + 1) + 1;
                buf[at] = '-';
                buf[end - 1] = '8';
                return end;
            }
            buf[at] = '-';
            return write(-value, buf, at + 1);
        }
        int end = at + length(value); // 17 to 19 digits
        int i = end;
        while (value > Integer.MAX_VALUE) {
            long quotient = value / 100;
            int pair = (int) (value - quotient * 100);
            value = quotient;
            i = pairBefore(pair, buf, i);
        }
        int small = (int) value; // int division is cheaper than long's
        while (small >= 100) {
            int quotient = small / 100;
            int pair = small - quotient * 100;
            small = quotient;
            i = pairBefore(pair, buf, i);
        }
        if (small >= 10) {
            i = pairBefore(small, buf, i);
        } else {
            buf[--i] = (byte) ('0' + small);
        }
        return end;
    }

    /** {@code value} (0 to 10^8 - 1) without leading zeros; may store up to 4 scratch bytes after it. */
    private static int upTo8Digits(int value, byte[] buf, int at) {
        if (value < TEN_TO_4) {
            return upTo4Digits(value, buf, at);
        }
        int high = value / TEN_TO_4;
        int end = upTo4Digits(high, buf, at);
        fourDigits(value - high * TEN_TO_4, buf, end);
        return end + 4;
    }

    /** {@code value} (0 to 9999) without leading zeros: its quad shifted, stored whole (scratch bytes after it). */
    private static int upTo4Digits(int value, byte[] buf, int at) {
        int length = value < 100 ? (value < 10 ? 1 : 2) : (value < 1000 ? 3 : 4);
        INTS.set(buf, at, QUADS[value] >>> (8 * (4 - length)));
        return at + length;
    }

    /** {@code value} (0 to 10^8 - 1) as exactly 8 digits at {@code buf[at]}. */
    private static void eightDigits(int value, byte[] buf, int at) {
        int high = value / TEN_TO_4;
        fourDigits(high, buf, at);
        fourDigits(value - high * TEN_TO_4, buf, at + 4);
    }

    /** {@code value} (0 to 9999) as exactly 4 digits, zero-padded, at {@code buf[at]}. */
    static void fourDigits(int value, byte[] buf, int at) {
        INTS.set(buf, at, QUADS[value]);
    }

    /** Writes the two digits of {@code pair} (0 to 99) just before {@code buf[end]}; returns where they start. */
    private static int pairBefore(int pair, byte[] buf, int end) {
        buf[end - 1] = PAIRS[2 * pair + 1];
        buf[end - 2] = PAIRS[2 * pair];
        return end - 2;
    }

    /** {@code value} (0 or more) as exactly {@code width} decimal digits, zero-padded, at {@code buf[at]}. */
    static void padded(int value, int width, byte[] buf, int at) {
        int i = at + width;
        while (i - at >= 2) {
            int quotient = value / 100;
            int pair = value - quotient * 100;
            value = quotient;
            i = pairBefore(pair, buf, i);
        }
        if (i > at) {
            buf[--i] = (byte) ('0' + value % 10);
        }
    }

    /** 10^0 to 10^18. */
    private static final long[] POWERS = new long[19];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    /**
     * The number of decimal digits of {@code value} (0 or more), without a loop: log10 estimated from the bit
     * length (1233 / 4096 ~ log10(2)), which is exact or one too many, then corrected against a power of ten.
     */
    static int length(long value) {
        if (value < 10) {
            return 1;
        }
        int estimate = ((64 - Long.numberOfLeadingZeros(value)) * 1233) >>> 12;
        return estimate + (value < POWERS[estimate] ? 0 : 1);
    }
}

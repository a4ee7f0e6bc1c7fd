package io.github.camelkusto.export.artifact;

import io.github.camelkusto.export.kql.data.Vector;
import io.github.camelkusto.export.kql.types.KqlType;
import io.github.camelkusto.export.kql.types.KqlValues;
import io.github.camelkusto.export.kql.types.Ticks;

/**
 * Values in the text form text artifacts hold: Kusto's own rendering ({@link KqlValues#render}: ISO 8601 UTC
 * datetimes with {@code Z}, {@code [d.]hh:mm:ss[.fffffff]} timespans, {@code true}/{@code false}), dynamic values
 * as compact JSON. The common cells (integers, bools, datetimes) are read from the vectors' primitive storage and
 * go straight to bytes: no boxed value, no String.
 */
final class TextValues {
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    /** {@code yyyy-MM-ddTHH:mm:ss.fffffffZ} */
    static final int DATETIME_LENGTH = 28;

    private TextValues() {
    }

    /** Whether values of this type are free text that may need quoting or escaping (strings, JSON). */
    static boolean isFreeText(KqlType type) {
        return type == KqlType.STRING || type == KqlType.DYNAMIC;
    }

    /** The text of a non-null value of a free-text type. */
    static String freeText(KqlType type, Object value) {
        return type == KqlType.DYNAMIC ? DynamicJson.compact(value) : value.toString();
    }

    /** Appends a non-null value of a type whose text needs no quoting (numbers, datetimes, guids ...). */
    static void appendPlain(Object value, ByteChunk out) {
        if (value instanceof Long l) {
            out.writeLong(l);
        } else if (value instanceof Integer i) {
            out.writeLong(i);
        } else {
            out.append(KqlValues.render(value));
        }
    }

    /** Appends row {@code row} (not null) of {@code v}, a vector of a type whose text needs no quoting. */
    static void appendPlain(Vector v, int row, ByteChunk out) {
        switch (v.type()) {
            case INT, LONG -> out.writeLong(v.getLong(row));
            case BOOL -> out.write(v.getLong(row) != 0 ? TRUE : FALSE);
            case DATETIME -> appendDatetime(v.getLong(row), out);
            default -> appendPlain(v.box(row), out);
        }
    }

    /** Appends a datetime (100 ns ticks since 1970) as Kusto prints it: {@code yyyy-MM-ddTHH:mm:ss.fffffffZ}. */
    static void appendDatetime(long ticks, ByteChunk out) {
        int at = out.reserve(DATETIME_LENGTH);
        if (formatDatetime(ticks, out.array(), at) < 0) {
            out.unreserve(DATETIME_LENGTH);
            out.append(KqlValues.render(Ticks.toInstant(ticks)));
        }
    }

    /**
     * Writes a datetime's text into {@code buf[at, at + DATETIME_LENGTH)}; returns the length, or -1 for a year
     * outside 0001-9999 (which the caller renders through {@link KqlValues#render}). Hand-written: profiling the
     * csv export showed {@code DateTimeFormatter} (an Instant, a ZonedDateTime with its ZoneRules and a BigDecimal
     * fraction per value) as its largest cost; this is integer arithmetic into the buffer, checked against
     * {@link KqlValues#render} by the tests.
     */
    static int formatDatetime(long ticks, byte[] buf, int at) {
        long days = Math.floorDiv(ticks, Ticks.PER_DAY);
        long timeOfDay = Math.floorMod(ticks, Ticks.PER_DAY);
        // civil date from days since 1970-01-01 (H. Hinnant's days_from_civil inverse, proleptic Gregorian)
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 1 || year > 9999) {
            return -1;
        }
        int seconds = (int) (timeOfDay / Ticks.PER_SECOND);
        int fraction = (int) (timeOfDay % Ticks.PER_SECOND);
        digits(buf, at, (int) year, 4);
        buf[at + 4] = '-';
        digits(buf, at + 5, month, 2);
        buf[at + 7] = '-';
        digits(buf, at + 8, day, 2);
        buf[at + 10] = 'T';
        digits(buf, at + 11, seconds / 3600, 2);
        buf[at + 13] = ':';
        digits(buf, at + 14, seconds / 60 % 60, 2);
        buf[at + 16] = ':';
        digits(buf, at + 17, seconds % 60, 2);
        buf[at + 19] = '.';
        digits(buf, at + 20, fraction, 7);
        buf[at + 27] = 'Z';
        return DATETIME_LENGTH;
    }

    /** "00" to "99": two digits per division. */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    /** {@code value} as exactly {@code width} decimal digits (zero-padded). */
    private static void digits(byte[] buf, int at, int value, int width) {
        int i = at + width;
        while (i - at >= 2) {
            int pair = value % 100;
            value /= 100;
            buf[--i] = PAIRS[2 * pair + 1];
            buf[--i] = PAIRS[2 * pair];
        }
        if (i > at) {
            buf[--i] = (byte) ('0' + value % 10);
        }
    }
}

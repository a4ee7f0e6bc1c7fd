package io.github.camelkusto.export.artifact;

import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;
import io.github.camelkusto.kql.types.Ticks;

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

    /**
     * Appends row {@code row} (not null) of {@code v}, a vector of a type whose text needs no quoting; datetimes
     * through the writer's {@code datetimes}.
     */
    static void appendPlain(Vector v, int row, DatetimeText datetimes, ByteChunk out) {
        switch (v.type()) {
            case INT, LONG -> out.writeLong(v.getLong(row));
            case BOOL -> out.write(v.getLong(row) != 0 ? TRUE : FALSE);
            case DATETIME -> appendDatetime(v.getLong(row), datetimes, out);
            default -> appendPlain(v.box(row), out);
        }
    }

    /** Appends a datetime (100 ns ticks since 1970) as Kusto prints it: {@code yyyy-MM-ddTHH:mm:ss.fffffffZ}. */
    static void appendDatetime(long ticks, DatetimeText datetimes, ByteChunk out) {
        int at = out.reserve(DATETIME_LENGTH);
        if (datetimes.format(ticks, out.array(), at) < 0) {
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
        DecimalDigits.padded((int) year, 4, buf, at);
        buf[at + 4] = '-';
        DecimalDigits.padded(month, 2, buf, at + 5);
        buf[at + 7] = '-';
        DecimalDigits.padded(day, 2, buf, at + 8);
        buf[at + 10] = 'T';
        DecimalDigits.padded(seconds / 3600, 2, buf, at + 11);
        buf[at + 13] = ':';
        DecimalDigits.padded(seconds / 60 % 60, 2, buf, at + 14);
        buf[at + 16] = ':';
        DecimalDigits.padded(seconds % 60, 2, buf, at + 17);
        buf[at + 19] = '.';
        DecimalDigits.padded(fraction, 7, buf, at + 20);
        buf[at + 27] = 'Z';
        return DATETIME_LENGTH;
    }
}

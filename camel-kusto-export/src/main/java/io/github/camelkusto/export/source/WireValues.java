package io.github.camelkusto.export.source;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.camelkusto.kql.data.VectorBuilder;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;
import io.github.camelkusto.kql.types.Ticks;

/**
 * Cells of a Kusto REST response as the engine stores them (see {@link io.github.camelkusto.kql.data.Vector}):
 * bool {@code true}/{@code false}, int and long numbers, real numbers or the strings {@code NaN},
 * {@code Infinity}, {@code -Infinity}, decimal as its text, datetime ({@code yyyy-MM-ddTHH:mm:ss.fffffffZ}) and
 * timespan ({@code [-][d.]hh:mm:ss[.fffffff]}) as ticks, guid as a UUID, dynamic as the JSON it is, and
 * {@code null} as the type's null (a string's null is the empty string: Kusto strings are never null).
 */
final class WireValues {
    private static final int CANONICAL_DATETIME_MIN = "yyyy-MM-ddTHH:mm:ssZ".length();

    private WireValues() {
    }

    /** Appends the cell the parser stands on ({@code token}) to {@code into}, a builder of {@code type}. */
    static void append(JsonParser p, JsonToken token, KqlType type, VectorBuilder into) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            into.appendNull();
            return;
        }
        switch (type) {
            case BOOL -> into.appendLong(bool(p, token) ? 1 : 0);
            case INT, LONG -> into.appendLong(token == JsonToken.VALUE_NUMBER_INT ? p.getLongValue()
                    : ((Number) KqlValues.parse(type, text(p, token, type))).longValue());
            case REAL -> into.appendDouble(token.isNumeric() ? p.getDoubleValue()
                    : (Double) KqlValues.parse(KqlType.REAL, text(p, token, type)));
            case DECIMAL -> into.appendObject(token.isNumeric() ? p.getDecimalValue()
                    : new BigDecimal(text(p, token, type)));
            case STRING -> into.appendObject(text(p, token, type));
            case DATETIME -> into.appendLong(datetimeTicks(text(p, token, type)));
            case TIMESPAN -> into.appendLong(Ticks.of(KqlValues.parseTimespan(text(p, token, type))));
            case GUID -> into.appendObject(UUID.fromString(text(p, token, type)));
            case DYNAMIC -> into.appendObject(p.readValueAsTree());
        }
    }

    private static boolean bool(JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_NUMBER_INT -> p.getLongValue() != 0;
            default -> (Boolean) KqlValues.parse(KqlType.BOOL, text(p, token, KqlType.BOOL));
        };
    }

    private static String text(JsonParser p, JsonToken token, KqlType type) throws IOException {
        if (token != JsonToken.VALUE_STRING && !token.isScalarValue()) {
            throw new IllegalArgumentException(token + " is not a " + type.kustoName() + " value");
        }
        return p.getText();
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f{1,7}]Z} read directly (the form Kusto sends, on every row of a datetime
     * column); any other form the engine accepts, through its parser.
     */
    static long datetimeTicks(String text) {
        int n = text.length();
        if (n < CANONICAL_DATETIME_MIN || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(n - 1) != 'Z') {
            return Ticks.of(KqlValues.parseDateTime(text));
        }
        try {
            long days = LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10)).toEpochDay();
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            if (hour > 23 || minute > 59 || second > 59) {
                return Ticks.of(KqlValues.parseDateTime(text)); // which says what is wrong with it
            }
            long ticks = days * Ticks.PER_DAY + hour * Ticks.PER_HOUR + minute * Ticks.PER_MINUTE
                    + second * Ticks.PER_SECOND;
            if (n > CANONICAL_DATETIME_MIN) {
                if (text.charAt(19) != '.') {
                    return Ticks.of(KqlValues.parseDateTime(text));
                }
                long fraction = 0;
                int scale = 0;
                for (int i = 20; i < n - 1; i++) {
                    char c = text.charAt(i);
                    if (c < '0' || c > '9') {
                        return Ticks.of(KqlValues.parseDateTime(text));
                    }
                    if (scale < 7) { // finer than 100 ns is dropped, as Kusto does
                        fraction = fraction * 10 + (c - '0');
                        scale++;
                    }
                }
                for (; scale < 7; scale++) {
                    fraction *= 10;
                }
                ticks += fraction;
            }
            return ticks;
        } catch (DateTimeException | NumberFormatException e) {
            return Ticks.of(KqlValues.parseDateTime(text));
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}

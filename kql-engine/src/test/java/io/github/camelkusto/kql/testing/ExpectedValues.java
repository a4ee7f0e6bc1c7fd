package io.github.camelkusto.kql.testing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkusto.kql.types.KqlType;

/**
 * The text form of expected values in the test harnesses, parsed into the Java values the engine returns.
 * Written independently of the engine's own value parsing on purpose: the judge must not share the judged
 * code's mistakes.
 */
public final class ExpectedValues {
    static final ObjectMapper JSON = new ObjectMapper();

    /** {@code [-][d.]hh:mm:ss[.fffffff]}, Kusto's timespan text. */
    private static final Pattern TIMESPAN = Pattern.compile("(-)?(?:(\\d+)\\.)?(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,7}))?");
    private static final long NANOS_PER_TICK = 100;

    private ExpectedValues() {
    }

    /**
     * The value {@code text} stands for as {@code type}. {@code null} (any case) is a null of every type but
     * string; an empty text is null too unless the type is string.
     *
     * @throws IllegalArgumentException when the text is not a value of the type
     */
    public static Object parse(KqlType type, String text) {
        if (type == KqlType.STRING) {
            return text;
        }
        String t = text.strip();
        if (t.isEmpty() || t.equalsIgnoreCase("null")) {
            return null;
        }
        try {
            return switch (type) {
                case BOOL -> parseBool(t);
                case INT -> Integer.parseInt(t);
                case LONG -> Long.parseLong(t);
                case REAL -> parseReal(t);
                case DECIMAL -> new BigDecimal(t);
                case DATETIME -> parseDateTime(t);
                case TIMESPAN -> parseTimespan(t);
                case GUID -> UUID.fromString(t);
                case DYNAMIC -> JSON.readTree(t);
                case STRING -> text;
            };
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException | JsonProcessingException e) {
            throw new IllegalArgumentException("'" + text + "' is not a " + type.kustoName() + " value: " + e.getMessage(), e);
        }
    }

    private static Boolean parseBool(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not true or false");
        };
    }

    private static Double parseReal(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "nan" -> Double.NaN;
            case "infinity", "+infinity", "inf" -> Double.POSITIVE_INFINITY;
            case "-infinity", "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(t);
        };
    }

    /** ISO 8601 in UTC: {@code 2020-01-01}, {@code 2020-01-01T10:00:00Z}, {@code 2020-01-01 10:00:00.1234567}. */
    static Instant parseDateTime(String t) {
        if (t.length() == 10) {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        String iso = t.replace(' ', 'T');
        return Instant.parse(iso.endsWith("Z") ? iso : iso + "Z");
    }

    static Duration parseTimespan(String t) {
        Matcher m = TIMESPAN.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("not [-][d.]hh:mm:ss[.fffffff]");
        }
        long ticks = m.group(6) == null ? 0 : Long.parseLong((m.group(6) + "000000").substring(0, 7));
        Duration d = Duration.ofDays(m.group(2) == null ? 0 : Long.parseLong(m.group(2)))
                .plusHours(Long.parseLong(m.group(3)))
                .plusMinutes(Long.parseLong(m.group(4)))
                .plusSeconds(Long.parseLong(m.group(5)))
                .plusNanos(ticks * NANOS_PER_TICK);
        return m.group(1) != null ? d.negated() : d;
    }
}

package io.github.camelkusto.kql.types;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Kusto's text form of values, both ways: parsing text into a value of a type (literals, ingestion) and
 * rendering a value as Kusto prints it (text exports, result tables).
 */
public final class KqlValues {

    /** Kusto prints datetimes with seven fraction digits (100 ns ticks), always in UTC. */
    private static final DateTimeFormatter DATETIME_OUT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 7, 7, true)
            .appendLiteral('Z')
            .toFormatter(Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * Accepts ISO 8601 and Kusto's {@code 2020-01-01 10:00:00} form, with optional fraction and Z, and the
     * "sortable" forms of the datetime page ({@code 2014-11-8 15:05 GMT}: month and day of one or two digits).
     */
    private static final DateTimeFormatter DATETIME_IN = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("uuuu-M-d")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendLiteral('Z').optionalEnd()
            .optionalStart().appendLiteral(" GMT").optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(java.time.format.ResolverStyle.STRICT); // 2020-02-30 is no date, not Feb 29

    /**
     * The US form {@code 02/17/2016 08:40:01} (month first), which the parse operator's page converts to a
     * datetime (.NET's invariant culture reads it so).
     */
    private static final DateTimeFormatter DATETIME_US = new DateTimeFormatterBuilder()
            .appendPattern("M/d/uuuu")
            .optionalStart().appendPattern(" H:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 7, true).optionalEnd()
            .optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .toFormatter(Locale.ROOT)
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /**
     * The RFC 822 ({@code Sat, 8 Nov 14 15:05:02 GMT}) and RFC 850 ({@code Saturday, 08-Nov-14 15:05 GMT}) forms
     * of the datetime page: an optional day name, a two-digit year of this century, optional seconds and GMT.
     */
    private static final DateTimeFormatter DATETIME_RFC = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .optionalStart().appendPattern("EEEE").appendLiteral(", ").optionalEnd()
            .optionalStart().appendPattern("EEE").appendLiteral(", ").optionalEnd()
            .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, java.time.format.SignStyle.NOT_NEGATIVE)
            .appendPattern("[ ][-]MMM[ ][-]")
            .appendValueReduced(ChronoField.YEAR, 2, 2, 2000)
            .appendPattern(" HH:mm[:ss][ 'GMT']")
            .toFormatter(Locale.ENGLISH);

    private static final long NANOS_PER_TICK = 100;

    /** Reads dynamic values; BigDecimal-free so that JSON numbers become long or double as in Kusto. */
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private KqlValues() {
    }

    /**
     * The value of {@code text} as {@code type}; {@code null} for an empty text of a nullable type (how Kusto
     * ingests an empty CSV field).
     *
     * @throws IllegalArgumentException naming the type when the text is not a valid value of it
     */
    public static Object parse(KqlType type, String text) {
        if (type == KqlType.STRING) {
            return text;
        }
        String t = text.trim();
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
                case DYNAMIC -> parseDynamic(t);
                case STRING -> text;
            };
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException | JsonProcessingException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid " + type.kustoName() + " value");
        }
    }

    /** JSON text as a dynamic value: a JSON {@code null} is a NullNode, text that is no JSON is refused. */
    public static JsonNode parseDynamic(String t) throws JsonProcessingException {
        return JSON.readTree(t);
    }

    private static Boolean parseBool(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(t);
        };
    }

    private static Double parseReal(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "nan" -> Double.NaN;
            case "+inf", "inf", "infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(t);
        };
    }

    /** {@code year, month, day}: the form the endofweek and startofweek pages write their datetime literals in. */
    private static final java.util.regex.Pattern DATETIME_PARTS =
            java.util.regex.Pattern.compile("(\\d{4})\\s*,\\s*(\\d{1,2})\\s*,\\s*(\\d{1,2})");

    public static Instant parseDateTime(String t) {
        java.util.regex.Matcher parts = DATETIME_PARTS.matcher(t);
        if (parts.matches()) {
            return LocalDate.of(Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(2)),
                    Integer.parseInt(parts.group(3))).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        var parsed = t.indexOf('/') > 0 ? LocalDateTime.from(DATETIME_US.parse(t)) : Character.isLetter(t.isEmpty() ? ' ' : t.charAt(0)) || t.indexOf(' ') > 0 && t.indexOf('-') < 0
                || t.indexOf('-') > 0 && t.indexOf('-') < 4
                ? LocalDateTime.from(DATETIME_RFC.parse(t))
                : DATETIME_IN.parseBest(t, LocalDateTime::from, LocalDate::from);
        LocalDateTime local = parsed instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) parsed;
        Instant instant = local.toInstant(ZoneOffset.UTC);
        // Kusto keeps 100 ns ticks: finer digits are dropped, as Kusto does.
        return instant.minusNanos(instant.getNano() % NANOS_PER_TICK);
    }

    /** {@code [-][d.]hh:mm:ss[.fffffff]}, as Kusto writes timespans. */
    public static Duration parseTimespan(String t) {
        boolean negative = t.startsWith("-");
        String s = negative ? t.substring(1) : t;
        long days = 0;
        int colon = s.indexOf(':');
        int dot = s.indexOf('.');
        if (dot >= 0 && dot < colon) {
            days = Long.parseLong(s.substring(0, dot));
            s = s.substring(dot + 1);
        }
        String[] hms = s.split(":");
        if (hms.length != 3) {
            throw new IllegalArgumentException(t);
        }
        String[] secFraction = hms[2].split("\\.", 2);
        long nanos = 0;
        if (secFraction.length == 2) {
            String digits = (secFraction[1] + "000000000").substring(0, 9);
            nanos = Long.parseLong(digits);
        }
        Duration d = Duration.ofDays(days).plusHours(Long.parseLong(hms[0])).plusMinutes(Long.parseLong(hms[1]))
                .plusSeconds(Long.parseLong(secFraction[0])).plusNanos(nanos);
        return negative ? d.negated() : d;
    }

    /** The text Kusto shows for a value: empty for null, ISO 8601 UTC datetimes, {@code d.hh:mm:ss} timespans. */
    public static String render(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Instant instant) {
            return DATETIME_OUT.format(instant);
        }
        if (value instanceof Duration duration) {
            return renderTimespan(duration);
        }
        if (value instanceof Double d) {
            return renderReal(d);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof JsonNode json) {
            return json.toString(); // compact JSON, as Kusto writes dynamic values
        }
        return value.toString();
    }

    private static String renderReal(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    private static String renderTimespan(Duration duration) {
        boolean negative = duration.isNegative();
        Duration d = duration.abs();
        long days = d.toDays();
        StringBuilder sb = new StringBuilder(negative ? "-" : "");
        if (days > 0) {
            sb.append(days).append('.');
        }
        sb.append(String.format(Locale.ROOT, "%02d:%02d:%02d", d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart()));
        long ticks = d.toNanosPart() / NANOS_PER_TICK;
        if (ticks > 0) {
            sb.append('.').append(String.format(Locale.ROOT, "%07d", ticks));
        }
        return sb.toString();
    }

    /** Kusto's tostring: empty for null, True/False, inf/NaN, datetimes with 7 fraction digits, JSON text. */
    public static String toKustoString(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double d) {
            if (d.isInfinite()) {
                return d > 0 ? "inf" : "-inf";
            }
            return realText(d);
        }
        if (v instanceof JsonNode json) {
            return json.isTextual() ? json.asText() : json.isNull() ? "" : json.toString();
        }
        return render(v);
    }

    /**
     * tostring of a real: the shortest digits that read back as the same value, in plain notation with at least
     * one fraction digit ({@code 1.0}, {@code 100000000000.0}, {@code -0.0}) from 1e-5 to 1e15, else as
     * {@code 1E+20} / {@code 1E-07}.
     */
    private static String realText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        double abs = Math.abs(d);
        BigDecimal shortest = new BigDecimal(Double.toString(d));
        if (abs == 0 || (abs >= 1e-5 && abs < 1e15)) {
            String plain = shortest.toPlainString();
            if (d == 0) {
                return 1 / d < 0 ? "-0.0" : "0.0";
            }
            return plain.contains(".") ? plain : plain + ".0";
        }
        BigDecimal digits = shortest.stripTrailingZeros();
        int exponent = digits.precision() - digits.scale() - 1;
        String mantissa = digits.movePointLeft(exponent).toPlainString();
        return mantissa + "E" + (exponent < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
    }

    /** A value as a dynamic (JSON) value: numbers and booleans as such, other values as their text. */
    public static JsonNode toJson(Object value) {
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        } else if (value instanceof Integer i) {
            return NODES.numberNode(i);
        } else if (value instanceof Double d) {
            return NODES.numberNode(d);
        } else if (value instanceof BigDecimal b) {
            return NODES.numberNode(b);
        } else if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (value instanceof JsonNode j) {
            return j;
        }
        return NODES.textNode(render(value));
    }

}

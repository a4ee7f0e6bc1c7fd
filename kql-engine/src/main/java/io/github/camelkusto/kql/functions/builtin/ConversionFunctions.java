package io.github.camelkusto.kql.functions.builtin;

import static io.github.camelkusto.kql.types.KqlType.BOOL;
import static io.github.camelkusto.kql.types.KqlType.DATETIME;
import static io.github.camelkusto.kql.types.KqlType.DECIMAL;
import static io.github.camelkusto.kql.types.KqlType.DYNAMIC;
import static io.github.camelkusto.kql.types.KqlType.GUID;
import static io.github.camelkusto.kql.types.KqlType.INT;
import static io.github.camelkusto.kql.types.KqlType.LONG;
import static io.github.camelkusto.kql.types.KqlType.REAL;
import static io.github.camelkusto.kql.types.KqlType.STRING;
import static io.github.camelkusto.kql.types.KqlType.TIMESPAN;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkusto.kql.functions.Argument;
import io.github.camelkusto.kql.functions.BindException;
import io.github.camelkusto.kql.functions.FunctionLibrary;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.RowWise;
import io.github.camelkusto.kql.functions.ScalarBinding;
import io.github.camelkusto.kql.functions.ScalarFunction;
import io.github.camelkusto.kql.syntax.TimespanUnits;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;
import io.github.camelkusto.kql.types.Ticks;

/**
 * tostring, tolong, toint, toreal/todouble, todecimal, tobool, todatetime, totimespan, toguid, todynamic /
 * parse_json: conversions of any type, row-wise; a value that does not convert gives null, as in Kusto.
 */
public final class ConversionFunctions implements FunctionLibrary {

    @Override
    public void registerInto(FunctionRegistry registry) {
        registry.register(new Conversion("tostring", STRING));
        registry.register(new Conversion("tolong", LONG));
        registry.register(new Conversion("toint", INT));
        registry.register(new Conversion("toreal", REAL));
        registry.register(new Conversion("todouble", REAL));
        registry.register(new Conversion("todecimal", DECIMAL));
        registry.register(new Conversion("tobool", BOOL));
        registry.register(new Conversion("toboolean", BOOL));
        registry.register(new Conversion("todatetime", DATETIME));
        registry.register(new Conversion("todate", DATETIME)); // the dynamic page's todate(Y["a b c"])
        registry.register(new Conversion("totimespan", TIMESPAN));
        registry.register(new Conversion("totime", TIMESPAN));
        registry.register(new Conversion("toguid", GUID));
        registry.register(new Conversion("todynamic", DYNAMIC));
        registry.register(new Conversion("parse_json", DYNAMIC));
        registry.register(new GetType());
    }

    /** Ticks from 0001-01-01 to 1970-01-01: tolong(datetime) counts from 0001-01-01, as .NET does. */
    static final long TICKS_BEFORE_UNIX_EPOCH = 621_355_968_000_000_000L;

    /** gettype(x): the name of x's type; for a dynamic value, the kind of the value in it (array, dictionary...). */
    private static final class GetType implements ScalarFunction {
        @Override
        public String name() {
            return "gettype";
        }

        @Override
        public ScalarBinding bind(List<Argument> args) {
            if (args.size() != 1) {
                throw new BindException("gettype expects one argument");
            }
            KqlType type = args.get(0).type();
            if (type != DYNAMIC) {
                return new ScalarBinding(STRING, RowWise.nullAware(STRING, v -> type.kustoName()));
            }
            return new ScalarBinding(STRING, RowWise.nullAware(STRING, v -> dynamicTypeName((JsonNode) v[0])));
        }

        private static String dynamicTypeName(JsonNode json) {
            if (json == null || json.isNull() || json.isMissingNode()) {
                return "null";
            }
            if (json.isArray()) {
                return "array";
            }
            if (json.isObject()) {
                return "dictionary";
            }
            if (json.isBoolean()) {
                return "bool";
            }
            if (json.isIntegralNumber()) {
                return "long";
            }
            if (json.isNumber()) {
                return "real";
            }
            return "string";
        }
    }

    private record Conversion(String name, KqlType to) implements ScalarFunction {
        @Override
        public ScalarBinding bind(List<Argument> args) {
            if (args.size() != 1) {
                throw new BindException(name + " expects one argument");
            }
            KqlType from = args.get(0).type();
            if (to == STRING) {
                return new ScalarBinding(STRING, RowWise.nullAware(STRING, v -> KqlValues.toKustoString(v[0])));
            }
            return new ScalarBinding(to, RowWise.of(to, v -> convert(v, from, to)));
        }
    }

    /** {@code value} of type {@code from} as {@code to}, or null when it does not convert. */
    static Object convert(Object value, KqlType from, KqlType to) {
        if (value instanceof JsonNode json) {
            if (json.isNull() || json.isMissingNode()) {
                return null;
            }
            if (to == DYNAMIC) {
                return json;
            }
            if (json.isTextual()) {
                return parse(json.asText(), to);
            }
            if (json.isBoolean()) {
                value = json.asBoolean();
            } else if (json.isIntegralNumber()) {
                value = json.asLong();
            } else if (json.isNumber()) {
                value = json.asDouble();
            } else {
                return to == STRING ? json.toString() : null;
            }
        }
        if (value instanceof String s) {
            return parse(s, to);
        }
        try {
            return switch (to) {
                case LONG -> number(value) == null ? null : value instanceof Double d ? (Object) realToLong(d)
                        : (Object) number(value).longValue();
                case INT -> number(value) == null ? null : value instanceof Double d ? (Object) realToInt(d)
                        : (Object) number(value).intValue();
                case REAL -> number(value) == null ? null : number(value).doubleValue();
                case DECIMAL -> value instanceof BigDecimal b ? b : number(value) == null ? null
                        : value instanceof Double d ? BigDecimal.valueOf(d) : BigDecimal.valueOf(number(value).longValue());
                case BOOL -> value instanceof Boolean b ? b : number(value) == null ? null
                        : number(value).doubleValue() != 0;
                case DATETIME -> value instanceof Instant ? value : number(value) == null ? null
                        : Ticks.toInstant(number(value).longValue() - TICKS_BEFORE_UNIX_EPOCH);
                case TIMESPAN -> value instanceof Duration ? value : number(value) == null ? null
                        : Ticks.toDuration(number(value).longValue());
                case GUID -> value instanceof UUID ? value : null;
                case DYNAMIC -> KqlValues.toJson(value);
                case STRING -> KqlValues.toKustoString(value);
            };
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    /** parse_json / todynamic of a string: its JSON value, or the string itself when it is no JSON (as Kusto). */
    private static com.fasterxml.jackson.databind.JsonNode parseJsonOrText(String s) {
        try {
            return KqlValues.parseDynamic(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return KqlValues.NODES.textNode(s);
        }
    }

    private static Number number(Object value) {
        if (value instanceof Number n) {
            return n;
        }
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (value instanceof Instant i) {
            return Ticks.of(i) + TICKS_BEFORE_UNIX_EPOCH;
        }
        if (value instanceof Duration d) {
            return Ticks.of(d);
        }
        return null;
    }

    /** Text to a value of {@code to}, by Kusto's rules for each type; null when the text is not one. */
    private static Object parse(String s, KqlType to) {
        String t = s.trim();
        try {
            return switch (to) {
                case LONG -> parseInteger(t);
                case INT -> {
                    Long l = parseInteger(t);
                    yield l == null || l != l.intValue() ? null : l.intValue();
                }
                case REAL -> parseReal(t);
                case BOOL -> parseBool(s);
                case TIMESPAN -> parseTimespan(t);
                case DYNAMIC -> t.isEmpty() ? null : parseJsonOrText(s);
                case STRING -> s;
                case GUID -> parseGuid(t);
                default -> KqlValues.parse(to, t);
            };
        } catch (Exception e) {
            return null;
        }
    }

    private static final java.util.regex.Pattern DECIMAL_INTEGER = java.util.regex.Pattern.compile("[+-]?\\d+");
    private static final java.util.regex.Pattern HEX_INTEGER = java.util.regex.Pattern.compile("0[xX][0-9a-fA-F]+");
    private static final java.util.regex.Pattern REAL_NUMBER =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private static final java.util.regex.Pattern GUID_DIGITS = java.util.regex.Pattern.compile("[0-9a-fA-F]{32}");

    /**
     * toguid of text: 32 hex digits, with or without dashes anywhere among them (the toguid() page converts both
     * {@code 0123456789abcdef0123456789abcdef} and {@code 0123456789ab-cdef-0123-456789abcdef}).
     */
    static UUID parseGuid(String t) {
        String digits = t.replace("-", "");
        if (!GUID_DIGITS.matcher(digits).matches()) {
            return null;
        }
        return new UUID(Long.parseUnsignedLong(digits.substring(0, 16), 16), Long.parseUnsignedLong(digits.substring(16), 16));
    }

    /** An integer in decimal or {@code 0x} hex; a fraction or exponent is no integer (tolong("5.9") is null). */
    static Long parseInteger(String t) {
        if (DECIMAL_INTEGER.matcher(t).matches()) {
            return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        }
        if (HEX_INTEGER.matcher(t).matches()) {
            return Long.parseUnsignedLong(t.substring(2), 16);
        }
        return null;
    }

    /** Decimal notation (1.5e3, .5, 5.), NaN, Infinity / inf / Inf with a sign; nothing else (no "1d", no "INF"). */
    static Double parseReal(String t) {
        if (REAL_NUMBER.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        if (t.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        String unsigned = t.startsWith("+") || t.startsWith("-") ? t.substring(1) : t;
        if (unsigned.equalsIgnoreCase("infinity") || unsigned.equals("inf") || unsigned.equals("Inf")) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return null;
    }

    /** "true"/"false" in any case, or an integer (non-zero is true); no spaces around, no fraction. */
    static Boolean parseBool(String s) {
        if (s.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (s.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        Long l = parseInteger(s);
        return l == null || !s.equals(s.trim()) ? null : l != 0;
    }

    /** A timespan as Kusto writes it ({@code 1.02:03:04.5}) or a literal with a unit ({@code 1d}, {@code 90s}). */
    static Duration parseTimespan(String t) {
        if (t.contains(":")) {
            return KqlValues.parseTimespan(t);
        }
        return TimespanUnits.parse(t);
    }

    /** A real as long: truncated toward zero, saturated at the ends of long's range; null for NaN. */
    static Long realToLong(double d) {
        return Double.isNaN(d) ? null : (long) d;
    }

    static Integer realToInt(double d) {
        Long l = realToLong(d);
        return l == null ? null : (int) (long) l;
    }

}

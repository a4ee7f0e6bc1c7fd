package io.github.camelkusto.export.kql.functions.builtin;

import static io.github.camelkusto.export.kql.types.KqlType.BOOL;
import static io.github.camelkusto.export.kql.types.KqlType.DATETIME;
import static io.github.camelkusto.export.kql.types.KqlType.DECIMAL;
import static io.github.camelkusto.export.kql.types.KqlType.DYNAMIC;
import static io.github.camelkusto.export.kql.types.KqlType.GUID;
import static io.github.camelkusto.export.kql.types.KqlType.INT;
import static io.github.camelkusto.export.kql.types.KqlType.LONG;
import static io.github.camelkusto.export.kql.types.KqlType.REAL;
import static io.github.camelkusto.export.kql.types.KqlType.STRING;
import static io.github.camelkusto.export.kql.types.KqlType.TIMESPAN;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkusto.export.kql.functions.Argument;
import io.github.camelkusto.export.kql.functions.BindException;
import io.github.camelkusto.export.kql.functions.FunctionLibrary;
import io.github.camelkusto.export.kql.functions.FunctionRegistry;
import io.github.camelkusto.export.kql.functions.RowWise;
import io.github.camelkusto.export.kql.functions.ScalarBinding;
import io.github.camelkusto.export.kql.functions.ScalarFunction;
import io.github.camelkusto.export.kql.types.KqlType;
import io.github.camelkusto.export.kql.types.KqlValues;
import io.github.camelkusto.export.kql.types.Ticks;

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
        registry.register(new Conversion("totimespan", TIMESPAN));
        registry.register(new Conversion("totime", TIMESPAN));
        registry.register(new Conversion("toguid", GUID));
        registry.register(new Conversion("todynamic", DYNAMIC));
        registry.register(new Conversion("parse_json", DYNAMIC));
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
            if (d == 0 && 1 / d < 0) {
                return "-0.0";
            }
            return KqlValues.render(d);
        }
        if (v instanceof JsonNode json) {
            return json.isTextual() ? json.asText() : json.isNull() ? "" : json.toString();
        }
        return KqlValues.render(v);
    }

    private record Conversion(String name, KqlType to) implements ScalarFunction {
        @Override
        public ScalarBinding bind(List<Argument> args) {
            if (args.size() != 1) {
                throw new BindException(name + " expects one argument");
            }
            KqlType from = args.get(0).type();
            if (to == STRING) {
                return new ScalarBinding(STRING, RowWise.nullAware(STRING, v -> toKustoString(v[0])));
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
                case LONG -> number(value) == null ? null : number(value).longValue();
                case INT -> number(value) == null ? null : number(value).intValue();
                case REAL -> number(value) == null ? null : number(value).doubleValue();
                case DECIMAL -> value instanceof BigDecimal b ? b : number(value) == null ? null
                        : value instanceof Double d ? BigDecimal.valueOf(d) : BigDecimal.valueOf(number(value).longValue());
                case BOOL -> value instanceof Boolean b ? b : number(value) == null ? null
                        : number(value).doubleValue() != 0;
                case DATETIME -> value instanceof Instant ? value : number(value) == null ? null
                        : Ticks.toInstant(number(value).longValue());
                case TIMESPAN -> value instanceof Duration ? value : number(value) == null ? null
                        : Ticks.toDuration(number(value).longValue());
                case GUID -> value instanceof UUID ? value : null;
                case DYNAMIC -> toJson(value);
                case STRING -> toKustoString(value);
            };
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
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
            return Ticks.of(i);
        }
        if (value instanceof Duration d) {
            return Ticks.of(d);
        }
        return null;
    }

    private static Object parse(String s, KqlType to) {
        String t = s.trim();
        try {
            return switch (to) {
                case LONG -> t.contains(".") || t.contains("e") || t.contains("E") ? (long) Double.parseDouble(t)
                        : Long.parseLong(t);
                case INT -> t.contains(".") ? (int) Double.parseDouble(t) : Integer.parseInt(t);
                case BOOL -> switch (t.toLowerCase(Locale.ROOT)) {
                    case "true", "1" -> Boolean.TRUE;
                    case "false", "0" -> Boolean.FALSE;
                    default -> null;
                };
                case DYNAMIC -> t.isEmpty() ? null : KqlValues.parseDynamic(s);
                case STRING -> s;
                default -> KqlValues.parse(to, t);
            };
        } catch (Exception e) {
            return null;
        }
    }

    public static JsonNode toJson(Object value) {
        if (value instanceof Long l) {
            return KqlValues.NODES.numberNode(l);
        } else if (value instanceof Integer i) {
            return KqlValues.NODES.numberNode(i);
        } else if (value instanceof Double d) {
            return KqlValues.NODES.numberNode(d);
        } else if (value instanceof BigDecimal b) {
            return KqlValues.NODES.numberNode(b);
        } else if (value instanceof Boolean b) {
            return KqlValues.NODES.booleanNode(b);
        } else if (value instanceof JsonNode j) {
            return j;
        }
        return KqlValues.NODES.textNode(KqlValues.render(value));
    }
}

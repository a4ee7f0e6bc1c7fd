package io.github.camelkusto.kql.functions.builtin;

import static io.github.camelkusto.kql.types.KqlType.BOOL;
import static io.github.camelkusto.kql.types.KqlType.DYNAMIC;
import static io.github.camelkusto.kql.types.KqlType.LONG;
import static io.github.camelkusto.kql.types.KqlType.REAL;
import static io.github.camelkusto.kql.types.KqlType.STRING;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.camelkusto.kql.functions.FunctionLibrary;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.Overloads;
import io.github.camelkusto.kql.functions.RowWise;
import io.github.camelkusto.kql.types.KqlValues;

/**
 * Text as characters: unicode_codepoints_from_string / unicode_codepoints_to_string (numbers or arrays of
 * them), isascii, regex_quote, indexof_regex (start, length and occurrence as indexof takes them; matches do not
 * overlap) and format_bytes (the largest unit the value reaches, or the one asked for, to a precision).
 */
public final class CodepointFunctions implements FunctionLibrary {
    private static final String[] BYTE_UNITS = {"Bytes", "KB", "MB", "GB", "TB", "PB"};

    @Override
    public void registerInto(FunctionRegistry registry) {
        registry.register(Overloads.of("unicode_codepoints_from_string").add(DYNAMIC, RowWise.of(DYNAMIC, s -> {
            ArrayNode out = KqlValues.NODES.arrayNode();
            ((String) s).codePoints().forEach(out::add);
            return out;
        }), STRING));
        registry.register(new ArrayFunctions.DynamicFunction("unicode_codepoints_to_string", STRING, 1, 64,
                CodepointFunctions::fromCodepoints));
        registry.register(Overloads.of("isascii").add(BOOL, RowWise.of(BOOL,
                s -> ((String) s).chars().allMatch(c -> c < 128)), STRING));
        registry.register(Overloads.of("regex_quote").add(STRING, RowWise.stringToString(CodepointFunctions::quote),
                STRING));
        registry.register(Overloads.of("indexof_regex")
                .add(LONG, RowWise.of(LONG, (s, r) -> indexOfRegex((String) s, (String) r, 0, -1, 1)), STRING, STRING)
                .add(LONG, RowWise.of(LONG, (s, r, start) -> indexOfRegex((String) s, (String) r,
                        ((Number) start).longValue(), -1, 1)), STRING, STRING, LONG)
                .add(LONG, RowWise.nary(LONG, a -> indexOfRegex((String) a[0], (String) a[1], ((Number) a[2]).longValue(),
                        ((Number) a[3]).longValue(), 1)), STRING, STRING, LONG, LONG)
                .add(LONG, RowWise.nary(LONG, a -> indexOfRegex((String) a[0], (String) a[1], ((Number) a[2]).longValue(),
                        ((Number) a[3]).longValue(), ((Number) a[4]).longValue())), STRING, STRING, LONG, LONG, LONG));
        registry.register(Overloads.of("format_bytes")
                .add(STRING, RowWise.of(STRING, v -> formatBytes(((Number) v).doubleValue(), 0, null)), LONG)
                .add(STRING, RowWise.of(STRING, v -> formatBytes(((Number) v).doubleValue(), 0, null)), REAL)
                .add(STRING, RowWise.of(STRING, (v, p) -> formatBytes(((Number) v).doubleValue(), ((Number) p).intValue(),
                        null)), LONG, LONG)
                .add(STRING, RowWise.of(STRING, (v, p, u) -> formatBytes(((Number) v).doubleValue(),
                        ((Number) p).intValue(), (String) u)), LONG, LONG, STRING));
    }

    private static Object fromCodepoints(Object[] args) {
        StringBuilder sb = new StringBuilder();
        for (Object a : args) {
            if (a instanceof JsonNode json && json.isArray()) {
                for (JsonNode e : json) {
                    if (!e.isIntegralNumber()) {
                        return null;
                    }
                    sb.appendCodePoint(e.asInt());
                }
            } else if (a instanceof Number n) {
                sb.appendCodePoint(n.intValue());
            } else {
                return null;
            }
        }
        return sb.toString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\.^$|?*+()[]{}".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static Long indexOfRegex(String s, String regex, long start, long length, long occurrence) {
        long from = start;
        if (from < 0 || from > s.length() || occurrence <= 0 || length < -1) {
            return null;
        }
        int end = length == -1 ? s.length() : (int) Math.min(s.length(), from + length);
        Matcher m = Pattern.compile(regex).matcher(s).region((int) from, end);
        for (long seen = 0; m.find(); ) {
            if (++seen == occurrence) {
                return (long) m.start();
            }
        }
        return -1L;
    }

    private static String formatBytes(double bytes, int precision, String unit) {
        int u = 0;
        if (unit != null) {
            for (int i = 0; i < BYTE_UNITS.length; i++) {
                if (BYTE_UNITS[i].equalsIgnoreCase(unit)) {
                    u = i;
                }
            }
        } else {
            while (u < BYTE_UNITS.length - 1 && Math.abs(bytes) >= Math.pow(1024, u + 1)) {
                u++;
            }
        }
        BigDecimal value = BigDecimal.valueOf(bytes / Math.pow(1024, u)).setScale(precision, RoundingMode.HALF_UP);
        return value.toPlainString() + " " + BYTE_UNITS[u];
    }
}

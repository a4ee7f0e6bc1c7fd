package io.github.camelkusto.kql.testing;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;

/**
 * Whether a value the engine returned matches an expected one: int and long by value, reals within
 * {@value #RELATIVE_TOLERANCE} relative (NaN equals NaN), datetimes and timespans to the tick, dynamic values
 * as JSON trees (the engine may hand them over as a Jackson tree or as JSON text), everything else exactly.
 */
public final class ValueMatch {
    public static final double RELATIVE_TOLERANCE = 1e-9;

    /** Leaves of two JSON trees: numbers by value within tolerance, the rest exactly. */
    private static final Comparator<JsonNode> JSON_LEAVES = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return realsMatch(a.doubleValue(), b.doubleValue()) ? 0 : 1;
        }
        return a.equals(b) ? 0 : 1;
    };

    private ValueMatch() {
    }

    public static boolean matches(KqlType type, Object expected, Object actual) {
        return switch (type) {
            case DYNAMIC -> {
                JsonNode actualTree = json(actual);
                yield actualTree != null && json(expected).equals(JSON_LEAVES, actualTree);
            }
            case INT, LONG -> expected == null ? actual == null
                    : (actual instanceof Integer || actual instanceof Long)
                    && ((Number) expected).longValue() == ((Number) actual).longValue();
            case REAL, DECIMAL -> expected == null ? actual == null : actual instanceof Number n && numbersMatch((Number) expected, n);
            default -> Objects.equals(expected, actual);
        };
    }

    private static boolean numbersMatch(Number expected, Number actual) {
        if (expected instanceof BigDecimal e && actual instanceof BigDecimal a) {
            return e.compareTo(a) == 0;
        }
        return realsMatch(expected.doubleValue(), actual.doubleValue());
    }

    static boolean realsMatch(double expected, double actual) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (expected == actual) {
            return true; // also equal infinities, and 0 == -0
        }
        return Math.abs(expected - actual) <= RELATIVE_TOLERANCE * Math.max(Math.abs(expected), Math.abs(actual));
    }

    /** A dynamic value as a JSON tree: null for a value that is not JSON at all. */
    private static JsonNode json(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof String text) {
            try {
                return ExpectedValues.JSON.readTree(text);
            } catch (JsonProcessingException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * A value for a one-line message: as Kusto writes it, strings in single quotes, {@code null} for a null,
     * dynamic values as compact JSON.
     */
    public static String render(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        if (value instanceof JsonNode node) {
            return node.toString();
        }
        return KqlValues.render(value);
    }
}

package io.github.camelkusto.export.artifact;

import io.github.camelkusto.export.kql.types.KqlType;
import io.github.camelkusto.export.kql.types.KqlValues;

/**
 * Values in the text form text artifacts hold: Kusto's own rendering ({@link KqlValues#render}: ISO 8601 UTC
 * datetimes with {@code Z}, {@code [d.]hh:mm:ss[.fffffff]} timespans, {@code true}/{@code false}), dynamic values
 * as compact JSON. Integers go straight to bytes: they are the most common cells and need no String.
 */
final class TextValues {
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
}

package io.github.camelkusto.export.server;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkusto.export.artifact.DatetimeText;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;

/**
 * Values as the Kusto REST protocol carries them in a table's rows: bool as {@code true}/{@code false}, int and
 * long as numbers, real as a number except NaN and ±Infinity, which are the strings {@code "NaN"},
 * {@code "Infinity"}, {@code "-Infinity"} (JSON has no such numbers); decimal as a string (a number would lose
 * digits in most JSON readers); string and guid as strings; datetime as {@code yyyy-MM-ddTHH:mm:ss.fffffffZ};
 * timespan as {@code [-][d.]hh:mm:ss[.fffffff]}; dynamic nested as JSON (v2) or as its JSON text (v1); a null of
 * any type as {@code null}.
 */
final class KustoJsonValues {
    private final boolean dynamicAsText;
    /** Rendering a datetime through java.time costs more than the rest of a row: this writes it from its ticks. */
    private final DatetimeText datetimes = new DatetimeText();

    /** @param dynamicAsText true for v1 responses, where a dynamic value is the text of its JSON */
    KustoJsonValues(boolean dynamicAsText) {
        this.dynamicAsText = dynamicAsText;
    }

    void write(JsonGenerator g, KqlType type, Vector column, int row) throws IOException {
        if (column.isNull(row)) {
            g.writeNull();
            return;
        }
        switch (type) {
            case BOOL -> g.writeBoolean(column.getLong(row) != 0);
            case INT, LONG -> g.writeNumber(column.getLong(row));
            case REAL -> writeReal(g, column.getDouble(row));
            case DATETIME -> datetimes.writeJson(column.getLong(row), g);
            default -> writeObject(g, type, column.box(row));
        }
    }

    /** A boxed value (a {@link io.github.camelkusto.kql.data.ResultTable} cell) of the given type. */
    void write(JsonGenerator g, KqlType type, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
            return;
        }
        switch (type) {
            case BOOL -> g.writeBoolean((Boolean) value);
            case INT, LONG -> g.writeNumber(((Number) value).longValue());
            case REAL -> writeReal(g, ((Number) value).doubleValue());
            default -> writeObject(g, type, value);
        }
    }

    private static void writeReal(JsonGenerator g, double d) throws IOException {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            g.writeString(KqlValues.render(d));
        } else {
            g.writeNumber(d);
        }
    }

    private void writeObject(JsonGenerator g, KqlType type, Object value) throws IOException {
        if (type == KqlType.DYNAMIC && value instanceof JsonNode json) {
            if (dynamicAsText) {
                g.writeString(json.toString());
            } else {
                g.writeTree(json);
            }
        } else if (value instanceof BigDecimal decimal) {
            g.writeString(decimal.toPlainString());
        } else {
            g.writeString(KqlValues.render(value)); // string, guid, datetime, timespan
        }
    }
}

package io.github.camelkusto.export.artifact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;

/**
 * JSON lines: one object per record, keys in column order, a line feed after each, through Jackson's streaming
 * {@link JsonGenerator} writing UTF-8 straight into the chunk. Values: bool as {@code true}/{@code false}, int,
 * long and decimal as numbers, real as a number ({@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} as
 * strings, which JSON has no numbers for), string, guid, datetime (ISO 8601 UTC) and timespan
 * ({@code [d.]hh:mm:ss[.fffffff]}) as strings, dynamic nested as JSON, nulls as {@code null}.
 */
final class JsonLinesRecordEncoder implements RecordEncoder {
    private final SerializableString[] keys;
    private final KqlType[] types;
    private final DatetimeText datetimes = new DatetimeText();
    private ByteChunk boundTo;
    private JsonGenerator json;

    JsonLinesRecordEncoder(Schema schema) {
        this.keys = schema.names().stream().map(SerializedString::new).toArray(SerializableString[]::new);
        this.types = schema.columns().stream().map(c -> c.type()).toArray(KqlType[]::new);
    }

    @Override
    public void header(Schema schema, ByteChunk out) {
        // JSON lines have no header line
    }

    @Override
    public void record(Batch batch, int row, ByteChunk out) {
        try {
            JsonGenerator g = generator(out);
            g.writeStartObject();
            for (int c = 0; c < keys.length; c++) {
                g.writeFieldName(keys[c]);
                writeValue(g, types[c], batch.column(c), row);
            }
            g.writeEndObject();
            g.writeRaw('\n');
            g.flush(); // into the chunk, so that the record's bytes are counted now
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteChunk does not throw; bad dynamic JSON text ends up here
        }
    }

    private void writeValue(JsonGenerator g, KqlType type, Vector v, int row) throws IOException {
        if (v.isKustoNull(row)) {
            g.writeNull();
            return;
        }
        switch (type) {
            case BOOL -> g.writeBoolean(v.getLong(row) != 0);
            case INT, LONG -> g.writeNumber(v.getLong(row));
            case REAL -> {
                double d = v.getDouble(row);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    g.writeString(KqlValues.render(d));
                } else {
                    g.writeNumber(d);
                }
            }
            case DECIMAL -> g.writeNumber(((BigDecimal) v.getObject(row)).toPlainString());
            case STRING -> g.writeString((String) v.getObject(row));
            case DYNAMIC -> DynamicJson.write(v.getObject(row), g);
            case DATETIME -> datetimes.writeJson(v.getLong(row), g);
            case TIMESPAN, GUID -> g.writeString(KqlValues.render(v.box(row)));
        }
    }

    private JsonGenerator generator(ByteChunk out) throws IOException {
        if (boundTo != out) {
            json = DynamicJson.FACTORY.createGenerator(out.asOutputStream());
            // a root-level separator would be a space: records are separated by the line feed written above
            json.setRootValueSeparator(null);
            boundTo = out;
        }
        return json;
    }
}

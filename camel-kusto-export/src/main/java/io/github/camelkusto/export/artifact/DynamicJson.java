package io.github.camelkusto.export.artifact;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Values of Kusto's {@code dynamic} type as compact JSON. The engine hands them over as a Jackson
 * {@link JsonNode}, or (until it moves to JsonNode) as a String of JSON text, which is re-emitted token by token
 * through Jackson's streaming parser so that its whitespace goes and no tree is built.
 */
final class DynamicJson {
    /** Writes characters outside the BMP as UTF-8, not as {@code \\uD83D\\uDE00} escapes. */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();
    static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private DynamicJson() {
    }

    /** Writes {@code value} as one JSON value (nested, compact) to {@code out}. */
    static void write(Object value, JsonGenerator out) throws IOException {
        if (value instanceof JsonNode node) {
            MAPPER.writeTree(out, node);
        } else {
            throw new IllegalArgumentException("not a dynamic value: " + value.getClass().getName());
        }
    }

    /** The compact JSON text of {@code value}: what csv and tsv fields and parquet UTF8 columns hold. */
    static String compact(Object value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            write(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not throw; bad JSON text ends up here
        }
        return text.toString();
    }
}

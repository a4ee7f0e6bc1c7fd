package io.github.camelkusto.export.kql.functions.builtin;

import static io.github.camelkusto.export.kql.types.KqlType.DYNAMIC;
import static io.github.camelkusto.export.kql.types.KqlType.LONG;
import static io.github.camelkusto.export.kql.types.KqlType.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkusto.export.kql.functions.FunctionLibrary;
import io.github.camelkusto.export.kql.functions.FunctionRegistry;
import io.github.camelkusto.export.kql.functions.Overloads;
import io.github.camelkusto.export.kql.functions.RowWise;

/**
 * Access into dynamic values: {@code d.name} and {@code d['name']} (registered as {@code "."}), {@code d[i]}
 * (as {@code "[]"}; a negative index counts from the end). A missing member or index gives null.
 */
public final class DynamicFunctions implements FunctionLibrary {

    @Override
    public void registerInto(FunctionRegistry registry) {
        registry.register(Overloads.of(".").add(DYNAMIC, RowWise.of(DYNAMIC, (d, name) -> member((JsonNode) d,
                (String) name)), DYNAMIC, STRING));
        registry.register(Overloads.of("[]")
                .add(DYNAMIC, RowWise.of(DYNAMIC, (d, name) -> member((JsonNode) d, (String) name)), DYNAMIC, STRING)
                .add(DYNAMIC, RowWise.of(DYNAMIC, (d, i) -> element((JsonNode) d, ((Number) i).longValue())), DYNAMIC,
                        LONG));
    }

    static JsonNode member(JsonNode d, String name) {
        return d.isObject() ? d.get(name) : null;
    }

    static JsonNode element(JsonNode d, long i) {
        if (!d.isArray()) {
            return null;
        }
        long at = i < 0 ? d.size() + i : i;
        return at < 0 || at >= d.size() ? null : d.get((int) at);
    }
}

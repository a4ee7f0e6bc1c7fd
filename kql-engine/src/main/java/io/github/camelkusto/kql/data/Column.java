package io.github.camelkusto.kql.data;

import java.util.Objects;

import io.github.camelkusto.kql.types.KqlType;

/** A named, typed column of a tabular result. */
public record Column(String name, KqlType type) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
        return name + ":" + type.kustoName();
    }
}

package io.github.camelkusto.kql.functions;

/**
 * A set of functions registered together. Built-in libraries are listed in {@link FunctionRegistry}; others may
 * be contributed through {@code META-INF/services/io.github.camelkusto.kql.functions.FunctionLibrary}.
 */
public interface FunctionLibrary {
    void registerInto(FunctionRegistry registry);
}

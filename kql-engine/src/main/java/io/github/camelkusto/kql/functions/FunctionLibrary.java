package io.github.camelkusto.kql.functions;

/**
 * A set of functions registered together. The built-ins are one library ({@code functions.builtin.BuiltInFunctions});
 * others may be contributed through {@code META-INF/services/io.github.camelkusto.kql.functions.FunctionLibrary}.
 */
public interface FunctionLibrary {
    void registerInto(FunctionRegistry registry);
}

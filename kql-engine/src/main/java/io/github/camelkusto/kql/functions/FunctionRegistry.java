package io.github.camelkusto.kql.functions;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;


/**
 * Every scalar and aggregate function a query may call, by name. It knows no function itself: libraries register
 * into it ({@link #withLibraries}, {@link #register}); the engine's bootstrap hands it the built-ins (see
 * {@code QueryEngine.defaultFunctions()}). See package-info for how to add one.
 */
public final class FunctionRegistry {
    private final Map<String, ScalarFunction> scalars = new ConcurrentHashMap<>();
    private final Map<String, AggregateFunction> aggregates = new ConcurrentHashMap<>();
    private final Set<String> operators = ConcurrentHashMap.newKeySet();

    /**
     * A registry with the functions of {@code libraries} (in order), then of every library listed in a
     * {@code META-INF/services/...FunctionLibrary} file (ServiceLoader), which may add or replace functions.
     */
    public static FunctionRegistry withLibraries(FunctionLibrary... libraries) {
        FunctionRegistry registry = new FunctionRegistry();
        for (FunctionLibrary library : libraries) {
            library.registerInto(registry);
        }
        for (FunctionLibrary library : ServiceLoader.load(FunctionLibrary.class, FunctionRegistry.class.getClassLoader())) {
            library.registerInto(registry);
        }
        return registry;
    }

    /** Adds (or replaces) a scalar function under its name. */
    public FunctionRegistry register(ScalarFunction function) {
        scalars.put(function.name(), function);
        return this;
    }

    /**
     * Adds an operator written between its operands ({@code s has "x"}) whose name is a word: a query may not
     * call it as a function ({@code has(s, "x")} is rejected, as in Kusto).
     */
    public FunctionRegistry registerOperator(ScalarFunction operator) {
        operators.add(operator.name());
        return register(operator);
    }

    /** True for a word operator that is not also a function ({@link #registerOperator}). */
    public boolean isOperator(String name) {
        return operators.contains(name);
    }

    /** Adds (or replaces) a scalar function under another name too (iff/iif, todouble/toreal...). */
    public FunctionRegistry alias(String alias, String name) {
        ScalarFunction f = scalars.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no function " + name);
        }
        scalars.put(alias, new ScalarFunction() {
            @Override
            public String name() {
                return alias;
            }

            @Override
            public ScalarBinding bind(List<Argument> args) {
                return f.bind(args);
            }
        });
        return this;
    }

    public FunctionRegistry register(AggregateFunction function) {
        aggregates.put(function.name(), function);
        return this;
    }

    public Optional<ScalarFunction> scalar(String name) {
        return Optional.ofNullable(scalars.get(name));
    }

    public Optional<AggregateFunction> aggregate(String name) {
        return Optional.ofNullable(aggregates.get(name));
    }

    /** Names of every function a query may call (for "did you mean"), operators left out. */
    public Collection<String> names() {
        Map<String, Boolean> names = new TreeMap<>();
        scalars.keySet().stream().filter(n -> Character.isLetter(n.charAt(0)) && !n.contains(" ")
                        && !operators.contains(n))
                .forEach(n -> names.put(n, true));
        aggregates.keySet().forEach(n -> names.put(n, true));
        return names.keySet();
    }
}

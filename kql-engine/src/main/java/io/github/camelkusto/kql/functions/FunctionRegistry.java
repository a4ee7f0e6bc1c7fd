package io.github.camelkusto.kql.functions;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelkusto.kql.aggregates.AggregateFunction;

/**
 * Every scalar and aggregate function the engine knows, by name. Built-ins come from the {@link FunctionLibrary}
 * classes listed in {@link #BUILT_IN}; more come from {@code META-INF/services/...FunctionLibrary} files
 * (ServiceLoader) or from {@link #register}. See package-info for how to add one.
 */
public final class FunctionRegistry {
    private static final FunctionLibrary[] BUILT_IN = {
        new io.github.camelkusto.kql.functions.builtin.Operators(),
        new io.github.camelkusto.kql.functions.builtin.ConditionalFunctions(),
        new io.github.camelkusto.kql.functions.builtin.StringFunctions(),
        new io.github.camelkusto.kql.functions.builtin.RegexFunctions(),
        new io.github.camelkusto.kql.functions.builtin.ConversionFunctions(),
        new io.github.camelkusto.kql.functions.builtin.MathFunctions(),
        new io.github.camelkusto.kql.functions.builtin.DateTimeFunctions(),
        new io.github.camelkusto.kql.functions.builtin.SeriesFunctions(),
        new io.github.camelkusto.kql.functions.builtin.WindowFunctions(),
        new io.github.camelkusto.kql.functions.builtin.DynamicFunctions(),
        new io.github.camelkusto.kql.functions.builtin.ArrayFunctions(),
        new io.github.camelkusto.kql.functions.builtin.HashFunctions(),
        new io.github.camelkusto.kql.aggregates.builtin.BasicAggregates(),
        new io.github.camelkusto.kql.aggregates.builtin.StatisticalAggregates(),
        new io.github.camelkusto.kql.aggregates.builtin.PercentileAggregates(),
    };

    private static final FunctionRegistry DEFAULT = createDefault();

    private final Map<String, ScalarFunction> scalars = new ConcurrentHashMap<>();
    private final Map<String, AggregateFunction> aggregates = new ConcurrentHashMap<>();
    private final Set<String> operators = ConcurrentHashMap.newKeySet();

    /** The registry with every built-in and every library found by ServiceLoader. */
    public static FunctionRegistry defaultRegistry() {
        return DEFAULT;
    }

    private static FunctionRegistry createDefault() {
        FunctionRegistry registry = new FunctionRegistry();
        for (FunctionLibrary library : BUILT_IN) {
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
            public ScalarBinding bind(java.util.List<Argument> args) {
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

package io.github.camelkusto.kql.functions;

import java.util.List;


/**
 * An aggregation function of {@code summarize} (count, sum, arg_max...). {@link #bind} resolves a call for its
 * argument types; {@link #outputNames} gives Kusto's automatic column names when the query names none.
 */
public interface AggregateFunction {

    /** Binds the arguments of an aggregate whose number of arguments was checked. */
    @FunctionalInterface
    interface ArgumentsBinder {
        AggregateBinding bind(List<Argument> args);
    }

    /**
     * An aggregate taking {@code minArgs} to {@code maxArgs} arguments, whose automatic names start with
     * {@code prefix}: most aggregates are this and a binder.
     */
    static AggregateFunction of(String name, int minArgs, int maxArgs, String prefix, ArgumentsBinder binder) {
        return new AggregateFunction() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String namePrefix() {
                return prefix;
            }

            @Override
            public AggregateBinding bind(List<Argument> args) {
                if (args.size() < minArgs || args.size() > maxArgs) {
                    throw new BindException(name + " expects " + (minArgs == maxArgs ? String.valueOf(minArgs)
                            : minArgs + " to " + maxArgs) + " argument(s), not " + args.size());
                }
                return binder.bind(args);
            }
        };
    }

    String name();

    /** @throws BindException when the arguments do not fit */
    AggregateBinding bind(List<Argument> args);

    /**
     * Kusto's names for the output columns when the query gives none: {@code prefix_arg} where {@code arg} is
     * the name of the first argument when it is a column (else empty): {@code sum_v}, {@code count_},
     * {@code list_x}. {@code argNames} has the column name of each argument, or null for other expressions.
     */
    default List<String> outputNames(List<String> argNames) {
        String first = argNames.isEmpty() || argNames.get(0) == null ? "" : argNames.get(0);
        return List.of(namePrefix() + "_" + first);
    }

    /**
     * Automatic names that depend on constant arguments ({@code percentile(x, 50)} is {@code percentile_x_50});
     * {@code args} are the bound arguments (empty when {@code *} was expanded).
     */
    default List<String> outputNames(List<String> argNames, List<Argument> args) {
        return outputNames(argNames);
    }

    /** The prefix of automatic names: the function's name unless Kusto uses another ({@code make_list} -> list). */
    default String namePrefix() {
        return name();
    }

    /** Whether {@code *} may be an argument (expanded by the binder to the input's other columns). */
    default boolean acceptsStar() {
        return false;
    }
}

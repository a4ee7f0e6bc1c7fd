package io.github.camelkusto.kql.functions;

import java.util.List;
import java.util.function.Supplier;

import io.github.camelkusto.kql.types.KqlType;

/**
 * An aggregate call resolved for its argument types: the types of its output columns (most have one; arg_max
 * has one per argument), the types its arguments must be converted to (null: as they are), and a factory of
 * fresh grouped state.
 */
public record AggregateBinding(List<KqlType> outputTypes, List<KqlType> argumentTypes,
                               Supplier<GroupedAggregator> aggregator) {
    public AggregateBinding {
        outputTypes = List.copyOf(outputTypes);
    }

    public static AggregateBinding of(KqlType output, Supplier<GroupedAggregator> aggregator) {
        return new AggregateBinding(List.of(output), null, aggregator);
    }
}

package io.github.camelkusto.export.kql.aggregates.builtin;

import io.github.camelkusto.export.kql.functions.FunctionLibrary;
import io.github.camelkusto.export.kql.functions.FunctionRegistry;

/** count, sum, avg, min, max, dcount, take_any, make_list, make_set, arg_max, arg_min and their -if forms. */
public final class BasicAggregates implements FunctionLibrary {
    @Override
    public void registerInto(FunctionRegistry registry) {
    }
}

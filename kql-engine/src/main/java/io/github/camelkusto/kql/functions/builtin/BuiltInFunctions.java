package io.github.camelkusto.kql.functions.builtin;

import io.github.camelkusto.kql.functions.FunctionLibrary;
import io.github.camelkusto.kql.functions.FunctionRegistry;

/**
 * Every built-in scalar and aggregate function, as one library. The engine's bootstrap registers it
 * ({@code QueryEngine.defaultFunctions()}); the registry itself knows no built-in, so the function SPIs do not
 * depend on their implementations.
 */
public final class BuiltInFunctions implements FunctionLibrary {
    private static final FunctionLibrary[] LIBRARIES = {
        new Operators(),
        new ConditionalFunctions(),
        new StringFunctions(),
        new RegexFunctions(),
        new ConversionFunctions(),
        new MathFunctions(),
        new DateTimeFunctions(),
        new SeriesFunctions(),
        new SeriesDecomposition(),
        new WindowFunctions(),
        new DynamicFunctions(),
        new ArrayFunctions(),
        new HashFunctions(),
        new EncodingFunctions(),
        new BinaryFunctions(),
        new SeriesElementFunctions(),
        new TextFunctions(),
        new TimeZoneFunctions(),
        new BitwiseAggregates(),
        new CovarianceAggregates(),
        new CodepointFunctions(),
        new ConditionalAggregates(),
        new IngestionFunctions(),
        new BasicAggregates(),
        new StatisticalAggregates(),
        new PercentileAggregates(),
    };

    @Override
    public void registerInto(FunctionRegistry registry) {
        for (FunctionLibrary library : LIBRARIES) {
            library.registerInto(registry);
        }
    }
}

/**
 * API (extension point): the scalar and aggregate function SPIs ({@code ScalarFunction},
 * {@code AggregateFunction}, {@code GroupedAggregator}, {@code RowWise}, {@code Overloads}, ...) and
 * {@code FunctionRegistry}, which knows no function itself: libraries ({@code FunctionLibrary}) register into it.
 * See the root package-info for how to add a function. Never depends on the built-ins.
 */
package io.github.camelkusto.kql.functions;

/**
 * Internal (not exported by the bundle): the binder ({@code Binder}; tabular, expression and aggregate binding
 * in {@code TabularBinder}, {@code ExpressionBinder} and {@code AggregateBinder}) turns a parsed query into a typed
 * {@code PlanNode} tree over {@code BoundExpr}s. It may not depend on {@code exec}: sub-plans it must run while
 * binding ({@code toscalar}, {@code bag_unpack}) go through a function it is given.
 */
package io.github.camelkusto.kql.plan;

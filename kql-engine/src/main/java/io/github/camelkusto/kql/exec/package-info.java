/**
 * API: {@code QueryEngine} (parse, check and run a query over a {@code KustoDatabase} into a
 * {@code QueryResult} that streams when read; built with an optional {@code FunctionRegistry} and
 * {@code java.util.concurrent.Executor}), {@code Cancellation} and {@code Deadline}. The operators that run a plan
 * ({@code PlanExecutor}, the streams, joins, aggregation, top-N) are package-private.
 */
package io.github.camelkusto.kql.exec;

/**
 * API: the table commands ({@code .create table}, {@code .ingest inline}, {@code .set-or-append},
 * {@code .show tables}, ...): {@code TableCommandParser} parses them, {@code TableCommandRunner} runs them on a
 * {@code KustoDatabase} (queries through a {@code QueryEngine}) and returns a {@code ResultTable}.
 */
package io.github.camelkusto.kql.control;

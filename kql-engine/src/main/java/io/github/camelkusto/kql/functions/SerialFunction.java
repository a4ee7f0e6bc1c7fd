package io.github.camelkusto.kql.functions;

/**
 * Marks a function that depends on the order of rows (row_number, prev, next): the binder only allows it
 * over a serialized input (after serialize, sort, top...), which runs as one ordered partition.
 */
public interface SerialFunction {
}

package io.github.camelkusto.export.kql.functions;

/**
 * What a kernel may know of the batch it computes over besides its arguments: the row count, and the position
 * of the batch's first row in its (serialized) stream, for {@code row_number()}.
 */
public record EvalContext(int rows, long firstRow) {
}

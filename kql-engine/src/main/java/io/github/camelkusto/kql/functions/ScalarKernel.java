package io.github.camelkusto.kql.functions;

import io.github.camelkusto.kql.data.Vector;

/**
 * The vectorised implementation of one overload of a scalar function: argument vectors of one batch in, the
 * result vector out ({@code context.rows()} rows). Arguments may be constant vectors (see {@link Vector#mask()}).
 */
@FunctionalInterface
public interface ScalarKernel {
    Vector apply(Vector[] args, EvalContext context);
}

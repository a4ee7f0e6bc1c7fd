package io.github.camelkusto.kql.functions;

/**
 * The kernel of a function over ordered rows: how many rows before and after each row it reads (prev(x, 2)
 * reads 2 before, next(x) 1 after), so the executor hands it windows with enough neighbours; see
 * {@link EvalContext}. A running function (row_cumsum, ranks) reads none and keeps its value in the context's
 * state instead: it computes rows {@code [0, to)} of a window but remembers only what it had at {@code to}.
 */
public interface SerialKernel extends ScalarKernel {
    default int rowsBefore() {
        return 0;
    }

    default int rowsAfter() {
        return 0;
    }
}

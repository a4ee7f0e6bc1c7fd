package io.github.camelkusto.kql.functions;

import java.util.List;

/**
 * A scalar function (or operator) of KQL. The binder asks it to {@link #bind} each call to the argument types
 * found there; the result is the call's type and the kernel that computes it. Most functions are written with
 * {@link Overloads} (a table of signatures) and {@link RowWise} kernels; see package-info.
 */
public interface ScalarFunction {
    /** The name a query calls it by (case-sensitive, as in Kusto); operators use their symbol. */
    String name();

    /** @throws BindException when the arguments do not fit any form of the function */
    ScalarBinding bind(List<Argument> args);
}

package io.github.camelkusto.kql.functions;

import java.util.List;

import io.github.camelkusto.kql.types.KqlType;

/**
 * A call resolved by a {@link ScalarFunction}: its result type and kernel. {@code argumentTypes} are the types
 * the kernel expects its arguments in (the binder converts arguments to them: int to long, long to real...);
 * null means "as they are".
 */
public record ScalarBinding(KqlType type, ScalarKernel kernel, List<KqlType> argumentTypes, boolean deterministic) {
    public ScalarBinding(KqlType type, ScalarKernel kernel) {
        this(type, kernel, null, true);
    }

    public ScalarBinding(KqlType type, ScalarKernel kernel, List<KqlType> argumentTypes) {
        this(type, kernel, argumentTypes, true);
    }

    /** The same binding, marked as giving different values at each evaluation (now(), rand()). */
    public ScalarBinding nondeterministic() {
        return new ScalarBinding(type, kernel, argumentTypes, false);
    }
}

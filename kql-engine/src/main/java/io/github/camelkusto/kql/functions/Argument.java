package io.github.camelkusto.kql.functions;

import io.github.camelkusto.kql.types.KqlType;

/**
 * An argument of a call as the binder sees it: its type, and its value when it is a constant (a literal or an
 * expression of literals), so a function can check or pre-compute it (a regex pattern, a number of digits).
 */
public record Argument(KqlType type, boolean isConstant, Object constantValue) {
    public static Argument of(KqlType type) {
        return new Argument(type, false, null);
    }
}

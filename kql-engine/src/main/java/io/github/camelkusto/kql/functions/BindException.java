package io.github.camelkusto.kql.functions;

/**
 * Thrown by a function that cannot take the arguments it was given; the binder turns it into a
 * {@code KustoSyntaxException} pointing at the call. The message says what is wrong and what would fit.
 */
public class BindException extends RuntimeException {
    public BindException(String message) {
        super(message, null, false, false);
    }
}

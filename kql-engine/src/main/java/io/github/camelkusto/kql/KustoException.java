package io.github.camelkusto.kql;

/**
 * The base of every error this component reports about what a user wrote or asked for: bad syntax, an
 * unknown table, an invalid property, an unsupported storage. Routes catch this type with
 * {@code onException(KustoException.class)}. Messages never contain secrets.
 */
public class KustoException extends RuntimeException {

    public KustoException(String message) {
        super(message);
    }

    public KustoException(String message, Throwable cause) {
        super(message, cause);
    }
}

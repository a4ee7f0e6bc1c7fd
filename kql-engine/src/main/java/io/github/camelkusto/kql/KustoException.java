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

    /**
     * What went wrong in {@code failure}, never null or blank: its message, or what its kind means when it has
     * none ({@code NullPointerException}, {@code ClosedChannelException} and stack overflows carry no message).
     */
    public static String reason(Throwable failure) {
        if (failure instanceof StackOverflowError) {
            return "it nests too deeply for the stack of this thread (a regex, a dynamic value or a query)";
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** {@code error} as the KustoException a route catches: a stack overflow is no reason to stop a route. */
    public static KustoException of(StackOverflowError error) {
        return new KustoException("cannot run the command: " + reason(error), error);
    }
}

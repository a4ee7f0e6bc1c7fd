package io.github.camelkusto.export.server;

import io.github.camelkusto.kql.KustoException;

/**
 * A management command refused for now (every export slot busy and the queue full): the server answers HTTP 429,
 * which tells a client to retry later, as ADX does when it throttles.
 */
public class ThrottledCommandException extends KustoException {
    public ThrottledCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}

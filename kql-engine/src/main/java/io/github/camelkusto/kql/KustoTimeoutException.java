package io.github.camelkusto.kql;

/**
 * A request (query, command or export) ran past its deadline and was stopped. The message names what was
 * running, after how long, and the setting that bounds it.
 */
public class KustoTimeoutException extends KustoException {

    public KustoTimeoutException(String message) {
        super(message);
    }
}

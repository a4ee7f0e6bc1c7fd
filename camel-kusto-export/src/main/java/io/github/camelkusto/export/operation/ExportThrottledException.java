package io.github.camelkusto.export.operation;

import io.github.camelkusto.kql.KustoException;

/** An async export refused because every export slot is busy and the queue is full; retry it later. */
public class ExportThrottledException extends KustoException {
    public ExportThrottledException(String message) {
        super(message);
    }
}

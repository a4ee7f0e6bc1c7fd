package io.github.camelkusto.export.artifact;

import io.github.camelkusto.kql.KustoException;

/** The export stopped because its {@link ExportMonitor} said so; what was committed stays, nothing else. */
public class ExportCanceledException extends KustoException {
    public ExportCanceledException(String message) {
        super(message);
    }
}

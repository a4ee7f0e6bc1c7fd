package io.github.camelkusto.export.operation;

import java.time.Duration;

/**
 * Told when an export starts and ends, sync or async, whatever the outcome: what the component's metrics are
 * fed from. Called on the export's thread; an implementation must be quick and must not throw.
 */
public interface ExportListener {
    /** Listens to nothing: no metrics. */
    ExportListener NONE = new ExportListener() {
    };

    /** The export is about to write its first artifact. */
    default void started(OperationSnapshot operation) {
    }

    /**
     * The export ended: {@code operation} holds its state and what it wrote, {@code took} its running time and
     * {@code retries} the storage requests it tried again.
     */
    default void ended(OperationSnapshot operation, Duration took, long retries) {
    }
}

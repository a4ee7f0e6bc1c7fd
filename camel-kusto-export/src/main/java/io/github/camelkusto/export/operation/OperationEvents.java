package io.github.camelkusto.export.operation;

import java.nio.file.Path;
import java.util.List;

import io.github.camelkusto.export.artifact.ExportedArtifact;

/** What happens to operations, as the journal records it. */
interface OperationEvents {
    /** Records nothing: operations live in memory only (no {@code operationsDir}). */
    OperationEvents NONE = new OperationEvents() {
    };

    default void stateChanged(Operation operation) {
    }

    /** An artifact of {@code operation} is about to be written to the hidden local file {@code file}. */
    default void staging(Operation operation, Path file) {
    }

    default void artifactCommitted(Operation operation, ExportedArtifact artifact) {
    }

    default void artifactsDeleted(Operation operation, List<ExportedArtifact> deleted) {
    }
}

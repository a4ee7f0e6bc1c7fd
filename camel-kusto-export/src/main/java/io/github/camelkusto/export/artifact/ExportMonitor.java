package io.github.camelkusto.export.artifact;

import java.nio.file.Path;
import io.github.camelkusto.export.storage.RetryObserver;
import io.github.camelkusto.kql.exec.Cancellation;

/**
 * Watches one export while its writers run: what has been committed and written so far (the live progress
 * {@code .show operations} reports), and whether the export must stop. It is the export's one
 * {@link Cancellation}: the writers check it between chunks, the query engine between batches and storage
 * between attempts. Called from writer threads, so implementations must be thread-safe.
 */
public interface ExportMonitor extends Cancellation, RetryObserver {

    /** A monitor that watches nothing and never cancels: synchronous exports without an operation. */
    ExportMonitor NONE = new ExportMonitor() {
    };

    /**
     * An artifact is about to be written to the hidden local file {@code file}, which its commit renames into
     * place: should the process die first, the file is what is left behind.
     */
    default void staging(Path file) {
    }

    /** An artifact was committed: it is whole and visible in storage. */
    default void artifactCommitted(ExportedArtifact artifact) {
    }

    /** {@code records} more records and {@code bytes} more stored bytes were written (committed or not). */
    default void written(long records, long bytes) {
    }

    /** A storage request of the export failed transiently and is tried again (storageRetryAttempts). */
    @Override
    default void retried() {
    }

    /**
     * True once the export should stop. Writers check it between chunks; they then discard every uncommitted
     * artifact and throw {@link ExportCanceledException}.
     */
    default boolean canceled() {
        return false;
    }

    /** Throws {@link ExportCanceledException} once {@link #canceled()}; a deadline may stop it too (overrides). */
    @Override
    default void check(String activity) {
        if (canceled()) {
            throw new ExportCanceledException("export canceled");
        }
    }
}

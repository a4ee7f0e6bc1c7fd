package io.github.camelkusto.export.artifact;

/**
 * Watches one export while its writers run: what has been committed and written so far (the live progress
 * {@code .show operations} reports), and whether the export was asked to stop. Called from writer threads,
 * so implementations must be thread-safe.
 */
public interface ExportMonitor {

    /** A monitor that watches nothing and never cancels: synchronous exports without an operation. */
    ExportMonitor NONE = new ExportMonitor() {
    };

    /** An artifact was committed: it is whole and visible in storage. */
    default void artifactCommitted(ExportedArtifact artifact) {
    }

    /** {@code records} more records and {@code bytes} more stored bytes were written (committed or not). */
    default void written(long records, long bytes) {
    }

    /**
     * True once the export should stop. Writers check it between chunks; they then discard every uncommitted
     * artifact and throw {@link ExportCanceledException}.
     */
    default boolean canceled() {
        return false;
    }
}

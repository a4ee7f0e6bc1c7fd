package io.github.camelkusto.export.storage;

import java.io.IOException;

/** One place artifacts are written to: a blob container (and path) or a local folder. */
public interface StorageTarget extends AutoCloseable {

    /**
     * Checks that the target can be written to (the container or folder exists and the credential is
     * accepted) without writing anything: run before the query so that a bad target fails early.
     */
    void verify() throws IOException;

    /** Starts an artifact named {@code name} (which may contain '/'), relative to the target's location. */
    ArtifactSink create(String name) throws IOException;

    /**
     * Deletes a committed artifact, given the path its commit returned ({@code cleanupOnFailure}); false when the
     * path is not one of this target's or the target cannot delete.
     */
    default boolean delete(String path) throws IOException {
        return false;
    }

    /** The location without secrets, for messages and logs. */
    String describe();

    @Override
    default void close() {
    }
}

package io.github.camelkusto.export.storage;

import java.io.IOException;

import io.github.camelkusto.kql.exec.Cancellation;

/** One place artifacts are written to: a blob container (and path) or a local folder. */
public interface StorageTarget extends AutoCloseable {

    /**
     * Checks that the target can be written to (the container or folder exists and the credential is
     * accepted) without writing anything: run before the query so that a bad target fails early.
     */
    void verify() throws IOException;

    /** {@link #verify()}, stopping when {@code cancellation} says so (a target that may wait must override). */
    default void verify(Cancellation cancellation) throws IOException {
        verify();
    }

    /** Starts an artifact named {@code name} (which may contain '/'), relative to the target's location. */
    ArtifactSink create(String name) throws IOException;

    /**
     * {@link #create(String)} for an export that may be canceled or time out: its requests stop, and wait no
     * longer than {@code cancellation} allows (a target that may wait must override).
     */
    default ArtifactSink create(String name, Cancellation cancellation) throws IOException {
        return create(name);
    }

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

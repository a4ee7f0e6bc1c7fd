package io.github.camelkusto.export.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The bytes of one artifact on its way to storage. Nothing is visible to readers of the storage until
 * {@link #commit()}; {@link #close()} without a commit discards what was written.
 */
public abstract class ArtifactSink extends OutputStream {

    /**
     * The hidden local file this artifact is written to before its commit, if it has one: it is created only by
     * the first write, so whoever records it (the operations journal) can do so before it exists.
     */
    public Optional<Path> stagingFile() {
        return Optional.empty();
    }

    /** Makes the artifact visible, whole, and returns where it is (a URL or path without secrets). */
    public abstract String commit() throws IOException;

    /**
     * {@link #commit()}, telling the target how many records the artifact holds (a Camel endpoint's message
     * carries it as a header; other targets do not need it).
     */
    public String commit(long records) throws IOException {
        return commit();
    }

    /** Discards the artifact if it was not committed; safe to call more than once. */
    @Override
    public abstract void close() throws IOException;
}

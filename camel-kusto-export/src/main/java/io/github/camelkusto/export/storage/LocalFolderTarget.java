package io.github.camelkusto.export.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Writes artifacts into a local folder: each artifact goes to a hidden temp file beside its final name and
 * is renamed into place on commit, so a reader never sees half an artifact.
 */
public final class LocalFolderTarget implements StorageTarget {
    /**
     * Writes below this size are gathered in a buffer (a header, parquet's page headers and footer fields); larger ones
     * (text writers hand over whole chunks) go straight to the file. The buffer is made at an artifact's first small
     * write: a per_shard csv export of a 153-extent table opens 153 artifacts whose one write each is a chunk, and
     * their buffers (32 KB each then) were a third of the bytes such an export allocated.
     */
    private static final int SMALL_WRITE = 8 * 1024;
    private final Path folder;

    public LocalFolderTarget(LocalFolderLocation location) {
        this.folder = location.folder().toAbsolutePath().normalize();
    }

    @Override
    public void verify() {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StorageException("cannot create the local folder " + folder + ": " + whyNot(folder, e), e);
        }
        if (!Files.isWritable(folder)) {
            throw new StorageException("local folder " + folder + " is not writable");
        }
    }

    /** Why {@code folder} could not be created: a file in the way (its nearest existing ancestor), or the failure. */
    private static String whyNot(Path folder, IOException failure) {
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? Failures.why(failure) : p + " is a file, not a folder";
            }
        }
        return Failures.why(failure);
    }

    @Override
    public ArtifactSink create(String name) throws IOException {
        Path target = folder.resolve(name).normalize();
        if (!target.startsWith(folder)) {
            throw new StorageException("artifact name '" + name + "' leaves the folder " + folder);
        }
        Path temp = target.resolveSibling("." + target.getFileName() + ".part");
        return new LocalSink(temp, target);
    }

    @Override
    public boolean delete(String path) throws IOException {
        Path file = Path.of(path).toAbsolutePath().normalize();
        if (!file.startsWith(folder)) {
            return false;
        }
        Files.deleteIfExists(file);
        return true;
    }

    @Override
    public String describe() {
        return folder.toString();
    }

    private static final class LocalSink extends ArtifactSink {
        private final Path temp;
        private final Path target;
        /** The staging file, created at the first write (after the journal has recorded it). */
        private OutputStream file;
        /** Over {@link #file}, from the first small write on. */
        private BufferedOutputStream gathered;
        private boolean done;

        LocalSink(Path temp, Path target) {
            this.temp = temp;
            this.target = target;
        }

        @Override
        public Optional<Path> stagingFile() {
            return Optional.of(temp);
        }

        private OutputStream file() throws IOException {
            if (file == null) {
                file = open();
            }
            return file;
        }

        /** Where a write of {@code length} bytes goes: the file, or the buffer once there has been a small write. */
        private OutputStream out(int length) throws IOException {
            if (gathered == null && length < SMALL_WRITE) {
                gathered = new BufferedOutputStream(file(), SMALL_WRITE);
            }
            return outermost();
        }

        /**
         * The stream writes and closing go through: the buffer once made (it passes writes of its size or more to
         * the file, after the bytes it holds), else the file.
         */
        private OutputStream outermost() throws IOException {
            return gathered != null ? gathered : file();
        }

        /**
         * Creates the staging file, and its folder only when the file cannot be created without it: most artifacts
         * go to a folder that exists (the export's, made by {@link LocalFolderTarget#verify()}), and creating it
         * each time was a mkdir failing with EEXIST and two stats per artifact, more time than creating the file
         * (strace of a per_shard export writing 153 small files).
         */
        private OutputStream open() throws IOException {
            try {
                return Files.newOutputStream(temp);
            } catch (IOException firstTry) {
                if (!Files.isDirectory(temp.getParent())) {
                    try {
                        Files.createDirectories(temp.getParent());
                    } catch (IOException e) {
                        throw new IOException("cannot create the folder of artifact " + target + ": "
                                + whyNot(temp.getParent(), e), e);
                    }
                }
            }
            // the folder is there now, made here or by another writer of the export meanwhile
            try {
                return Files.newOutputStream(temp);
            } catch (IOException e) {
                throw failed("creating", e);
            }
        }

        /** The failure, saying which file of which artifact and why (a full disk names no path itself). */
        private IOException failed(String doing, IOException e) {
            return new IOException(doing + " " + temp + " (artifact " + target.getFileName() + ") failed: "
                    + Failures.why(e), e);
        }

        @Override
        public void write(int b) throws IOException {
            OutputStream stream = out(1);
            try {
                stream.write(b);
            } catch (IOException e) {
                throw failed("writing", e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            OutputStream stream = out(len);
            try {
                stream.write(b, off, len);
            } catch (IOException e) {
                throw failed("writing", e);
            }
        }

        @Override
        public String commit() throws IOException {
            OutputStream stream = outermost();
            try {
                stream.close();
            } catch (IOException e) {
                throw failed("writing", e);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw failed("renaming into place", e);
            }
            done = true;
            return target.toString();
        }

        @Override
        public void close() throws IOException {
            if (!done && file != null) { // else no staging file was made
                outermost().close();
                Files.deleteIfExists(temp);
            }
            done = true;
        }
    }
}

package io.github.camelkusto.export.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;

/**
 * The files an export left under a location, read back ({@code external_table('T')}): a local folder's files,
 * or the blobs under a container's folder, listed and read through the Azure SDK. Names are relative to the
 * location, with '/' between folders.
 */
public sealed interface StoredFiles {
    /** The names of the files whose name ends with {@code suffix}, sorted; none when the location is empty. */
    List<String> list(String suffix) throws IOException;

    InputStream open(String name) throws IOException;

    /** The file on the local disk, when it is one (a parquet reader needs random access). */
    Optional<Path> localPath(String name);

    /** A local folder; a missing one holds nothing yet. */
    record LocalFiles(Path folder) implements StoredFiles {
        @Override
        public List<String> list(String suffix) throws IOException {
            if (!Files.isDirectory(folder)) {
                return List.of();
            }
            try (Stream<Path> files = Files.walk(folder)) {
                return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(suffix))
                        .map(f -> folder.relativize(f).toString().replace('\\', '/')).sorted().toList();
            }
        }

        @Override
        public InputStream open(String name) throws IOException {
            return Files.newInputStream(folder.resolve(name));
        }

        @Override
        public Optional<Path> localPath(String name) {
            return Optional.of(folder.resolve(name));
        }
    }

    /** The blobs of a container under {@code prefix} (empty, or a folder ending in '/'). */
    record Blobs(BlobContainerClient container, String prefix) implements StoredFiles {
        @Override
        public List<String> list(String suffix) throws IOException {
            List<String> names = new ArrayList<>();
            try {
                if (!container.exists()) {
                    return List.of();
                }
                for (BlobItem blob : container.listBlobs(new ListBlobsOptions().setPrefix(prefix), null)) {
                    if (blob.getName().endsWith(suffix)) {
                        names.add(blob.getName().substring(prefix.length()));
                    }
                }
            } catch (RuntimeException e) {
                throw new IOException("cannot list the blobs: " + why(e), e);
            }
            names.sort(null);
            return names;
        }

        @Override
        public InputStream open(String name) throws IOException {
            try {
                return container.getBlobClient(prefix + name).openInputStream();
            } catch (RuntimeException e) {
                throw new IOException("cannot read blob " + prefix + name + ": " + why(e), e);
            }
        }

        @Override
        public Optional<Path> localPath(String name) {
            return Optional.empty();
        }

        /** Azure's status and error code: its messages may quote a request's URL. */
        private static String why(RuntimeException e) {
            return e instanceof BlobStorageException bse ? bse.getStatusCode() + " " + bse.getErrorCode()
                    : e.getClass().getSimpleName();
        }
    }
}

package io.github.camelkusto.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;

/** Reads back what was written to blob storage, through the plain Azure SDK. */
public final class BlobArtifacts {
    private BlobArtifacts() {
    }

    /** Names of the committed blobs of a container, sorted. */
    public static List<String> list(BlobServiceClient client, String container) {
        return list(client, container, null);
    }

    /** Names of the committed blobs under {@code prefix} (null for all), sorted. */
    public static List<String> list(BlobServiceClient client, String container, String prefix) {
        return client.getBlobContainerClient(container).listBlobs(new ListBlobsOptions().setPrefix(prefix), null)
                .stream().map(BlobItem::getName).sorted().toList();
    }

    /** The bytes of a blob. */
    public static byte[] download(BlobServiceClient client, String container, String blob) {
        return client.getBlobContainerClient(container).getBlobClient(blob).downloadContent().toBytes();
    }

    /** Downloads a blob to a new temporary file, deleted when the JVM exits, that ends with the blob's file name. */
    public static Path downloadToTempFile(BlobServiceClient client, String container, String blob) throws IOException {
        // Keeping the blob's own name, extensions included, lets DuckDB and gzip recognise the format.
        Path file = Files.createTempFile("blob-", "-" + blob.substring(blob.lastIndexOf('/') + 1));
        file.toFile().deleteOnExit();
        Files.write(file, download(client, container, blob));
        return file;
    }

    /** The text of a blob, as UTF-8. */
    public static String text(BlobServiceClient client, String container, String blob) {
        return new String(download(client, container, blob), StandardCharsets.UTF_8);
    }
}

package io.github.camelkusto.testkit;

import java.nio.charset.StandardCharsets;
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

    /** The text of a blob, as UTF-8. */
    public static String text(BlobServiceClient client, String container, String blob) {
        return new String(download(client, container, blob), StandardCharsets.UTF_8);
    }
}

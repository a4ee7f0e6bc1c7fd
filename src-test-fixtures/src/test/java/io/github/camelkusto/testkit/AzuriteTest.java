package io.github.camelkusto.testkit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(AzuriteExtension.class)
class AzuriteTest {
    @Test
    void blobsRoundTripThroughTheRealService(Azurite azurite) throws Exception {
        String container = azurite.newContainer("round-trip");
        BlobContainerClient blobs = azurite.blobServiceClient().getBlobContainerClient(container);
        blobs.getBlobClient("out/a.csv").upload(BinaryData.fromString("x,y\r\n1,é\r\n"));
        blobs.getBlobClient("other.txt").upload(BinaryData.fromString("other"));

        assertThat(BlobArtifacts.list(azurite.blobServiceClient(), container)).containsExactly("other.txt", "out/a.csv");
        assertThat(BlobArtifacts.list(azurite.blobServiceClient(), container, "out/")).containsExactly("out/a.csv");
        assertThat(BlobArtifacts.text(azurite.blobServiceClient(), container, "out/a.csv")).isEqualTo("x,y\r\n1,é\r\n");
        assertThat(BlobArtifacts.download(azurite.blobServiceClient(), container, "other.txt"))
                .isEqualTo("other".getBytes(StandardCharsets.UTF_8));
        Path file = BlobArtifacts.downloadToTempFile(azurite.blobServiceClient(), container, "out/a.csv");
        assertThat(file.getFileName().toString()).endsWith("-a.csv");
        assertThat(Files.readString(file)).isEqualTo("x,y\r\n1,é\r\n");
        SharedAzuriteTest.assertSameAsEarlierClasses(azurite);
    }

    @Test
    void connectionStringsReachTheSameAccount(Azurite azurite) {
        String container = azurite.newContainer("conn");

        var viaConnectionString = new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient();
        assertThat(viaConnectionString.getBlobContainerClient(container).exists()).isTrue();
        assertThat(azurite.blobEndpoint()).isEqualTo("http://127.0.0.1:" + azurite.port() + "/devstoreaccount1");
        assertThat(azurite.kustoConnectionString(container))
                .isEqualTo(azurite.blobEndpoint() + "/" + container + ";" + azurite.accountKey());
        assertThat(azurite.accountName()).isEqualTo("devstoreaccount1");
    }

    @Test
    void newContainerNamesAreValidAndUniqueWhateverThePrefix(Azurite azurite) {
        String awkward = azurite.newContainer("My_Export Test!");
        String empty = azurite.newContainer("--");
        String longOne = azurite.newContainer("x".repeat(100));

        assertThat(awkward).matches("myexporttest-[0-9a-f]{32}");
        assertThat(empty).matches("c-[0-9a-f]{32}");
        assertThat(longOne).hasSize(63).matches("x{30}-[0-9a-f]{32}");
        assertThat(azurite.newContainer("same")).isNotEqualTo(azurite.newContainer("same"));
    }
}

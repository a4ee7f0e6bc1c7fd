package io.github.camelkusto.testkit;

import java.nio.charset.StandardCharsets;

import com.azure.core.util.BinaryData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(AzuriteExtension.class)
class AzuriteTest {
    static int portSeen;

    @Test
    void aBlobRoundTripsThroughTheRealService(Azurite azurite) {
        String container = azurite.newContainer("Round_Trip");
        azurite.blobServiceClient().getBlobContainerClient(container).getBlobClient("a/b.txt")
                .upload(BinaryData.fromString("hello"));

        assertThat(container).matches("roundtrip-[0-9a-f]{32}");
        assertThat(BlobArtifacts.list(azurite.blobServiceClient(), container)).containsExactly("a/b.txt");
        assertThat(BlobArtifacts.text(azurite.blobServiceClient(), container, "a/b.txt")).isEqualTo("hello");
        assertThat(new String(BlobArtifacts.download(azurite.blobServiceClient(), container, "a/b.txt"),
                StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(azurite.kustoConnectionString(container))
                .isEqualTo("http://127.0.0.1:" + azurite.port() + "/devstoreaccount1/" + container + ";"
                        + Azurite.ACCOUNT_KEY);
        SharedAzuriteTest.assertSameAsEarlierClasses(azurite);
    }
}

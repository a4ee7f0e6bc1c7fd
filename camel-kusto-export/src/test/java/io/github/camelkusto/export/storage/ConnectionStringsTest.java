package io.github.camelkusto.export.storage;

import java.nio.file.Path;

import io.github.camelkusto.export.command.StorageLiteral;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionStringsTest {
    private static final String KEY = "c2VjcmV0LWtleS1ieXRlcw==";

    private static StorageLocation parse(String s) {
        return ConnectionStrings.parse(new StorageLiteral(s, false, "connection string 1"));
    }

    @Test
    void anAzureBlobUrlWithAnAccountKeyNamesAccountContainerAndFolder() {
        BlobLocation location = (BlobLocation) parse("https://acct.blob.core.windows.net/logs/2026/11;" + KEY);

        assertThat(location.serviceUrl()).isEqualTo("https://acct.blob.core.windows.net");
        assertThat(location.accountName()).isEqualTo("acct");
        assertThat(location.container()).isEqualTo("logs");
        assertThat(location.prefix()).isEqualTo("2026/11/");
        assertThat(location.credential()).isEqualTo(new BlobCredential.AccountKey(KEY));
        assertThat(location.toString()).isEqualTo("https://acct.blob.core.windows.net/logs/2026/11;****");
    }

    @Test
    void anEmulatorUrlIsPathStyle() {
        BlobLocation location = (BlobLocation) parse("http://127.0.0.1:10000/devstoreaccount1/exports;" + KEY);

        assertThat(location.serviceUrl()).isEqualTo("http://127.0.0.1:10000/devstoreaccount1");
        assertThat(location.container()).isEqualTo("exports");
        assertThat(location.prefix()).isEmpty();
    }

    @Test
    void aSasIsACredentialAndIsMasked() {
        BlobLocation location = (BlobLocation) parse("https://acct.blob.core.windows.net/c01?sv=2024&sig=abc");

        assertThat(location.credential()).isEqualTo(new BlobCredential.SharedAccessSignature("sv=2024&sig=abc"));
        assertThat(location.toString()).isEqualTo("https://acct.blob.core.windows.net/c01?****");
    }

    @Test
    void fileUrlsAndPlainPathsAreLocalFolders() {
        assertThat(parse("file:///tmp/out")).isEqualTo(new LocalFolderLocation(Path.of("/tmp/out")));
        assertThat(parse("exports")).isEqualTo(new LocalFolderLocation(Path.of("exports")));
    }

    @Test
    void unsupportedSchemesAreRefusedNamingWhatIsSupported() {
        assertThatThrownBy(() -> parse("s3://bucket/path;AKIA,secret"))
                .isInstanceOf(StorageException.class)
                .hasMessageStartingWith("connection string 1 (s3://bucket/path;****) uses the unsupported scheme 's3'"
                        + " (supported: https://<account>.blob.core.windows.net/<container>[/path];<key>")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aMissingCredentialIsRefused() {
        assertThatThrownBy(() -> parse("https://acct.blob.core.windows.net/logs"))
                .hasMessageContaining("has no credential: append ;<account key> or ?<SAS token>");
    }

    @Test
    void anInvalidContainerNameIsRefusedWithTheRule() {
        assertThatThrownBy(() -> parse("https://acct.blob.core.windows.net/Logs;" + KEY))
                .hasMessageContaining("invalid container name 'Logs'")
                .hasMessageNotContaining(KEY);
    }
}

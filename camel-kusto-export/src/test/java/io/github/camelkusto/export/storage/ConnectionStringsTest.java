package io.github.camelkusto.export.storage;

import java.nio.file.Path;
import java.util.Optional;

import io.github.camelkusto.export.command.StorageLiteral;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The typed model of connection strings; every form and error, case by case, is in the command corpora. */
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
    void anAbfssUrlIsAnAdlsGen2FileSystemWrittenThroughTheBlobEndpoint() {
        BlobLocation location = (BlobLocation) parse("abfss://lake@acct.dfs.core.windows.net/a/b;sharedkey=" + KEY);

        assertThat(location.kind()).isEqualTo(BlobLocation.Kind.ADLS_GEN2);
        assertThat(location.serviceUrl()).isEqualTo("https://acct.blob.core.windows.net");
        assertThat(location.container()).isEqualTo("lake");
        assertThat(location.prefix()).isEqualTo("a/b/");
        assertThat(location.credential()).isEqualTo(new BlobCredential.AccountKey(KEY));
    }

    @Test
    void identityCredentialsAreTyped() {
        String url = "https://acct.blob.core.windows.net/logs;";

        assertThat(((BlobLocation) parse(url + "managed_identity=system")).credential())
                .isEqualTo(new BlobCredential.ManagedIdentity(Optional.empty()));
        assertThat(((BlobLocation) parse(url + "managed_identity=6f1c2b7e")).credential())
                .isEqualTo(new BlobCredential.ManagedIdentity(Optional.of("6f1c2b7e")));
        assertThat(((BlobLocation) parse(url + "impersonate")).credential())
                .isEqualTo(new BlobCredential.Impersonate());
        assertThat(((BlobLocation) parse(url + "token=abc.def")).credential())
                .isEqualTo(new BlobCredential.BearerToken("abc.def"));
    }
}

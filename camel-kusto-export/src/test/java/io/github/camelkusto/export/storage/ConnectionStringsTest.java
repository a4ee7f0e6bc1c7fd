package io.github.camelkusto.export.storage;

import java.nio.file.Path;
import java.util.List;

import io.github.camelkusto.export.command.Redaction;
import io.github.camelkusto.export.command.StorageLiteral;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The typed model of connection strings; every form and error, case by case, is also in the command corpora. */
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
                .isEqualTo(BlobCredential.ManagedIdentity.SYSTEM);
        assertThat(((BlobLocation) parse(url + "impersonate")).credential())
                .isEqualTo(new BlobCredential.Impersonate());
        assertThat(((BlobLocation) parse(url + "token=abc.def")).credential())
                .isEqualTo(new BlobCredential.BearerToken("abc.def"));
    }

    @Test
    void aUserAssignedIdentityIsNamedByObjectIdAsAdxWritesItOrByClientIdOrResourceId() {
        String url = "https://acct.blob.core.windows.net/logs;managed_identity=";
        String id = "6f1c2b7e-0d3a-4c59-9e1b-2a7f5d8c4e10";
        String resource = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ManagedIdentity"
                + "/userAssignedIdentities/exporter";

        assertThat(((BlobLocation) parse(url + id)).credential())
                .isEqualTo(new BlobCredential.ManagedIdentity(BlobCredential.IdentityId.OBJECT_ID, id));
        assertThat(((BlobLocation) parse(url + "object_id:" + id)).credential())
                .isEqualTo(new BlobCredential.ManagedIdentity(BlobCredential.IdentityId.OBJECT_ID, id));
        assertThat(((BlobLocation) parse(url + "client_id:" + id)).credential())
                .isEqualTo(new BlobCredential.ManagedIdentity(BlobCredential.IdentityId.CLIENT_ID, id));
        assertThat(((BlobLocation) parse(url + resource)).credential())
                .isEqualTo(new BlobCredential.ManagedIdentity(BlobCredential.IdentityId.RESOURCE_ID, resource));
        assertThat(parse(url + "client_id:" + id).toString()).endsWith(";managed_identity=client_id:" + id);
    }

    @Test
    void thePortalConnectionStringWithAContainerIsTheAccountsBlobEndpoint() {
        BlobLocation location = (BlobLocation) parse("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey="
                + KEY + ";EndpointSuffix=core.windows.net;Container=logs/2026/11");

        assertThat(location.serviceUrl()).isEqualTo("https://acct.blob.core.windows.net");
        assertThat(location.accountName()).isEqualTo("acct");
        assertThat(location.container()).isEqualTo("logs");
        assertThat(location.prefix()).isEqualTo("2026/11/");
        assertThat(location.credential()).isEqualTo(new BlobCredential.AccountKey(KEY));
    }

    @Test
    void thePortalSasConnectionStringNamesItsAccountByItsBlobEndpoint() {
        BlobLocation location = (BlobLocation) parse("BlobEndpoint=https://acct.blob.core.windows.net/;"
                + "QueueEndpoint=https://acct.queue.core.windows.net/;SharedAccessSignature=sv=2024&sig=abc;"
                + "Container=logs");

        assertThat(location.serviceUrl()).isEqualTo("https://acct.blob.core.windows.net");
        assertThat(location.container()).isEqualTo("logs");
        assertThat(location.credential()).isEqualTo(new BlobCredential.SharedAccessSignature("sv=2024&sig=abc"));
    }

    @Test
    void useDevelopmentStorageIsAzuritesDefaultEndpoint() {
        BlobLocation location = (BlobLocation) parse("UseDevelopmentStorage=true;Container=exports");

        assertThat(location.serviceUrl()).isEqualTo("http://127.0.0.1:10000/devstoreaccount1");
        assertThat(location.accountName()).isEqualTo("devstoreaccount1");
        assertThat(location.credential()).isInstanceOf(BlobCredential.AccountKey.class);
    }

    @Test
    void thePortalConnectionStringWithoutAContainerIsRefusedWithItsAdxFormAndTheKeyMasked() {
        assertThatThrownBy(() -> parse("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + KEY
                + ";EndpointSuffix=core.windows.net"))
                .isInstanceOf(StorageException.class)
                .hasMessage("connection string 1 (DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=****;"
                        + "EndpointSuffix=core.windows.net) names no container: add ;Container=<container>[/<folder>],"
                        + " or write it as ADX does: https://acct.blob.core.windows.net/<container>;****");
    }

    @Test
    void maskingThePortalFormHidesEverySecretWhateverItsPlace() {
        assertThat(Redaction.connectionString("AccountKey=" + KEY + ";AccountName=acct;SharedAccessSignature=sv=1&sig=x;"
                + KEY + ";Container=c"))
                .isEqualTo("AccountKey=****;AccountName=acct;SharedAccessSignature=****;****;Container=c");
    }

    @Test
    void textsThatAreNoConnectionStringAreNeverLocalFolders() {
        for (String text : List.of("out;" + KEY, "a=b", "out?sv=1", "wasbs://c@acct.blob.core.windows.net/x",
                "acct.blob.core.windows.net/logs", "C:relative")) {
            assertThatThrownBy(() -> parse(text)).as(text).isInstanceOf(StorageException.class)
                    .hasMessageContaining("supported: ").hasMessageNotContaining(KEY);
        }
    }

    @Test
    void aCamelTargetIsTheEndpointUriAfterTheSchemeShownWithItsSecretsMasked() {
        StorageLocation location = parse("camel:sftp://host:22/dir?username=u&password=" + KEY);

        assertThat(location).isEqualTo(new CamelEndpointLocation("sftp://host:22/dir?username=u&password=" + KEY));
        assertThat(location.toString()).isEqualTo("camel:sftp://host:22/dir?username=xxxxxx&password=xxxxxx");
    }

    @Test
    void relativeAbsoluteAndDotPathsAreLocalFolders() {
        assertThat(parse("/tmp/out")).isEqualTo(new LocalFolderLocation(Path.of("/tmp/out")));
        assertThat(parse("./out")).isEqualTo(new LocalFolderLocation(Path.of("./out")));
        assertThat(parse("../out")).isEqualTo(new LocalFolderLocation(Path.of("../out")));
    }

    @Test
    void otherCloudsObjectStoresAreRefusedByNameBeforeTheirCredentialIsRead() {
        assertThatThrownBy(() -> parse("https://bucket.s3.amazonaws.com/path;not a key"))
                .hasMessageStartingWith("connection string 1 (https://bucket.s3.amazonaws.com/path;****) points at"
                        + " Amazon S3 (bucket.s3.amazonaws.com), which is not supported (supported: ");
        assertThatThrownBy(() -> parse("https://storage.googleapis.com/bucket/path?sig=x"))
                .hasMessageContaining("points at Google Cloud Storage");
        assertThatThrownBy(() -> parse("https://acct.file.core.windows.net/share;" + KEY))
                .hasMessageContaining("points at Azure's 'file' storage service");
    }

    @Test
    void dotDotSegmentsOfAPathAreRefused() {
        assertThatThrownBy(() -> parse("https://acct.blob.core.windows.net/exports/../secrets;" + KEY))
                .isInstanceOf(StorageException.class)
                .hasMessage("connection string 1 (https://acct.blob.core.windows.net/exports/../secrets;****) has a"
                        + " '..' segment in its path (a folder is written without '.' and '..')");
        assertThatThrownBy(() -> parse("abfss://lake@acct.dfs.core.windows.net/a/%2e%2e/b;sharedkey=" + KEY))
                .hasMessageContaining("'..' segment");
    }

    @Test
    void oneLakeWorkspacesAreContainersOfTheOneLakeBlobHostInEveryForm() {
        String workspace = "Sales Workspace";
        for (String url : List.of("https://onelake.blob.fabric.microsoft.com/Sales%20Workspace/lake.Lakehouse/Files/x",
                "https://onelake.dfs.fabric.microsoft.com/Sales%20Workspace/lake.Lakehouse/Files/x",
                "abfss://Sales%20Workspace@onelake.dfs.fabric.microsoft.com/lake.Lakehouse/Files/x")) {
            BlobLocation location = (BlobLocation) parse(url + ";impersonate");

            assertThat(location.kind()).as(url).isEqualTo(BlobLocation.Kind.ONELAKE);
            assertThat(location.serviceUrl()).isEqualTo("https://onelake.blob.fabric.microsoft.com");
            assertThat(location.container()).isEqualTo(workspace);
            assertThat(location.prefix()).isEqualTo("lake.Lakehouse/Files/x/");
            assertThat(location.credential()).isEqualTo(new BlobCredential.Impersonate());
        }
    }

    @Test
    void oneLakeRefusesAnAccountKey() {
        assertThatThrownBy(() -> parse("https://onelake.blob.fabric.microsoft.com/ws/item/Files;" + KEY))
                .hasMessageContaining("gives an account key, which OneLake does not take");
    }
}

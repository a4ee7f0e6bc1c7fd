package io.github.camelkusto.export;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import io.github.camelkusto.testkit.FaultProxy;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.testkit.Azurite;
import io.github.camelkusto.testkit.AzuriteExtension;
import io.github.camelkusto.testkit.BlobArtifacts;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * camel:<endpoint uri> targets through other Camel components: sftp (camel-ftp) against an embedded Apache MINA SSHD
 * server, and azure-storage-blob against Azurite.
 */
@ExtendWith(AzuriteExtension.class)
class RemoteEndpointTargetTest extends CamelTestSupport {
    private static final String USER = "kusto";
    private static final String PASSWORD = "Sftp-S3cret-pw";
    private static final String QUOTA_FOLDER = "quota";
    private static final AtomicInteger quotaUploads = new AtomicInteger();
    private static SshServer sftp;
    @TempDir
    static Path sftpRoot;

    private final Azurite azurite;

    RemoteEndpointTargetTest(Azurite azurite) {
        this.azurite = azurite;
    }

    @BeforeAll
    static void startSftp(@TempDir Path keys) throws Exception {
        sftp = SshServer.setUpDefaultServer();
        sftp.setHost("127.0.0.1");
        sftp.setPort(0);
        sftp.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(keys.resolve("host.key")));
        sftp.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        SftpSubsystemFactory subsystem = new SftpSubsystemFactory();
        subsystem.addSftpEventListener(new SftpEventListener() {
            /** Under the quota folder, the first file opened for writing is the last one allowed. */
            @Override
            public void opening(ServerSession session, String remoteHandle, Handle local) throws IOException {
                if (local instanceof FileHandle && local.getFile().toString().contains(QUOTA_FOLDER)
                        && quotaUploads.incrementAndGet() > 1) {
                    throw new IOException("quota exceeded");
                }
            }
        });
        sftp.setSubsystemFactories(List.of(subsystem));
        sftp.setFileSystemFactory(new VirtualFileSystemFactory(sftpRoot));
        sftp.start();
    }

    @AfterAll
    static void stopSftp() throws Exception {
        sftp.stop(true);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:export").to("kusto-export:csv");
            }
        };
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("database", CamelEndpointTargetTest.database());
        registry.bind("azurite", azurite.blobServiceClient());
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void artifactsAreUploadedBySftpUnderTheirNamesWithNoSecretInTheResult() throws Exception {
        String uri = "sftp://" + USER + "@127.0.0.1:" + sftp.getPort() + "/upload?password=" + PASSWORD
                + "&strictHostKeyChecking=no&useUserKnownHostsFile=false&tempFileName=${file:name}.inprogress";

        ResultTable result = template.requestBody("direct:export", ".export to csv (h'camel:" + uri
                + "') with (namePrefix='out/words') <| Words", ResultTable.class);

        assertThat(result.rowCount()).isEqualTo(CamelEndpointTargetTest.EXTENTS);
        List<Path> files = files(sftpRoot.resolve("upload"));
        assertThat(files).hasSize(CamelEndpointTargetTest.EXTENTS)
                .allMatch(f -> f.getFileName().toString().matches("words_\\d_[0-9a-f]{32}\\.csv"))
                .allMatch(f -> f.getParent().endsWith("upload/out"));
        List<String> lines = new ArrayList<>();
        for (Path file : files) {
            lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        assertThat(lines).hasSize(CamelEndpointTargetTest.EXTENTS * CamelEndpointTargetTest.ROWS_PER_EXTENT)
                .doesNotHaveDuplicates();
        for (int row = 0; row < result.rowCount(); row++) {
            assertThat((String) result.value(row, "Path")).startsWith("sftp://" + USER + "@127.0.0.1:"
                    + sftp.getPort() + "/upload/out/words_").doesNotContain(PASSWORD);
        }
    }

    @Test
    void artifactsAreUploadedAsBlobsByTheAzureStorageBlobEndpoint() throws Exception {
        String container = azurite.newContainer("endpoint");
        String uri = "azure-storage-blob://" + Azurite.ACCOUNT + "/" + container
                + "?serviceClient=#azurite&operation=uploadBlockBlob";

        ResultTable result = template.requestBody("direct:export", ".export compressed to json ('camel:" + uri
                + "') with (namePrefix='daily/words') <| Words", ResultTable.class);

        List<String> blobs = BlobArtifacts.list(azurite.blobServiceClient(), container);
        assertThat(blobs).hasSize(CamelEndpointTargetTest.EXTENTS)
                .allMatch(b -> b.matches("daily/words_\\d_[0-9a-f]{32}\\.json\\.gz"));
        long records = 0;
        for (int row = 0; row < result.rowCount(); row++) {
            String path = (String) result.value(row, "Path");
            String blob = path.substring(path.indexOf("daily/"));
            byte[] bytes = BlobArtifacts.download(azurite.blobServiceClient(), container, blob);
            assertThat((long) bytes.length).isEqualTo(result.value(row, "SizeInBytes"));
            String text = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text.lines().count()).isEqualTo(result.value(row, "NumRecords"));
            records += text.lines().count();
        }
        assertThat(records).isEqualTo(CamelEndpointTargetTest.EXTENTS * CamelEndpointTargetTest.ROWS_PER_EXTENT);
    }

    @Test
    void anSftpServerThatRefusesTheSecondArtifactFailsTheExportAndItsDetailsListTheFirst() throws Exception {
        String uri = "sftp://" + USER + "@127.0.0.1:" + sftp.getPort() + "/" + QUOTA_FOLDER + "?password=" + PASSWORD
                + "&strictHostKeyChecking=no&useUserKnownHostsFile=false&tempFileName=${file:name}.inprogress";
        OperationsClient client = new OperationsClient(template, "direct:export");
        UUID id = client.startAsync(".export async to csv (h'camel:" + uri + "') with (namePrefix='words',"
                + " distribution='single', sizeLimit=2000) <| Words");

        Map<String, Object> failed = client.awaitState(id, "Failed");

        assertThat((String) failed.get("Status")).contains("did not take artifact words_2_")
                .doesNotContain(PASSWORD);
        ResultTable details = client.run(".show operation " + id + " details");
        List<Path> delivered = files(sftpRoot.resolve(QUOTA_FOLDER));
        assertThat(details.rowCount()).isOne();
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).getFileName().toString()).matches("words_1_[0-9a-f]{32}\\.csv");
        assertThat((String) details.value(0, "Path")).endsWith("/" + delivered.get(0).getFileName());
        assertThat((long) Files.readAllLines(delivered.get(0)).size()).isEqualTo(details.value(0, "NumRecords"));
    }

    @Test
    void aBlobServiceThatDropsConnectionsAfterTheFirstArtifactFailsTheExportAndItsDetailsListTheFirst()
            throws Exception {
        String container = azurite.newContainer("halfway");
        try (FaultProxy proxy = FaultProxy.start(azurite.port())) {
            context.getRegistry().bind("proxied", new BlobServiceClientBuilder()
                    .endpoint(proxy.proxied(azurite.blobEndpoint()))
                    .credential(new StorageSharedKeyCredential(Azurite.ACCOUNT, Azurite.ACCOUNT_KEY))
                    .retryOptions(new RequestRetryOptions(RetryPolicyType.FIXED, 1, (Integer) null, null, null, null))
                    // the storage goes away once the first blob is written: the proxy drops every connection
                    .addPolicy((call, next) -> next.process().doOnNext(response -> {
                        if (response.getStatusCode() == 201) {
                            proxy.fault(FaultProxy.Fault.DROP);
                        }
                    }))
                    .buildClient());
            String uri = "azure-storage-blob://" + Azurite.ACCOUNT + "/" + container
                    + "?serviceClient=#proxied&operation=uploadBlockBlob";
            OperationsClient client = new OperationsClient(template, "direct:export");
            UUID id = client.startAsync(".export async to csv ('camel:" + uri + "') with (namePrefix='words',"
                    + " distribution='single', sizeLimit=2000) <| Words");

            Map<String, Object> failed = client.awaitState(id, "Failed");

            assertThat((String) failed.get("Status")).contains("did not take artifact words_2_");
            ResultTable details = client.run(".show operation " + id + " details");
            assertThat(details.rowCount()).isOne();
            List<String> blobs = BlobArtifacts.list(azurite.blobServiceClient(), container);
            assertThat(blobs).hasSize(1).allMatch(b -> b.matches("words_1_[0-9a-f]{32}\\.csv"));
            String text = BlobArtifacts.text(azurite.blobServiceClient(), container, blobs.get(0));
            assertThat(text.lines().count()).isEqualTo(details.value(0, "NumRecords"));
        }
    }
}

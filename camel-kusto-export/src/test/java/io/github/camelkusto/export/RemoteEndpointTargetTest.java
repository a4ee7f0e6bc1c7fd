package io.github.camelkusto.export;

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
        sftp.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
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
}

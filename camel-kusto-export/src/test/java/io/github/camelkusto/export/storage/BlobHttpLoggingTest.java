package io.github.camelkusto.export.storage;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.sas.AccountSasPermission;
import com.azure.storage.common.sas.AccountSasResourceType;
import com.azure.storage.common.sas.AccountSasService;
import com.azure.storage.common.sas.AccountSasSignatureValues;
import io.github.camelkusto.export.LogCapture;
import io.github.camelkusto.export.command.StorageLiteral;
import io.github.camelkusto.testkit.Azurite;
import io.github.camelkusto.testkit.AzuriteExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Azure SDK's own HTTP logging, at its most detailed level (what {@code AZURE_HTTP_LOG_DETAIL_LEVEL=
 * BODY_AND_HEADERS} turns on), on the clients storage builds: it logs each request, and never a SAS signature, an
 * account key or an Authorization header.
 */
@ExtendWith(AzuriteExtension.class)
class BlobHttpLoggingTest {
    private static final HttpLogOptions FULL_DETAIL = BlobServiceClientBuilder.getDefaultHttpLogOptions()
            .setLogLevel(HttpLogDetailLevel.BODY_AND_HEADERS);
    private final Azurite azurite;

    BlobHttpLoggingTest(Azurite azurite) {
        this.azurite = azurite;
    }

    /** Checks a container exists, uploads and lists a blob through a client of the connection string. */
    private List<String> logsOfRequestsWith(String connectionString) throws Exception {
        BlobLocation location = (BlobLocation) ConnectionStrings.parse(
                new StorageLiteral(connectionString, false, "test"));
        try (CamelContext camel = new DefaultCamelContext(); StorageTargets targets = new StorageTargets(camel, 1024);
             LogCapture logs = LogCapture.install()) {
            BlobContainerClient container = targets.serviceClient(location, FULL_DETAIL)
                    .getBlobContainerClient(location.container());
            assertThat(container.exists()).isTrue();
            container.getBlobClient("logged.csv").upload(BinaryData.fromString("a,b\n1,2\n"), true);
            assertThat(container.listBlobs()).hasSize(1);
            return logs.events();
        }
    }

    @Test
    void requestsWithASasAreLoggedWithTheSignatureRedacted() throws Exception {
        String container = azurite.newContainer("logsas");
        String sas = azurite.blobServiceClient().generateAccountSas(new AccountSasSignatureValues(
                OffsetDateTime.now().plusHours(1), AccountSasPermission.parse("rwlc"), AccountSasService.parse("b"),
                AccountSasResourceType.parse("sco")));
        String signature = sas.replaceAll(".*sig=([^&]+).*", "$1");

        List<String> logs = logsOfRequestsWith(azurite.blobEndpoint() + "/" + container + "?" + sas);

        assertThat(logs).as("the SDK's HTTP log lines").anySatisfy(e -> assertThat(e).contains("sig=REDACTED"));
        for (String secret : List.of(sas, signature, URLDecoder.decode(signature, StandardCharsets.UTF_8))) {
            assertThat(logs).noneSatisfy(e -> assertThat(e).contains(secret));
        }
    }

    @Test
    void noRequestIsSentWhileTheJdkHttpClientWouldTraceIt() throws Exception {
        String container = azurite.newContainer("logjdk");
        StorageLiteral literal = new StorageLiteral(azurite.kustoConnectionString(container), false, "test");
        BlobLocation location = (BlobLocation) ConnectionStrings.parse(literal);
        java.util.logging.Logger debug = java.util.logging.Logger.getLogger(JdkHttpTransport.DEBUG_LOGGER);
        java.util.logging.Level pinned = debug.getLevel();
        try (CamelContext camel = new DefaultCamelContext(); StorageTargets targets = new StorageTargets(camel, 1024)) {
            BlobContainerClient client = targets.serviceClient(location, FULL_DETAIL)
                    .getBlobContainerClient(location.container());
            try (LogCapture logs = LogCapture.install()) {
                debug.setLevel(java.util.logging.Level.FINE);

                assertThatThrownBy(() -> targets.target(literal).verify()).isInstanceOf(StorageException.class)
                        .hasMessageContaining("the logger " + JdkHttpTransport.DEBUG_LOGGER + " is at DEBUG or below")
                        .hasMessageNotContaining(azurite.accountKey());
                assertThatThrownBy(client::exists).isInstanceOf(RuntimeException.class);
                assertThat(logs.events()).as("the JDK HTTP client's traces").noneSatisfy(
                        e -> assertThat(e).startsWith("jdk.internal.httpclient"));
            } finally {
                debug.setLevel(pinned);
            }
            assertThat(pinned).isEqualTo(java.util.logging.Level.OFF);
            assertThat(client.exists()).isTrue();
        }
    }

    @Test
    void requestsWithAnAccountKeyAreLoggedWithoutTheKeyOrTheAuthorizationHeader() throws Exception {
        String container = azurite.newContainer("logkey");

        List<String> logs = logsOfRequestsWith(azurite.kustoConnectionString(container));

        assertThat(logs).as("the SDK's HTTP log lines").anySatisfy(e -> assertThat(e).contains("PUT"));
        assertThat(logs).noneSatisfy(e -> assertThat(e).contains(azurite.accountKey()))
                .noneSatisfy(e -> assertThat(e).containsIgnoringCase("SharedKey " + azurite.accountName() + ":"));
    }
}

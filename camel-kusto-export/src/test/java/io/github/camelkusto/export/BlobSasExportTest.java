package io.github.camelkusto.export;

import java.time.OffsetDateTime;

import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.common.sas.AccountSasPermission;
import com.azure.storage.common.sas.AccountSasResourceType;
import com.azure.storage.common.sas.AccountSasService;
import com.azure.storage.common.sas.AccountSasSignatureValues;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.testkit.Azurite;
import io.github.camelkusto.testkit.AzuriteExtension;
import io.github.camelkusto.testkit.BlobArtifacts;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Exports to Azurite with shared access signatures made by the Azure SDK from the account key: the write-only SAS
 * that ADX's docs tell users to create works (the pre-flight check cannot read the container and goes on), and a
 * SAS that may not write fails at its first block with a clear message, leaving no artifact.
 */
@ExtendWith(AzuriteExtension.class)
class BlobSasExportTest extends CamelTestSupport {
    private static final String ROWS = "datatable(N:long, Name:string)[1, 'one', 2, 'two', 3, 'three']";

    private final Azurite azurite;
    private String container;

    BlobSasExportTest(Azurite azurite) {
        this.azurite = azurite;
    }

    @BeforeEach
    void newContainer() {
        container = azurite.newContainer("sas");
    }

    private String containerSas(String permissions) {
        return azurite.blobServiceClient().getBlobContainerClient(container).generateSas(
                new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1),
                        BlobContainerSasPermission.parse(permissions)));
    }

    private String accountSas(String permissions, String resourceTypes) {
        return azurite.blobServiceClient().generateAccountSas(new AccountSasSignatureValues(
                OffsetDateTime.now().plusHours(1), AccountSasPermission.parse(permissions),
                AccountSasService.parse("b"), AccountSasResourceType.parse(resourceTypes)));
    }

    private ResultTable export(String sas) {
        return template.requestBody("kusto-export:csv", ".export to csv ('" + azurite.blobEndpoint() + "/"
                + container + "/out?" + sas + "') <| " + ROWS, ResultTable.class);
    }

    private void assertOneArtifactOfThreeRecords(ResultTable result) {
        assertThat(result.rowCount()).isEqualTo(1);
        assertThat(result.value(0, "NumRecords")).isEqualTo(3L);
        String path = (String) result.value(0, "Path");
        String blob = path.substring((azurite.blobEndpoint() + "/" + container + "/").length());
        assertThat(BlobArtifacts.list(azurite.blobServiceClient(), container)).containsExactly(blob);
        assertThat(BlobArtifacts.text(azurite.blobServiceClient(), container, blob))
                .isEqualTo("1,one\r\n2,two\r\n3,three\r\n");
    }

    @ParameterizedTest(name = "sp={0}")
    @ValueSource(strings = {"cw", "w", "racwdl"})
    void aContainerSasThatMayWriteExports(String permissions) {
        assertOneArtifactOfThreeRecords(export(containerSas(permissions)));
    }

    @Test
    void aWriteOnlyAccountSasExports() {
        assertOneArtifactOfThreeRecords(export(accountSas("w", "sco")));
    }

    @Test
    void aWriteOnlyAccountSasForObjectsOnlyExports() {
        assertOneArtifactOfThreeRecords(export(accountSas("cw", "o")));
    }

    @Test
    void aReadWriteAccountSasExports() {
        assertOneArtifactOfThreeRecords(export(accountSas("rwl", "sco")));
    }

    @Test
    void aReadOnlySasFailsAtItsFirstBlockWithAClearMaskedMessageAndLeavesNoArtifact() {
        String sas = containerSas("rl");
        String signature = sas.replaceAll(".*sig=([^&]+).*", "$1");

        assertThatThrownBy(() -> export(sas))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(KustoException.class)
                .hasMessageContaining("403 AuthorizationPermissionMismatch")
                .hasMessageContaining("may not write")
                .hasMessageContaining("?****")
                .hasMessageNotContaining(signature);
        assertThat(BlobArtifacts.list(azurite.blobServiceClient(), container)).isEmpty();
    }
}

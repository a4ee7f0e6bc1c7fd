package io.github.camelkusto.export;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.testkit.Azurite;
import io.github.camelkusto.testkit.AzuriteExtension;
import io.github.camelkusto.testkit.BlobArtifacts;
import io.github.camelkusto.testkit.DuckDb;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exports to a real Azurite blob service through camel-azure-storage-blob, read back independently. */
@ExtendWith(AzuriteExtension.class)
class AzuriteExportTest extends CamelTestSupport {
    private static final String NUMBERS = "datatable(N:long, Square:long, Name:string)["
            + "1, 1, 'one', 2, 4, 'two', 3, 9, 'three', 4, 16, 'four', 5, 25, 'five']";

    private final Azurite azurite;
    private String container;

    @TempDir
    Path downloads;

    AzuriteExportTest(Azurite azurite) {
        this.azurite = azurite;
    }

    @BeforeEach
    void newContainer() {
        container = azurite.newContainer("export");
    }

    /** Tiny blocks, so that every artifact is staged as many blocks and committed once. */
    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        KustoExportComponent component = new KustoExportComponent();
        component.setBlockSize(16);
        context.addComponent("kusto-export", component);
        return context;
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

    @Test
    void artifactsLandInTheContainerAsTheResultTableSays() throws Exception {
        String command = ".export to csv (h'" + azurite.kustoConnectionString(container) + "')"
                + " with (includeHeaders = 'all', namePrefix = 'numbers/run1') <| " + NUMBERS;

        ResultTable result = template.requestBody("direct:export", command, ResultTable.class);

        assertThat(result.rowCount()).isEqualTo(1);
        String path = (String) result.value(0, "Path");
        String blobName = "numbers/run1_1_" + path.replaceAll(".*_1_", "");
        assertThat(path).isEqualTo(azurite.blobEndpoint() + "/" + container + "/" + blobName)
                .matches(".*/numbers/run1_1_[0-9a-f]{32}\\.csv");
        assertThat(BlobArtifacts.list(azurite.blobServiceClient(), container)).containsExactly(blobName);

        Path local = downloads.resolve("artifact.csv");
        Files.write(local, BlobArtifacts.download(azurite.blobServiceClient(), container, blobName));
        assertThat(result.value(0, "SizeInBytes")).isEqualTo(Files.size(local));
        assertThat(result.value(0, "NumRecords")).isEqualTo(5L);
        assertThat(DuckDb.query("SELECT N, Square, Name FROM read_csv('" + local + "', header=true) ORDER BY N"))
                .containsExactly(List.of(1L, 1L, "one"), List.of(2L, 4L, "two"), List.of(3L, 9L, "three"),
                        List.of(4L, 16L, "four"), List.of(5L, 25L, "five"));
    }

    @Test
    void anArtifactOfManyBlocksIsCommittedWholeAndInOrder() throws Exception {
        String command = ".export to csv ('" + azurite.kustoConnectionString(container) + "') <| " + NUMBERS;

        ResultTable result = template.requestBody("direct:export", command, ResultTable.class);

        String blobName = ((String) result.value(0, "Path")).substring((azurite.blobEndpoint() + "/" + container
                + "/").length());
        assertThat(new String(BlobArtifacts.download(azurite.blobServiceClient(), container, blobName),
                StandardCharsets.UTF_8))
                .isEqualTo("1,1,one\r\n2,4,two\r\n3,9,three\r\n4,16,four\r\n5,25,five\r\n");
    }

    @Test
    void blocksStagedConcurrentlyAreCommittedInTheirWrittenOrder() throws Exception {
        String command = ".export to csv ('" + azurite.kustoConnectionString(container) + "') with (distributed=false)"
                + " <| range N from 1 to 300 step 1";

        ResultTable result = template.requestBody("direct:export", command, ResultTable.class);

        String blobName = ((String) result.value(0, "Path")).substring((azurite.blobEndpoint() + "/" + container
                + "/").length());
        StringBuilder expected = new StringBuilder();
        for (int n = 1; n <= 300; n++) {
            expected.append(n).append("\r\n");
        }
        assertThat(azurite.blobServiceClient().getBlobContainerClient(container).getBlobClient(blobName)
                .getBlockBlobClient().listBlocks(com.azure.storage.blob.models.BlockListType.COMMITTED)
                .getCommittedBlocks()).hasSizeGreaterThan(60);
        assertThat(new String(BlobArtifacts.download(azurite.blobServiceClient(), container, blobName),
                StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }

    @Test
    void aMissingContainerFailsBeforeTheQueryRunsWithTheKeyMasked() {
        String command = ".export to csv ('" + azurite.kustoConnectionString("no-such-container") + "') <| "
                + NUMBERS;

        assertThatThrownBy(() -> template.requestBody("direct:export", command))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(KustoException.class)
                .hasMessageContaining("container 'no-such-container' does not exist")
                .hasMessageContaining(";****")
                .hasMessageNotContaining(azurite.accountKey());
    }
}

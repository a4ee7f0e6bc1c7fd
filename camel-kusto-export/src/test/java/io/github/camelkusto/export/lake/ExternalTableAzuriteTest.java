package io.github.camelkusto.export.lake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.azure.core.util.BinaryData;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.testkit.Azurite;
import io.github.camelkusto.testkit.AzuriteExtension;
import io.github.camelkusto.testkit.BlobArtifacts;
import io.github.camelkusto.testkit.DuckDb;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A partitioned export to a real Azurite blob container (one blob per partition, under Hive folders), and
 * {@code external_table('T')} reading the blobs back through the Azure SDK.
 */
@ExtendWith(AzuriteExtension.class)
class ExternalTableAzuriteTest extends CamelTestSupport {
    private final Azurite azurite;

    ExternalTableAzuriteTest(Azurite azurite) {
        this.azurite = azurite;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:run").to("kusto-export:csv");
            }
        };
    }

    private ResultTable run(String command) {
        return template.requestBody("direct:run", command, ResultTable.class);
    }

    @Test
    void partitionsByDayAreBlobFoldersThatDuckDbReadsBack() throws Exception {
        String container = azurite.newContainer("lake");
        run(".create external table Events (Timestamp:datetime, Id:long) kind=storage"
                + " partition by (Day:datetime = bin(Timestamp, 1d)) dataformat=parquet"
                + " (h'" + azurite.kustoConnectionString(container) + "') with (namePrefix='events')");

        ResultTable result = run(".export to table Events <| range Id from 1 to 72 step 1"
                + " | project Timestamp = datetime(2024-03-01) + (Id - 1) * 1h, Id");

        List<String> blobs = BlobArtifacts.list(azurite.blobServiceClient(), container);
        assertThat(blobs).hasSize(3).allMatch(b -> b.matches("Day=2024-03-0[123]/events_\\d+_[0-9a-f]{32}\\.parquet"));
        assertThat(result.toMaps()).extracting(r -> r.get("Path")).allMatch(p -> blobs.stream()
                .anyMatch(b -> p.equals(azurite.blobEndpoint() + "/" + container + "/" + b)));
        long total = 0;
        for (String blob : blobs) {
            Path local = BlobArtifacts.downloadToTempFile(azurite.blobServiceClient(), container, blob);
            String day = blob.substring("Day=".length(), "Day=".length() + 10);
            total += DuckDb.count("SELECT count(*) FROM read_parquet('" + local + "')"
                    + " WHERE strftime(Timestamp, '%Y-%m-%d') = '" + day + "'");
        }
        assertThat(total).isEqualTo(72);
        assertThat(result.toMaps()).extracting(r -> r.get("NumRecords")).containsOnly(24L);
    }

    @Test
    void externalTableReadsTheBlobsBackAndSkipsThePartitionsAWhereRulesOut(@TempDir Path checks) throws Exception {
        String container = azurite.newContainer("lake");
        run(".create external table Events (Timestamp:datetime, Id:long) kind=storage"
                + " partition by (Day:datetime = bin(Timestamp, 1d)) dataformat=parquet"
                + " (h'" + azurite.kustoConnectionString(container) + "')");
        run(".export to table Events <| range Id from 1 to 72 step 1"
                + " | project Timestamp = datetime(2024-03-01) + (Id - 1) * 1h, Id");
        Path all = Files.createDirectory(checks.resolve("all"));

        run(".export to csv ('" + all + "') <| external_table('Events') | summarize count(), sum(Id)");

        assertThat(DuckDb.query("SELECT * FROM read_csv('" + all + "/*.csv', header=false)"))
                .containsExactly(List.of(72L, 2628L));
        azurite.blobServiceClient().getBlobContainerClient(container)
                .getBlobClient("Day=2024-03-01/unreadable.parquet").upload(BinaryData.fromString("not parquet"));
        assertThatThrownBy(() -> run(".export to csv ('" + checks + "') <| external_table('Events') | count"))
                .hasStackTraceContaining("unreadable.parquet: ").hasStackTraceContaining("is not a Parquet file");
        Path pruned = Files.createDirectory(checks.resolve("pruned"));
        run(".export to csv ('" + pruned + "') <| external_table('Events') | where Timestamp >= datetime(2024-03-02)"
                + " | summarize count(), min(Id)");
        assertThat(DuckDb.query("SELECT * FROM read_csv('" + pruned + "/*.csv', header=false)"))
                .containsExactly(List.of(48L, 25L));
    }
}

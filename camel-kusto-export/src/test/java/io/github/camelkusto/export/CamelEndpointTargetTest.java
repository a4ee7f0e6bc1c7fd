package io.github.camelkusto.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.testkit.CsvFiles;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** camel:<endpoint uri> targets: each artifact one message to a Camel endpoint of the route's CamelContext. */
class CamelEndpointTargetTest extends CamelTestSupport {
    static final int EXTENTS = 4;
    static final int ROWS_PER_EXTENT = 250;

    @TempDir
    Path exports;
    @TempDir
    Path local;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:export").to("kusto-export:csv");
                // takes the first artifact, refuses the second and later ones
                from("direct:flaky").process(exchange -> {
                    if (exchange.getIn().getHeader(Exchange.FILE_NAME, String.class).matches(".*_[2-9]_.*")) {
                        throw new IllegalStateException("disk full");
                    }
                }).to("file:" + exports);
            }
        };
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("database", database());
    }

    /** {@code EXTENTS} extents of {@code ROWS_PER_EXTENT} rows: one artifact each with per_shard. */
    static KustoDatabase database() {
        KustoDatabase database = new KustoDatabase("test");
        Schema schema = Schema.of(new Column("Id", KqlType.LONG), new Column("Word", KqlType.STRING));
        for (int e = 0; e < EXTENTS; e++) {
            Batch.Builder rows = Batch.builder(schema);
            for (int i = 0; i < ROWS_PER_EXTENT; i++) {
                long id = (long) e * ROWS_PER_EXTENT + i;
                rows.addRow(id, "word, " + id);
            }
            database.append("Words", rows.build());
        }
        return database;
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void eachArtifactIsWrittenByTheFileEndpointUnderItsNameThroughItsTempFileName() throws Exception {
        ResultTable result = template.requestBody("direct:export", ".export to csv ('camel:file:" + exports
                + "?tempFileName=${file:name}.inprogress') with (namePrefix='out/words') <| Words",
                ResultTable.class);

        assertThat(result.rowCount()).isEqualTo(EXTENTS);
        List<Path> files = files(exports);
        assertThat(files).hasSize(EXTENTS).allMatch(f -> f.getFileName().toString().matches("words_\\d_[0-9a-f]{32}\\.csv"))
                .allMatch(f -> f.getParent().equals(exports.resolve("out")));
        List<String> ids = new ArrayList<>();
        for (int row = 0; row < result.rowCount(); row++) {
            String path = (String) result.value(row, "Path");
            assertThat(path).startsWith("file:" + exports + "/out/words_");
            Path file = exports.resolve(path.substring(("file:" + exports + "/").length()));
            assertThat(Files.size(file)).isEqualTo(result.value(row, "SizeInBytes"));
            List<List<String>> records = CsvFiles.parse(file);
            assertThat((long) records.size()).isEqualTo(result.value(row, "NumRecords"));
            records.forEach(r -> ids.add(r.get(0)));
        }
        assertThat(ids).hasSize(EXTENTS * ROWS_PER_EXTENT).doesNotHaveDuplicates();
    }

    @Test
    void eachMessageCarriesTheArtifactsNameRecordCountAndSize() throws Exception {
        MockEndpoint artifacts = getMockEndpoint("mock:artifacts");
        artifacts.expectedMessageCount(EXTENTS);

        ResultTable result = template.requestBody("direct:export",
                ".export to json ('camel:mock:artifacts') with (namePrefix='daily/words') <| Words",
                ResultTable.class);

        artifacts.assertIsSatisfied();
        for (Exchange exchange : artifacts.getExchanges()) {
            String name = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
            assertThat(name).matches("daily/words_\\d_[0-9a-f]{32}\\.json");
            int row = rowOf(result, name);
            assertThat(exchange.getIn().getHeader(KustoExportConstants.ARTIFACT_RECORD_COUNT))
                    .isEqualTo(result.value(row, "NumRecords")).isEqualTo((long) ROWS_PER_EXTENT);
            assertThat(exchange.getIn().getHeader(KustoExportConstants.ARTIFACT_SIZE_IN_BYTES))
                    .isEqualTo(result.value(row, "SizeInBytes"));
        }
    }

    private static int rowOf(ResultTable result, String name) {
        for (int row = 0; row < result.rowCount(); row++) {
            if (((String) result.value(row, "Path")).endsWith("/" + name)) {
                return row;
            }
        }
        throw new AssertionError(name + " is not in the result table");
    }

    @Test
    void endpointAndLocalTargetsTakeArtifactsRoundRobin() throws Exception {
        ResultTable result = template.requestBody("direct:export", ".export to csv ('camel:file:" + exports + "', '"
                + local.toUri() + "') with (distribution='single', namePrefix='w') <| Words | where Id < 0",
                ResultTable.class);
        assertThat(result.rowCount()).isZero(); // no rows, no artifact

        result = template.requestBody("direct:export", ".export to csv ('camel:file:" + exports + "', '"
                + local.toUri() + "') with (namePrefix='w') <| Words", ResultTable.class);

        assertThat(files(exports)).hasSize(EXTENTS / 2)
                .allMatch(f -> f.getFileName().toString().matches("w_[13]_.*"));
        assertThat(files(local)).hasSize(EXTENTS / 2)
                .allMatch(f -> f.getFileName().toString().matches("w_[24]_.*"));
        assertThat(result.rowCount()).isEqualTo(EXTENTS);
    }

    @Test
    void anEndpointThatFailsFailsTheExportAndItsDetailsListWhatWasDelivered() throws Exception {
        OperationsClient client = new OperationsClient(template, "direct:export");
        UUID id = client.startAsync(".export async to csv ('camel:direct:flaky') with (namePrefix='w') <| Words");

        Map<String, Object> failed = client.awaitState(id, "Failed");

        assertThat((String) failed.get("Status")).contains("the Camel endpoint camel:direct:flaky did not take"
                + " artifact w_").contains("disk full");
        // what the endpoint took is what the operation lists: artifact 1 at most (it refuses 2 and later)
        ResultTable details = client.run(".show operation " + id + " details");
        List<Path> delivered = files(exports);
        assertThat(delivered).hasSize(details.rowCount()).hasSizeLessThanOrEqualTo(1);
        for (int row = 0; row < details.rowCount(); row++) {
            assertThat((String) details.value(row, "Path")).isEqualTo("direct:flaky/"
                    + delivered.get(row).getFileName()).contains("w_1_");
            assertThat(CsvFiles.parse(delivered.get(row))).hasSize(((Long) details.value(row, "NumRecords")).intValue());
        }
    }

    @Test
    void anEndpointUriCamelCannotResolveIsRefusedBeforeTheQueryRunsWithItsSecretMasked() {
        assertThatThrownBy(() -> template.requestBody("direct:export",
                ".export to csv ('camel:nosuch://host?password=s3cr3t') <| Words", ResultTable.class))
                .cause().hasMessageContaining("cannot resolve the Camel endpoint nosuch://host?password=xxxxxx")
                .hasMessageNotContaining("s3cr3t");
    }
}

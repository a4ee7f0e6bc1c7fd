package io.github.camelkusto.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.testkit.CsvFiles;
import io.github.camelkusto.testkit.DuckDb;
import io.github.camelkusto.testkit.Gzip;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exports to a local folder, read back by DuckDB, Commons CSV and gzip. */
class LocalFolderExportTest extends CamelTestSupport {

    private static final String PEOPLE = "datatable(Name:string, Age:long, Joined:datetime)["
            + " \"Ann, the first\", 31, datetime(2021-03-04 05:06:07),"
            + " 'Bob \"the builder\"', 42, datetime(2020-01-01),"
            + " 'Cy', long(null), datetime(null)]";

    @TempDir
    Path exports;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:query-in-uri")
                        .to("kusto-export:csv?storage=RAW(" + exports + ")&includeHeaders=all&query=RAW(" + PEOPLE
                                + ")");
                from("direct:command-in-body").to("kusto-export:csv");
            }
        };
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        KustoDatabase database = new KustoDatabase("test");
        Schema schema = Schema.of(new Column("Id", KqlType.LONG), new Column("Word", KqlType.STRING));
        Batch.Builder rows = Batch.builder(schema);
        for (long i = 1; i <= 10; i++) {
            rows.addRow(i, "word" + i);
        }
        database.append("Words", rows.build());
        registry.bind("database", database);
    }

    @Test
    void queryInTheUriIsExportedAndTheBodyIsTheArtifactTable() throws Exception {
        ResultTable result = template.requestBody("direct:query-in-uri", null, ResultTable.class);

        assertThat(result.schema().names()).containsExactly("Path", "NumRecords", "SizeInBytes");
        assertThat(result.rowCount()).isEqualTo(1);
        Path artifact = Path.of((String) result.value(0, "Path"));
        assertThat(artifact.getParent()).isEqualTo(exports.toAbsolutePath());
        assertThat(artifact.getFileName().toString()).matches("export_[0-9a-f]{8}_1_[0-9a-f]{32}\\.csv");
        assertThat(result.value(0, "NumRecords")).isEqualTo(3L);
        assertThat(result.value(0, "SizeInBytes")).isEqualTo(Files.size(artifact));

        assertThat(CsvFiles.parse(artifact)).containsExactly(
                List.of("Name", "Age", "Joined"),
                List.of("Ann, the first", "31", "2021-03-04T05:06:07.0000000Z"),
                List.of("Bob \"the builder\"", "42", "2020-01-01T00:00:00.0000000Z"),
                List.of("Cy", "", ""));
        assertThat(DuckDb.query("SELECT Name, Age FROM read_csv('" + artifact + "', header=true) ORDER BY Name"))
                .containsExactly(List.of("Ann, the first", 31L), List.of("Bob \"the builder\"", 42L),
                        Arrays.asList("Cy", null));
    }

    @Test
    void exportCommandInTheBodyUsesItsOwnStorageFormatAndProperties() throws Exception {
        String command = """
                .export compressed to tsv (
                    h@'%s'   // obfuscated: never logged
                ) with (namePrefix = 'daily/words', includeHeaders = 'firstFile')
                <| Words | take 4
                """.formatted(exports.toUri());

        ResultTable result = template.requestBody("direct:command-in-body", command, ResultTable.class);

        assertThat(result.rowCount()).isEqualTo(1);
        Path artifact = Path.of((String) result.value(0, "Path"));
        assertThat(exports.relativize(artifact).toString()).matches("daily/words_1_[0-9a-f]{32}\\.tsv\\.gz");
        assertThat(Gzip.isValid(artifact)).isTrue();
        assertThat(new String(Gzip.gunzip(artifact), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("Id\tWord\r\n1\tword1\r\n2\tword2\r\n3\tword3\r\n4\tword4\r\n");
        assertThat(result.value(0, "SizeInBytes")).isEqualTo(Files.size(artifact));
    }

    @Test
    void headersCarryTheTotalsOfTheExport() {
        var exchange = template.request("direct:query-in-uri", e -> { });

        assertThat(exchange.getMessage().getHeader(KustoExportConstants.ARTIFACT_COUNT)).isEqualTo(1);
        assertThat(exchange.getMessage().getHeader(KustoExportConstants.RECORD_COUNT)).isEqualTo(3L);
    }

    @Test
    void anUnknownTableFailsWithTheValidNamesAndWritesNothing() throws Exception {
        String command = ".export to csv ('" + exports + "') <| Wrds | take 1";

        assertThatThrownBy(() -> template.requestBody("direct:command-in-body", command))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(KustoException.class)
                .hasMessageStartingWith("unknown table 'Wrds' (did you mean 'Words'?) (tables in database test: Words)"
                        + " (line 1, column " + (command.indexOf("Wrds") + 1) + ")")
                .hasMessageEndingWith("  .export to csv (****) <| Wrds | take 1\n"
                        + "  " + " ".repeat(".export to csv (****) <| ".length()) + "^");
        try (Stream<Path> files = Files.list(exports)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anEmptyResultWritesNoArtifact() throws Exception {
        ResultTable result = template.requestBody("direct:command-in-body",
                ".export to csv ('" + exports + "') <| Words | take 0", ResultTable.class);

        assertThat(result.rowCount()).isZero();
        try (Stream<Path> files = Files.list(exports)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void showTablesListsTheDatabaseTables() {
        ResultTable result = template.requestBody("direct:command-in-body", ".show tables", ResultTable.class);

        assertThat(result.toCsv()).isEqualTo("TableName,DatabaseName\nWords,test\n");
    }
}

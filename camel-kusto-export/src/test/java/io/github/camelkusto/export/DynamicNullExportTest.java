package io.github.camelkusto.export;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.testkit.CsvFiles;
import io.github.camelkusto.testkit.DuckDb;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dynamic null ({@code dynamic(null)}, or {@code parse_json('null')}, for which Kusto's {@code isnull()} is true)
 * is written as every other null of its format: an empty field in csv/tsv, {@code null} in json, an absent value
 * in parquet. A JSON null inside an object or array stays JSON. Artifacts are read back by Commons CSV and DuckDB.
 */
class DynamicNullExportTest extends CamelTestSupport {
    /** Row 1: both nulls; row 2: a null inside an object and a typed null; row 3: no null. */
    private static final String QUERY = "range Id from 1 to 3 step 1"
            + " | extend Literal = iff(Id == 1, dynamic(null), iff(Id == 2, parse_json('{\"a\":null}'), dynamic([1])))"
            + " | extend Parsed = iff(Id == 1, parse_json('null'), iff(Id == 2, dynamic(null), dynamic({\"b\":2})))"
            + " | extend Name = iff(Id == 3, 'x', '')";

    @TempDir
    Path exports;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:command").to("kusto-export:csv");
            }
        };
    }

    private Path export(String format) {
        ResultTable result = template.requestBody("direct:command", ".export to " + format + " ('"
                + exports.resolve(format).toUri() + "') with (distributed=false) <| " + QUERY, ResultTable.class);
        assertThat(result.rowCount()).isEqualTo(1);
        return Path.of((String) result.value(0, "Path"));
    }

    @Test
    void aDynamicNullIsAnEmptyCsvFieldLikeEveryOtherNull() throws Exception {
        Path csv = export("csv");

        assertThat(Files.readString(csv, StandardCharsets.UTF_8))
                .isEqualTo("1,,,\r\n2,\"{\"\"a\"\":null}\",,\r\n3,[1],\"{\"\"b\"\":2}\",x\r\n");
        assertThat(CsvFiles.parse(csv)).containsExactly(
                List.of("1", "", "", ""), List.of("2", "{\"a\":null}", "", ""),
                List.of("3", "[1]", "{\"b\":2}", "x"));
        assertThat(DuckDb.query("SELECT Id, Literal IS NULL, Parsed IS NULL FROM read_csv('" + csv + "', header=false,"
                + " names=['Id','Literal','Parsed','Name'], types={'Literal':'VARCHAR','Parsed':'VARCHAR'}) ORDER BY Id"))
                .containsExactly(List.of(1L, true, true), List.of(2L, false, true), List.of(3L, false, false));
    }

    @Test
    void aDynamicNullIsAnEmptyTsvField() throws Exception {
        Path tsv = export("tsv");

        assertThat(Files.readString(tsv, StandardCharsets.UTF_8))
                .isEqualTo("1\t\t\t\r\n2\t{\"a\":null}\t\t\r\n3\t[1]\t{\"b\":2}\tx\r\n");
    }

    @Test
    void aDynamicNullIsJsonNullInJsonLines() throws Exception {
        Path json = export("json");

        assertThat(Files.readAllLines(json, StandardCharsets.UTF_8)).containsExactly(
                "{\"Id\":1,\"Literal\":null,\"Parsed\":null,\"Name\":\"\"}",
                "{\"Id\":2,\"Literal\":{\"a\":null},\"Parsed\":null,\"Name\":\"\"}",
                "{\"Id\":3,\"Literal\":[1],\"Parsed\":{\"b\":2},\"Name\":\"x\"}");
        assertThat(DuckDb.query("SELECT Id, Parsed IS NULL FROM read_json('" + json + "') ORDER BY Id"))
                .containsExactly(List.of(1L, true), List.of(2L, true), List.of(3L, false));
    }

    @Test
    void aDynamicNullIsAbsentInParquet() throws Exception {
        Path parquet = export("parquet");

        assertThat(DuckDb.query("SELECT Id, Literal, Parsed FROM read_parquet('" + parquet + "') ORDER BY Id"))
                .containsExactly(Arrays.asList(1L, null, null), Arrays.asList(2L, "{\"a\":null}", null),
                        Arrays.asList(3L, "[1]", "{\"b\":2}"));
    }
}

package io.github.camelkusto.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.testkit.DuckDb;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Export properties as ADX documents them, end to end to a local folder, artifacts read back by DuckDB. */
class ExportPropertiesTest extends CamelTestSupport {

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

    private ResultTable run(String command) {
        return template.requestBody("direct:command", command, ResultTable.class);
    }

    @Test
    void adxsDocumentedExampleWithASizeLimitBelow100MbWritesSmallArtifacts() throws Exception {
        ResultTable result = run(".export compressed to csv ('" + exports.toUri() + "') with (sizeLimit=100000,"
                + " namePrefix=\"export\", includeHeaders=\"all\", encoding=\"UTF8NoBOM\")"
                + " <| range i from 1 to 30000 step 1 | extend Text = strcat('row ', i)");

        assertThat(result.rowCount()).isGreaterThan(1);
        long records = 0;
        for (int row = 0; row < result.rowCount(); row++) {
            Path artifact = Path.of((String) result.value(row, "Path"));
            records += (Long) result.value(row, "NumRecords");
            assertThat(DuckDb.query("SELECT count(*) FROM read_csv('" + artifact + "', header=true)"))
                    .containsExactly(List.of(result.value(row, "NumRecords")));
        }
        assertThat(records).isEqualTo(30000L);
    }

    @Test
    void compressedParquetPagesAreGzipByDefaultAsAdxDocuments() throws Exception {
        ResultTable result = run(".export compressed to parquet ('" + exports.toUri() + "')"
                + " <| range i from 1 to 10 step 1");

        Path artifact = Path.of((String) result.value(0, "Path"));
        assertThat(DuckDb.query("SELECT DISTINCT compression FROM parquet_metadata('" + artifact + "')"))
                .containsExactly(List.of("GZIP"));
    }

    @Test
    void useNativeParquetWriterByDefaultWritesLongAndDatetimeColumnsInDeltaPages() throws Exception {
        ResultTable result = run(".export to parquet ('" + exports.resolve("native").toUri() + "')"
                + " <| range i from 1 to 5 step 1 | extend t = datetime(2026-01-01) + i * 1s");

        Path artifact = Path.of((String) result.value(0, "Path"));
        assertThat(deltaEncoded(artifact)).containsExactly(List.of("i", true), List.of("t", true));
        assertThat(DuckDb.query("SELECT count(*), max(i) FROM read_parquet('" + artifact + "')"))
                .containsExactly(List.of(5L, 5L));
    }

    @Test
    void useNativeParquetWriterFalseWritesPlainPagesForReadersWithoutDeltaEncodings() throws Exception {
        ResultTable legacy = run(".export to parquet ('" + exports.resolve("legacy").toUri() + "')"
                + " with (useNativeParquetWriter=false) <| range i from 1 to 5 step 1"
                + " | extend t = datetime(2026-01-01) + i * 1s");
        ResultTable explicitNative = run(".export to parquet ('" + exports.resolve("native").toUri() + "')"
                + " with (useNativeParquetWriter=true) <| range i from 1 to 5 step 1");

        Path legacyFile = Path.of((String) legacy.value(0, "Path"));
        assertThat(deltaEncoded(legacyFile)).containsExactly(List.of("i", false), List.of("t", false));
        assertThat(DuckDb.query("SELECT count(*), max(i), epoch_ms(max(t)) FROM read_parquet('" + legacyFile + "')"))
                .containsExactly(List.of(5L, 5L, 1_767_225_605_000L));
        assertThat(deltaEncoded(Path.of((String) explicitNative.value(0, "Path")))).containsExactly(List.of("i", true));
    }

    @Test
    void useNativeParquetWriterOptionOfTheEndpointIsEveryExportsDefault() throws Exception {
        ResultTable result = template.requestBody("kusto-export:parquet?useNativeParquetWriter=false",
                ".export to parquet ('" + exports.toUri() + "') <| range i from 1 to 5 step 1", ResultTable.class);

        assertThat(deltaEncoded(Path.of((String) result.value(0, "Path")))).containsExactly(List.of("i", false));
    }

    /** Each column and whether its chunk's encodings, as DuckDB reads them from the footer, hold a delta one. */
    private static List<List<Object>> deltaEncoded(Path artifact) throws Exception {
        return DuckDb.query("SELECT path_in_schema, contains(encodings, 'DELTA_BINARY_PACKED') FROM parquet_metadata('"
                + artifact + "') ORDER BY column_id");
    }
}

package io.github.camelkusto.export.artifact;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.github.camelkusto.export.command.CompressionType;
import io.github.camelkusto.export.command.DatetimePrecision;
import io.github.camelkusto.export.command.ExportFormat;
import io.github.camelkusto.export.command.IncludeHeaders;
import io.github.camelkusto.export.command.TextEncoding;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.Kql;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.control.TableCommandParser;
import io.github.camelkusto.kql.control.TableCommandRunner;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.exec.QueryEngine;
import io.github.camelkusto.kql.syntax.SourceText;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;
import io.github.camelkusto.export.storage.LocalFolderLocation;
import io.github.camelkusto.export.storage.LocalFolderTarget;
import io.github.camelkusto.testkit.DuckDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelkusto.export.artifact.FormatRenderingTest.GUID;
import static io.github.camelkusto.export.artifact.FormatRenderingTest.SPAN;
import static io.github.camelkusto.export.artifact.FormatRenderingTest.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code .ingest ... with (format='parquet')} reads back what the parquet writer wrote, and DuckDB's files. */
class ParquetIngestionTest {
    private static final String COPY = ".create table Copy (b:bool, i:int, l:long, r:real, d:decimal, s:string,"
            + " t:datetime, ts:timespan, g:guid, dyn:dynamic)";

    private final KustoDatabase database = new KustoDatabase("db");
    private final QueryEngine engine = new QueryEngine(database);
    private final TableCommandRunner runner = new TableCommandRunner(database, engine);

    @TempDir
    Path folder;

    private ResultTable run(String command) {
        return runner.run(TableCommandParser.parse(new SourceText(command)));
    }

    private Path exportParquet(Optional<CompressionType> codec, DatetimePrecision precision) throws Exception {
        Path out = folder.resolve("out-" + codec.map(Enum::name).orElse("none") + "-" + precision);
        List<ExportedArtifact> artifacts = new RollingArtifactWriter(
                ArtifactSpec.text(ExportFormat.PARQUET, false, 100_000_000, IncludeHeaders.NONE,
                        TextEncoding.UTF8_NO_BOM, new ArtifactNaming("r", "parquet"))
                        .withParquet(new ArtifactSpec.ParquetSettings(codec, 2, precision)),
                List.of(new LocalFolderTarget(new LocalFolderLocation(java.nio.file.Files.createDirectories(out)))))
                .write(FormatRenderingTest.rows());
        return Path.of(artifacts.get(0).path());
    }

    private List<List<Object>> copyRows() {
        return Kql.values(engine.prepare("Copy"));
    }

    @Test
    void everyTypeAndEveryNullRoundTripsThroughAnExportedParquetFile() throws Exception {
        Path file = exportParquet(Optional.empty(), DatetimePrecision.MICROSECOND);
        run(COPY);

        ResultTable result = run(".ingest into table Copy ('" + file.toUri() + "') with (format='parquet')");

        assertThat(result.rows()).singleElement().satisfies(extent -> assertThat(extent.get(5)).isEqualTo(3L));
        List<List<Object>> rows = copyRows();
        assertThat(rows.get(0)).containsExactly(true, 42, 9007199254740993L, 1.5,
                new BigDecimal("123.456000000000000000"), TEXT, Instant.parse("2024-01-02T03:04:05.123456Z"), SPAN,
                GUID, KqlValues.parse(KqlType.DYNAMIC, "{\"a\": [1, 2, {\"b\": null}], \"c\": \"x\"}"));
        // nulls stay nulls, except that Kusto strings are never null
        assertThat(rows.get(1)).containsExactly(null, null, null, null, null, "", null, null, null, null);
        assertThat(rows.get(2)).containsExactly(false, -7, -1L, -0.25, new BigDecimal("-0.500000000000000000"), "",
                Instant.EPOCH, Duration.ofMillis(-1500), GUID, KqlValues.parse(KqlType.DYNAMIC, "[\"u\", 1.25, true]"));
    }

    @Test
    void everyCodecTheWriterUsesIsReadBack() throws Exception {
        run(COPY);
        for (CompressionType codec : List.of(CompressionType.SNAPPY, CompressionType.GZIP, CompressionType.ZSTD,
                CompressionType.LZ4_RAW)) {
            Path file = exportParquet(Optional.of(codec), DatetimePrecision.MILLISECOND);
            run(".ingest into table Copy ('" + file + "') with (format='parquet')");
        }

        List<List<Object>> rows = copyRows();
        assertThat(rows).hasSize(12);
        for (int codec = 0; codec < 4; codec++) {
            assertThat(rows.get(codec * 3).get(6)).isEqualTo(Instant.parse("2024-01-02T03:04:05.123Z"));
            assertThat(rows.get(codec * 3).get(5)).isEqualTo(TEXT);
        }
    }

    @Test
    void columnsAreMatchedByNameAndAColumnTheFileLacksIsEmpty() throws Exception {
        Path file = exportParquet(Optional.empty(), DatetimePrecision.MILLISECOND);
        run(".create table Few (s:string, missing:string, l:long, nothing:long)");

        run(".ingest into table Few ('" + file + "') with (format='parquet')");

        assertThat(Kql.values(engine.prepare("Few"))).containsExactly(
                Arrays.asList(TEXT, "", 9007199254740993L, null),
                Arrays.asList("", "", null, null),
                Arrays.asList("", "", -1L, null));
    }

    @Test
    void aValueThatDoesNotFitItsColumnNamesFileRowAndColumnAndIngestsNothing() throws Exception {
        Path file = exportParquet(Optional.empty(), DatetimePrecision.MILLISECOND);
        run(".create table Wrong (l:long, s:long)");

        assertThatThrownBy(() -> run(".ingest into table Wrong ('" + file + "') with (format='parquet')"))
                .isInstanceOf(KustoException.class)
                .hasMessageStartingWith(file.getFileName() + " row 1, column s: '" + TEXT.substring(0, 5))
                .hasMessageContaining("is not a valid long value");
        assertThat(database.table("Wrong").orElseThrow().rowCount()).isZero();
    }

    @Test
    void aFileWrittenByDuckDbIsReadWithItsTypes() throws Exception {
        Path file = folder.resolve("duck.parquet");
        DuckDb.execute("COPY (SELECT * FROM (VALUES"
                + " (1::INTEGER, 2::BIGINT, 1.5::FLOAT, 2.25::DOUBLE, 12.34::DECIMAL(10, 2), 'x', DATE '2024-03-04',"
                + "  TIMESTAMP '2024-03-04 05:06:07.123456', true, 7::SMALLINT),"
                + " (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL))"
                + " t(i, l, f, r, d, s, day, ts, b, small)) TO '" + file + "' (FORMAT parquet, COMPRESSION zstd)");
        run(".create table Duck (i:int, l:long, f:real, r:real, d:decimal, s:string, day:datetime, ts:datetime,"
                + " b:bool, small:int)");

        run(".ingest into table Duck ('" + file + "') with (format='parquet')");

        assertThat(Kql.values(engine.prepare("Duck"))).containsExactly(
                List.of(1, 2L, 1.5, 2.25, new BigDecimal("12.34"), "x", Instant.parse("2024-03-04T00:00:00Z"),
                        Instant.parse("2024-03-04T05:06:07.123456Z"), true, 7),
                Arrays.asList(null, null, null, null, null, "", null, null, null, null));
    }

    @Test
    void aFileOfManyRowGroupsIsReadGroupByGroupIntoExtents() throws Exception {
        Path file = folder.resolve("groups.parquet");
        DuckDb.execute("COPY (SELECT range AS n FROM range(70000)) TO '" + file
                + "' (FORMAT parquet, ROW_GROUP_SIZE 10000)");
        run(".create table N (n:long)");

        ResultTable result = run(".ingest into table N ('" + file + "') with (format='parquet')");

        assertThat(DuckDb.count("SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + file + "')"))
                .isGreaterThan(1);
        // 70,000 rows make a full extent of 65,536 and a second one
        assertThat(result.rows()).extracting(row -> row.get(5)).containsExactly(65_536L, 4_464L);
        assertThat(Kql.values(engine.prepare("N | summarize count(), sum(n), min(n), max(n)")))
                .containsExactly(List.of(70_000L, 2_449_965_000L, 0L, 69_999L));
    }

    @Test
    void aNestedColumnIsRefusedNamingIt() throws Exception {
        Path file = folder.resolve("nested.parquet");
        DuckDb.execute("COPY (SELECT [1, 2] AS xs, 1 AS n) TO '" + file + "' (FORMAT parquet)");
        run(".create table T (xs:dynamic, n:long)");

        assertThatThrownBy(() -> run(".ingest into table T ('" + file + "') with (format='parquet')"))
                .isInstanceOf(KustoException.class)
                .hasMessage("nested.parquet: column 'xs' is a nested or repeated parquet column, which the embedded"
                        + " database does not ingest");
    }

    @Test
    void aFileThatIsNotParquetIsRefusedNamingIt() throws Exception {
        Path file = java.nio.file.Files.writeString(folder.resolve("fake.parquet"), "a,b\n1,2\n");
        run(".create table T (a:long)");

        assertThatThrownBy(() -> run(".ingest into table T ('" + file + "') with (format='parquet')"))
                .isInstanceOf(KustoException.class)
                .hasMessageStartingWith("cannot read parquet file fake.parquet: ");
    }
}

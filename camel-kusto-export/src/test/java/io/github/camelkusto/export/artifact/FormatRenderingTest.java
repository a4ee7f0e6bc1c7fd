package io.github.camelkusto.export.artifact;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkusto.export.command.CompressionType;
import io.github.camelkusto.export.command.DatetimePrecision;
import io.github.camelkusto.export.command.ExportFormat;
import io.github.camelkusto.export.command.IncludeHeaders;
import io.github.camelkusto.export.command.TextEncoding;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;
import io.github.camelkusto.export.storage.LocalFolderLocation;
import io.github.camelkusto.export.storage.LocalFolderTarget;
import io.github.camelkusto.testkit.CsvFiles;
import io.github.camelkusto.testkit.DuckDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How every type, null, and awkward text is rendered in each format, read back by independent readers. */
class FormatRenderingTest {
    static final Schema SCHEMA = Schema.of(new Column("b", KqlType.BOOL), new Column("i", KqlType.INT),
            new Column("l", KqlType.LONG), new Column("r", KqlType.REAL), new Column("d", KqlType.DECIMAL),
            new Column("s", KqlType.STRING), new Column("t", KqlType.DATETIME), new Column("ts", KqlType.TIMESPAN),
            new Column("g", KqlType.GUID), new Column("dyn", KqlType.DYNAMIC));
    static final String TEXT = "héllo, \"world\"\n\tend\\ ☃ 😀";
    static final Instant WHEN = Instant.parse("2024-01-02T03:04:05.1234567Z");
    static final Duration SPAN = Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4).plusMillis(500);
    static final UUID GUID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

    @TempDir
    Path folder;

    /** A full row, a row of nulls, a row with other values. */
    static QueryResult rows() throws Exception {
        Batch batch = Batch.builder(SCHEMA)
                .addRow(true, 42, 9007199254740993L, 1.5, new BigDecimal("123.456"), TEXT, WHEN, SPAN, GUID,
                        KqlValues.parse(KqlType.DYNAMIC, "{\"a\": [1, 2, {\"b\": null}], \"c\": \"x\"}"))
                .addRow(null, null, null, null, null, null, null, null, null, null)
                .addRow(false, -7, -1L, -0.25, new BigDecimal("-0.5"), "", Instant.EPOCH, Duration.ofMillis(-1500),
                        GUID, new ObjectMapper().readTree("[\"u\", 1.25, true]"))
                .build();
        return new QueryResult(SCHEMA, List.of(() -> BatchStream.of(List.of(batch))));
    }

    private Path export(ArtifactSpec spec) throws Exception {
        List<ExportedArtifact> artifacts = new RollingArtifactWriter(spec,
                List.of(new LocalFolderTarget(new LocalFolderLocation(folder)))).write(rows());
        assertThat(artifacts).hasSize(1);
        assertThat(artifacts.get(0).numRecords()).isEqualTo(3);
        return Path.of(artifacts.get(0).path());
    }

    private Path exportText(ExportFormat format, IncludeHeaders headers, TextEncoding encoding) throws Exception {
        return export(ArtifactSpec.text(format, false, 100_000_000, headers, encoding,
                new ArtifactNaming("r", format.defaultExtension())));
    }

    @Test
    void csvQuotesTextAsRfc4180SaysAndLeavesNullsEmptyAndUnquoted() throws Exception {
        Path file = exportText(ExportFormat.CSV, IncludeHeaders.ALL, TextEncoding.UTF8_NO_BOM);

        assertThat(Files.readString(file)).isEqualTo("b,i,l,r,d,s,t,ts,g,dyn\r\n"
                + "true,42,9007199254740993,1.5,123.456,\"héllo, \"\"world\"\"\n\tend\\ ☃ 😀\","
                + "2024-01-02T03:04:05.1234567Z,1.02:03:04.5000000,0f8fad5b-d9cb-469f-a165-70867728950e,"
                + "\"{\"\"a\"\":[1,2,{\"\"b\"\":null}],\"\"c\"\":\"\"x\"\"}\"\r\n"
                + ",,,,,,,,,\r\n"
                + "false,-7,-1,-0.25,-0.5,,1970-01-01T00:00:00.0000000Z,-00:00:01.5000000,"
                + "0f8fad5b-d9cb-469f-a165-70867728950e,\"[\"\"u\"\",1.25,true]\"\r\n");
        assertThat(CsvFiles.parse(file).get(1).get(5)).isEqualTo(TEXT);
    }

    @Test
    void csvNullsReadBackAsNullsInDuckDb() throws Exception {
        Path file = exportText(ExportFormat.CSV, IncludeHeaders.ALL, TextEncoding.UTF8_NO_BOM);

        List<List<Object>> rows = DuckDb.readCsv(file, true);
        assertThat(rows.get(1)).containsOnlyNulls();
        assertThat(rows.get(0).get(5)).isEqualTo(TEXT);
    }

    @Test
    void tsvEscapesBackslashTabAndLineBreaksInsteadOfQuoting() throws Exception {
        Path file = exportText(ExportFormat.TSV, IncludeHeaders.NONE, TextEncoding.UTF8_NO_BOM);

        List<String> lines = List.of(Files.readString(file).split("\r\n"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("true\t42\t9007199254740993\t1.5\t123.456\t"
                + "héllo, \"world\"\\n\\tend\\\\ ☃ 😀\t2024-01-02T03:04:05.1234567Z\t1.02:03:04.5000000\t"
                + "0f8fad5b-d9cb-469f-a165-70867728950e\t{\"a\":[1,2,{\"b\":null}],\"c\":\"x\"}");
        assertThat(lines.get(1)).isEqualTo("\t\t\t\t\t\t\t\t\t");
    }

    @Test
    void utf8BomStartsEachArtifactBeforeTheHeader() throws Exception {
        Path file = exportText(ExportFormat.CSV, IncludeHeaders.FIRST_FILE, TextEncoding.UTF8_BOM);

        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF, 'b', ',', 'i');
    }

    @Test
    void jsonLinesHaveOneObjectPerRecordKeysInColumnOrderNullsAsNullAndDynamicNested() throws Exception {
        Path file = exportText(ExportFormat.JSON, IncludeHeaders.NONE, TextEncoding.UTF8_NO_BOM);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).containsExactly(
                "{\"b\":true,\"i\":42,\"l\":9007199254740993,\"r\":1.5,\"d\":123.456,"
                        + "\"s\":\"héllo, \\\"world\\\"\\n\\tend\\\\ ☃ 😀\",\"t\":\"2024-01-02T03:04:05.1234567Z\","
                        + "\"ts\":\"1.02:03:04.5000000\",\"g\":\"0f8fad5b-d9cb-469f-a165-70867728950e\","
                        + "\"dyn\":{\"a\":[1,2,{\"b\":null}],\"c\":\"x\"}}",
                "{\"b\":null,\"i\":null,\"l\":null,\"r\":null,\"d\":null,\"s\":\"\",\"t\":null,\"ts\":null,"
                        + "\"g\":null,\"dyn\":null}",
                "{\"b\":false,\"i\":-7,\"l\":-1,\"r\":-0.25,\"d\":-0.5,\"s\":\"\","
                        + "\"t\":\"1970-01-01T00:00:00.0000000Z\",\"ts\":\"-00:00:01.5000000\","
                        + "\"g\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"dyn\":[\"u\",1.25,true]}");
        assertThat(new ObjectMapper().readTree(lines.get(0)).get("s").asText()).isEqualTo(TEXT);
    }

    @Test
    void jsonWritesRealsWithoutANumberFormAsStrings() throws Exception {
        Schema schema = Schema.of(new Column("r", KqlType.REAL));
        Batch batch = Batch.builder(schema).addRow(Double.NaN).addRow(Double.NEGATIVE_INFINITY).build();
        ArtifactSpec spec = ArtifactSpec.text(ExportFormat.JSON, false, 100_000_000, IncludeHeaders.NONE,
                TextEncoding.UTF8_NO_BOM, new ArtifactNaming("r", "json"));
        var artifacts = new RollingArtifactWriter(spec, List.of(new LocalFolderTarget(new LocalFolderLocation(folder))))
                .write(new QueryResult(schema, List.of(() -> BatchStream.of(List.of(batch)))));

        assertThat(Files.readAllLines(Path.of(artifacts.get(0).path())))
                .containsExactly("{\"r\":\"NaN\"}", "{\"r\":\"-Infinity\"}");
    }

    private Path exportParquet(Optional<CompressionType> codec, DatetimePrecision precision) throws Exception {
        return export(ArtifactSpec.text(ExportFormat.PARQUET, false, 100_000_000, IncludeHeaders.NONE,
                TextEncoding.UTF8_NO_BOM, new ArtifactNaming("r", "parquet"))
                .withParquet(new ArtifactSpec.ParquetSettings(codec, 2, precision)));
    }

    private static String read(Path file) {
        return "read_parquet('" + file + "')";
    }

    @Test
    void parquetColumnsHaveAdxTypes() throws Exception {
        Path file = exportParquet(Optional.empty(), DatetimePrecision.MILLISECOND);

        assertThat(DuckDb.query("SELECT name, type, converted_type, scale, precision FROM parquet_schema('"
                + file + "') WHERE name <> 'schema'")).containsExactly(
                        java.util.Arrays.asList("b", "BOOLEAN", null, null, null),
                        java.util.Arrays.asList("i", "INT32", null, null, null),
                        java.util.Arrays.asList("l", "INT64", null, null, null),
                        java.util.Arrays.asList("r", "DOUBLE", null, null, null),
                        java.util.Arrays.asList("d", "FIXED_LEN_BYTE_ARRAY", "DECIMAL", 18L, 38L),
                        java.util.Arrays.asList("s", "BYTE_ARRAY", "UTF8", null, null),
                        java.util.Arrays.asList("t", "INT64", "TIMESTAMP_MILLIS", null, null),
                        java.util.Arrays.asList("ts", "INT64", null, null, null),
                        java.util.Arrays.asList("g", "BYTE_ARRAY", "UTF8", null, null),
                        java.util.Arrays.asList("dyn", "BYTE_ARRAY", "UTF8", null, null));
    }

    @Test
    void parquetValuesReadBackWithTheirTypesAndNullsAsNulls() throws Exception {
        Path file = exportParquet(Optional.empty(), DatetimePrecision.MILLISECOND);

        List<List<Object>> rows = DuckDb.query("SELECT b, i, l, r, d, s, t, ts, g, dyn, typeof(d), typeof(t) FROM "
                + read(file));
        assertThat(rows.get(0)).containsExactly(true, 42, 9007199254740993L, 1.5,
                new BigDecimal("123.456000000000000000"), TEXT,
                OffsetDateTime.parse("2024-01-02T03:04:05.123Z").atZoneSameInstant(ZoneOffset.systemDefault())
                        .toOffsetDateTime(),
                ParquetRows.ticks(SPAN), GUID.toString(), "{\"a\":[1,2,{\"b\":null}],\"c\":\"x\"}",
                "DECIMAL(38,18)", "TIMESTAMP WITH TIME ZONE");
        // Kusto strings are never null: a null string is the empty string
        assertThat(rows.get(1).subList(0, 10)).containsExactly(null, null, null, null, null, "", null, null, null,
                null);
        assertThat(rows.get(2).get(7)).isEqualTo(-15_000_000L);
        assertThat(rows.get(2).get(9)).isEqualTo("[\"u\",1.25,true]");
    }

    @Test
    void parquetDatetimesKeepMicrosecondsWhenAsked() throws Exception {
        Path file = exportParquet(Optional.empty(), DatetimePrecision.MICROSECOND);

        assertThat(DuckDb.query("SELECT epoch_us(t) FROM " + read(file) + " WHERE t IS NOT NULL"))
                .containsExactly(List.of(WHEN.getEpochSecond() * 1_000_000 + 123_456), List.of(0L));
    }

    @Test
    void parquetPagesAreCompressedWithEveryAvailableCodec() throws Exception {
        for (CompressionType codec : List.of(CompressionType.SNAPPY, CompressionType.GZIP, CompressionType.ZSTD,
                CompressionType.LZ4_RAW)) {
            Path file = exportParquet(Optional.of(codec), DatetimePrecision.MILLISECOND);

            assertThat(DuckDb.query("SELECT DISTINCT compression FROM parquet_metadata('" + file + "')"))
                    .as(codec.kustoName()).containsExactly(List.of(codec.kustoName().toUpperCase()));
            assertThat(DuckDb.count("SELECT count(*) FROM " + read(file) + " WHERE s = '" + TEXT.replace("'", "''")
                    + "'")).isEqualTo(1);
        }
    }

    @Test
    void parquetRowGroupsHoldParquetRowGroupSizeRecords() throws Exception {
        Path file = exportParquet(Optional.empty(), DatetimePrecision.MILLISECOND);

        assertThat(DuckDb.query("SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata('" + file
                + "') ORDER BY 1")).containsExactly(List.of(0L, 2L), List.of(1L, 1L));
    }

    @Test
    void aParquetCodecThatIsNotAvailableIsRefusedNamingTheOnesThatAre() {
        assertThatThrownBy(() -> ParquetCompression.checkAvailable(CompressionType.BROTLI))
                .hasMessage("parquet compressionType 'brotli' is not available in this runtime"
                        + " (available: snappy, gzip, zstd, lz4_raw)");
    }
}

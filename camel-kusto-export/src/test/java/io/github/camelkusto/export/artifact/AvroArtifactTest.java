package io.github.camelkusto.export.artifact;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.camelkusto.export.command.CompressionType;
import io.github.camelkusto.export.command.Distribution;
import io.github.camelkusto.export.command.ExportFormat;
import io.github.camelkusto.export.command.IncludeHeaders;
import io.github.camelkusto.export.command.TextEncoding;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.export.storage.LocalFolderLocation;
import io.github.camelkusto.export.storage.LocalFolderTarget;
import io.github.camelkusto.export.storage.StorageTarget;
import org.apache.avro.Conversions;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Avro artifacts read back by Avro's own reader (DuckDB's avro extension does not install offline). */
class AvroArtifactTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @TempDir
    Path folder;

    @AfterEach
    void shutdown() {
        pool.shutdownNow();
    }

    private static ArtifactSpec avro(long sizeLimit, CompressionType codec) {
        return ArtifactSpec.text(ExportFormat.AVRO, false, sizeLimit, IncludeHeaders.NONE, TextEncoding.UTF8_NO_BOM,
                new ArtifactNaming("r", "avro")).withAvro(new ArtifactSpec.AvroSettings(codec));
    }

    private List<ExportedArtifact> export(ArtifactSpec spec, QueryResult result, int chunkSize) {
        List<StorageTarget> targets = List.of(new LocalFolderTarget(new LocalFolderLocation(folder)));
        return new RollingArtifactWriter(spec, targets, pool, 3, pool, chunkSize).write(result);
    }

    /** Every record of an avro file, with decimals, timestamps and uuids as Java types. */
    private static List<GenericRecord> read(Path file) throws IOException {
        GenericData data = new GenericData();
        data.addLogicalTypeConversion(new Conversions.DecimalConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        data.addLogicalTypeConversion(new Conversions.UUIDConversion());
        List<GenericRecord> records = new ArrayList<>();
        try (var reader = new DataFileReader<GenericRecord>(file.toFile(), new GenericDatumReader<>(null, null, data))) {
            reader.forEach(records::add);
        }
        return records;
    }

    private static org.apache.avro.Schema schemaOf(Path file) throws IOException {
        try (var reader = new DataFileReader<GenericRecord>(file.toFile(), new GenericDatumReader<>())) {
            return reader.getSchema();
        }
    }

    @Test
    void avroFieldsAreNullableUnionsWithLogicalTypesPerKustoType() throws Exception {
        var artifacts = export(avro(100_000_000, CompressionType.NULL), FormatRenderingTest.rows(), 1024);
        org.apache.avro.Schema schema = schemaOf(Path.of(artifacts.get(0).path()));

        List<String> fields = schema.getFields().stream().map(f -> f.name() + ":" + f.schema().getTypes().get(0)
                .getType() + "|" + f.schema().getTypes().get(1).getType() + "/"
                + (f.schema().getTypes().get(1).getLogicalType() == null ? "-"
                        : f.schema().getTypes().get(1).getLogicalType().getName())).toList();
        assertThat(fields).containsExactly("b:NULL|BOOLEAN/-", "i:NULL|INT/-", "l:NULL|LONG/-", "r:NULL|DOUBLE/-",
                "d:NULL|BYTES/decimal", "s:NULL|STRING/-", "t:NULL|LONG/timestamp-micros", "ts:NULL|LONG/-",
                "g:NULL|STRING/uuid", "dyn:NULL|STRING/-");
        assertThat(schema.getField("d").schema().getTypes().get(1).getObjectProp("precision")).isEqualTo(38);
        assertThat(schema.getField("d").schema().getTypes().get(1).getObjectProp("scale")).isEqualTo(18);
    }

    @Test
    void avroValuesReadBackWithTheirTypesAndNullsAsNulls() throws Exception {
        var artifacts = export(avro(100_000_000, CompressionType.NULL), FormatRenderingTest.rows(), 1024);
        assertThat(artifacts).hasSize(1);
        assertThat(artifacts.get(0).path()).endsWith(".avro");
        assertThat(artifacts.get(0).numRecords()).isEqualTo(3);
        assertThat(artifacts.get(0).sizeInBytes()).isEqualTo(Files.size(Path.of(artifacts.get(0).path())));

        List<GenericRecord> rows = read(Path.of(artifacts.get(0).path()));
        GenericRecord full = rows.get(0);
        assertThat(full.get("b")).isEqualTo(true);
        assertThat(full.get("i")).isEqualTo(42);
        assertThat(full.get("l")).isEqualTo(9007199254740993L);
        assertThat(full.get("r")).isEqualTo(1.5);
        assertThat(full.get("d")).isEqualTo(new BigDecimal("123.456000000000000000"));
        assertThat(full.get("s").toString()).isEqualTo(FormatRenderingTest.TEXT);
        // ticks rounded down to the microsecond: .1234567 -> .123456
        assertThat(full.get("t")).isEqualTo(Instant.parse("2024-01-02T03:04:05.123456Z"));
        assertThat(full.get("ts")).isEqualTo(ParquetRows.ticks(FormatRenderingTest.SPAN));
        assertThat(full.get("g")).isEqualTo(FormatRenderingTest.GUID);
        assertThat(full.get("dyn").toString()).isEqualTo("{\"a\":[1,2,{\"b\":null}],\"c\":\"x\"}");
        // Kusto strings are never null: a null string is the empty string
        List<Object> nulls = new ArrayList<>();
        rows.get(1).getSchema().getFields().forEach(f -> nulls.add(rows.get(1).get(f.name())));
        assertThat(nulls.stream().map(v -> v == null ? null : v.toString()).toList())
                .containsExactly(null, null, null, null, null, "", null, null, null, null);
        assertThat(rows.get(2).get("d")).isEqualTo(new BigDecimal("-0.500000000000000000"));
        assertThat(rows.get(2).get("t")).isEqualTo(Instant.EPOCH);
        assertThat(rows.get(2).get("ts")).isEqualTo(-15_000_000L);
    }

    @ParameterizedTest
    @EnumSource(value = CompressionType.class, names = {"NULL", "DEFLATE", "SNAPPY", "ZSTD"})
    void avroBlocksAreCompressedWithTheCodecAsked(CompressionType codec) throws Exception {
        var artifacts = export(avro(100_000_000, codec), DistributedWritersTest.partitioned(1, 5_000), 64 * 1024);

        Path file = Path.of(artifacts.get(0).path());
        try (var reader = new DataFileReader<GenericRecord>(file.toFile(), new GenericDatumReader<>())) {
            // Avro's own name for zstd is zstandard
            assertThat(reader.getMetaString("avro.codec"))
                    .isEqualTo(codec == CompressionType.ZSTD ? "zstandard" : codec.kustoName());
        }
        List<GenericRecord> rows = read(file);
        assertThat(rows).hasSize(5_000);
        assertThat(rows.get(4_999).get("Id")).isEqualTo(4_999L);
    }

    @Test
    void avroArtifactsOfParallelWritersRollOverAfterTheBlockThatReachesTheSizeLimit() throws Exception {
        long sizeLimit = 20_000;
        int blockSize = 4_096;
        var artifacts = export(avro(sizeLimit, CompressionType.NULL).withDistribution(Distribution.PER_SHARD),
                DistributedWritersTest.partitioned(3, 10_000), blockSize);

        assertThat(artifacts.size()).isGreaterThanOrEqualTo(3 * 3); // each writer's ~70 KB in 20 KB artifacts
        Set<Long> ids = new HashSet<>();
        for (ExportedArtifact artifact : artifacts) {
            Path file = Path.of(artifact.path());
            List<GenericRecord> rows = read(file);
            assertThat(rows).hasSize((int) artifact.numRecords());
            rows.forEach(r -> assertThat(ids.add((Long) r.get("Id"))).isTrue());
            assertThat(artifact.sizeInBytes()).isEqualTo(Files.size(file))
                    .isLessThan(sizeLimit + 2L * blockSize); // at most a block (and the file's ends) over
        }
        assertThat(ids).hasSize(30_000);
        // each writer's artifacts but its last reached the limit
        assertThat(artifacts.stream().filter(a -> a.sizeInBytes() < sizeLimit).count()).isLessThanOrEqualTo(3);
    }

    @Test
    void avroRefusesAColumnNameThatIsNotAnAvroNameAndWritesNothing() throws Exception {
        Schema schema = Schema.of(new Column("Id", KqlType.LONG), new Column("a b", KqlType.STRING));
        Batch batch = Batch.builder(schema).addRow(1L, "x").build();
        QueryResult result = new QueryResult(schema, List.of(() -> BatchStream.of(List.of(batch))));

        assertThatThrownBy(() -> export(avro(100_000_000, CompressionType.NULL), result, 1024))
                .isInstanceOf(KustoException.class)
                .hasMessageContaining("column 'a b' cannot be an avro field");
        try (var files = Files.list(folder)) {
            assertThat(files.map(Path::toFile).map(File::getName)).isEmpty();
        }
    }
}

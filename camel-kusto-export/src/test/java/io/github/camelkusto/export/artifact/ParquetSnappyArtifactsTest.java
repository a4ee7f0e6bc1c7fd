package io.github.camelkusto.export.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.camelkusto.export.command.CompressionType;
import io.github.camelkusto.export.command.DatetimePrecision;
import io.github.camelkusto.export.command.Distribution;
import io.github.camelkusto.export.command.ExportFormat;
import io.github.camelkusto.export.command.IncludeHeaders;
import io.github.camelkusto.export.command.TextEncoding;
import io.github.camelkusto.export.storage.LocalFolderLocation;
import io.github.camelkusto.export.storage.LocalFolderTarget;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.format.ParquetRecords;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;
import io.github.camelkusto.testkit.DuckDb;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.OffsetIndex;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * snappy parquet artifacts of one export, several written at once by parallel writers that take over the column
 * chunks (buffers, compressors) of the files finished before them, read back value by value by DuckDB and by
 * parquet-java: every column type, nulls in some pages and none in others, several pages per column chunk and
 * several row groups per file, and files whose text column has a dictionary between files whose has not.
 */
class ParquetSnappyArtifactsTest {
    private static final Schema SCHEMA = Schema.of(new Column("b", KqlType.BOOL), new Column("i", KqlType.INT),
            new Column("l", KqlType.LONG), new Column("r", KqlType.REAL), new Column("d", KqlType.DECIMAL),
            new Column("s", KqlType.STRING), new Column("level", KqlType.STRING),
            new Column("t", KqlType.DATETIME), new Column("ts", KqlType.TIMESPAN), new Column("g", KqlType.GUID),
            new Column("dyn", KqlType.DYNAMIC));
    /** Rows of each file: pages end at 20,000 rows, row groups at {@link #ROW_GROUP}. */
    private static final int ROWS = 50_000;
    private static final int ROW_GROUP = 45_000;
    private static final int BATCH = 8_192;
    private static final long TICKS_PER_MILLI = 10_000;

    @TempDir
    Path folder;

    private final ExecutorService writers = Executors.newFixedThreadPool(2);
    private final ExecutorService compressors = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopThreads() {
        writers.shutdownNow();
        compressors.shutdownNow();
    }

    /**
     * Nulls in the first page of a file (the first at row 3) and at the last row of its second page; none in its
     * other pages. Strings are never null in Kusto.
     */
    private static boolean isNull(int row) {
        return row < 20_000 && row % 11 == 3 || row == 39_999;
    }

    /** File {@code file}'s row {@code row} as the batch holds it. */
    private static Object[] row(int file, int row) {
        long n = file * 1_000_000L + row;
        Object[] values = {row % 3 == 0, (int) (n - 500_000), n * 7919, n * 0.25 - 3,
                BigDecimal.valueOf(n - 1_000, 3), "message " + n + " from file " + file, level(file, row),
                Instant.EPOCH.plusNanos((n - 1_000) * 12_345 * 100), Duration.ofMillis(n * 3 - 1_000),
                new UUID(n, -n), KqlValues.parse(KqlType.DYNAMIC, "{\"n\":" + n + ",\"even\":" + (n % 2 == 0) + "}")};
        if (isNull(row)) {
            for (int c = 0; c < values.length; c++) {
                if (c != 5 && c != 6) {
                    values[c] = null;
                }
            }
        }
        return values;
    }

    /** Three levels, repeated (a dictionary column), except in file 1 where every value is distinct (plain). */
    private static String level(int file, int row) {
        return file == 1 ? "level " + row : List.of("Information", "Warning", "Error ☃").get(row % 3);
    }

    private List<Path> export(int files) throws Exception {
        List<Partition> partitions = new ArrayList<>();
        for (int file = 0; file < files; file++) {
            List<Batch> batches = new ArrayList<>();
            for (int from = 0; from < ROWS; from += BATCH) {
                Batch.Builder rows = Batch.builder(SCHEMA);
                for (int row = from; row < Math.min(ROWS, from + BATCH); row++) {
                    rows.addRow(row(file, row));
                }
                batches.add(rows.build());
            }
            partitions.add(() -> BatchStream.of(batches));
        }
        ArtifactSpec spec = ArtifactSpec.text(ExportFormat.PARQUET, false, 100_000_000, IncludeHeaders.NONE,
                TextEncoding.UTF8_NO_BOM, new ArtifactNaming("snappy", "parquet"))
                .withDistribution(Distribution.PER_SHARD)
                .withParquet(new ArtifactSpec.ParquetSettings(Optional.of(CompressionType.SNAPPY), ROW_GROUP,
                        DatetimePrecision.MILLISECOND));
        List<ExportedArtifact> artifacts = new RollingArtifactWriter(spec,
                List.of(new LocalFolderTarget(new LocalFolderLocation(Files.createDirectories(folder)))), writers, 2,
                compressors, RollingArtifactWriter.DEFAULT_CHUNK_SIZE)
                .write(new QueryResult(SCHEMA, partitions));
        assertThat(artifacts).hasSize(files).allSatisfy(a -> assertThat(a.numRecords()).isEqualTo(ROWS));
        List<Path> paths = new ArrayList<>();
        for (int file = 0; file < files; file++) {
            int f = file;
            paths.add(artifacts.stream().map(a -> Path.of(a.path()))
                    .filter(p -> firstMessage(p).endsWith("from file " + f)).findFirst().orElseThrow());
        }
        return paths;
    }

    private static String firstMessage(Path file) {
        try {
            return (String) DuckDb.query("SELECT s FROM read_parquet('" + file + "') LIMIT 1").get(0).get(0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyValueOfEverySnappyArtifactReadsBackInDuckDb() throws Exception {
        List<Path> files = export(4);

        for (int file = 0; file < files.size(); file++) {
            Path path = files.get(file);
            assertThat(DuckDb.query("SELECT DISTINCT compression FROM parquet_metadata('" + path + "')"))
                    .containsExactly(List.of("SNAPPY"));
            assertThat(DuckDb.query("SELECT b, i, l, r, d, s, level, epoch_ms(t), ts, g, dyn FROM read_parquet('"
                    + path + "')")).isEqualTo(duckDbRows(file));
        }
    }

    @Test
    void everyValueOfEverySnappyArtifactReadsBackInParquetJava() throws Exception {
        List<Path> files = export(4);

        for (int file = 0; file < files.size(); file++) {
            List<List<Object>> read = new ArrayList<>();
            ParquetRecords.read(files.get(file), SCHEMA, values -> read.add(Arrays.asList(values)));
            assertThat(read).isEqualTo(kustoRows(file));
        }
    }

    @Test
    void columnChunksHaveSeveralPagesAndFilesSeveralRowGroups() throws Exception {
        List<Path> files = export(3);

        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            FileMetaData footer = footer(bytes);
            assertThat(footer.getRow_groups()).hasSize(2);
            for (ColumnChunk chunk : footer.getRow_groups().get(0).getColumns()) {
                OffsetIndex pages = Util.readOffsetIndex(new ByteArrayInputStream(bytes,
                        (int) chunk.getOffset_index_offset(), chunk.getOffset_index_length()));
                assertThat(pages.getPage_locations()).as(chunk.getMeta_data().getPath_in_schema().toString())
                        .hasSizeGreaterThan(1);
            }
        }
        assertThat(DuckDb.query("SELECT DISTINCT encodings FROM parquet_metadata('" + files.get(0)
                + "') WHERE path_in_schema = 'level'")).singleElement().asString().contains("RLE_DICTIONARY");
        assertThat(DuckDb.query("SELECT DISTINCT encodings FROM parquet_metadata('" + files.get(1)
                + "') WHERE path_in_schema = 'level'")).singleElement().asString().doesNotContain("DICTIONARY");
    }

    private static FileMetaData footer(byte[] bytes) throws Exception {
        int length = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return Util.readFileMetaData(new ByteArrayInputStream(bytes, bytes.length - 8 - length, length));
    }

    /** The rows DuckDB reads: datetimes as epoch milliseconds, timespans as ticks, guids and dynamics as text. */
    private static List<List<Object>> duckDbRows(int file) {
        List<List<Object>> rows = new ArrayList<>();
        for (int row = 0; row < ROWS; row++) {
            Object[] v = row(file, row);
            rows.add(Arrays.asList(v[0], v[1], v[2], v[3], v[4] == null ? null : ((BigDecimal) v[4]).setScale(18),
                    v[5], v[6], v[7] == null ? null : Math.floorDiv(ticks((Instant) v[7]), TICKS_PER_MILLI),
                    v[8] == null ? null : ParquetRows.ticks((Duration) v[8]), v[9] == null ? null : v[9].toString(),
                    v[10] == null ? null : KqlValues.render(v[10])));
        }
        return rows;
    }

    /** The rows parquet-java reads as Kusto values: datetimes to the millisecond, decimals at scale 18. */
    private static List<List<Object>> kustoRows(int file) {
        List<List<Object>> rows = new ArrayList<>();
        for (int row = 0; row < ROWS; row++) {
            Object[] v = row(file, row);
            if (v[4] != null) {
                v[4] = ((BigDecimal) v[4]).setScale(18);
            }
            if (v[7] != null) {
                v[7] = Instant.ofEpochMilli(Math.floorDiv(ticks((Instant) v[7]), TICKS_PER_MILLI));
            }
            rows.add(Arrays.asList(v));
        }
        return rows;
    }

    private static long ticks(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond() * 1_000_000_000L + instant.getNano(), 100L);
    }
}

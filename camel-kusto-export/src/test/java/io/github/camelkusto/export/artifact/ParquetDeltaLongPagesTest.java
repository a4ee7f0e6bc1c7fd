package io.github.camelkusto.export.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.github.camelkusto.export.command.DatetimePrecision;
import io.github.camelkusto.export.command.ExportFormat;
import io.github.camelkusto.export.command.IncludeHeaders;
import io.github.camelkusto.export.command.TextEncoding;
import io.github.camelkusto.export.storage.LocalFolderLocation;
import io.github.camelkusto.export.storage.LocalFolderTarget;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.format.ParquetRecords;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.testkit.DuckDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long and datetime columns are written in DELTA_BINARY_PACKED pages: increasing ids and timestamps take a few bits
 * a value instead of eight bytes, and every value (nulls, steps back, the extremes of a long) reads back in DuckDB
 * and in parquet-java.
 */
class ParquetDeltaLongPagesTest {
    private static final Schema SCHEMA = Schema.of(new Column("id", KqlType.LONG),
            new Column("t", KqlType.DATETIME), new Column("n", KqlType.LONG));
    /** Several pages (20,000 rows each) in each column chunk. */
    private static final int ROWS = 50_000;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path folder;

    /** Row {@code row}: an increasing id, timestamps 10 ms apart, and values that jump across the long range. */
    private static Object[] row(int row) {
        Long jumping = switch (row % 5) {
            case 0 -> Long.MIN_VALUE;
            case 1 -> Long.MAX_VALUE;
            case 2 -> null;
            default -> (long) row * -7919;
        };
        return new Object[] {1_000_000L + row, row % 1000 == 7 ? null : START.plusMillis(10L * row), jumping};
    }

    @Test
    void increasingLongsAndDatetimesAreDeltaEncodedAndReadBack() throws Exception {
        ArtifactSpec spec = ArtifactSpec.text(ExportFormat.PARQUET, false, 100_000_000, IncludeHeaders.NONE,
                TextEncoding.UTF8_NO_BOM, new ArtifactNaming("delta", "parquet"))
                .withParquet(new ArtifactSpec.ParquetSettings(Optional.empty(), 100_000,
                        DatetimePrecision.MILLISECOND));
        ExportRun run = new ExportRun(spec, SCHEMA, List.of(new LocalFolderTarget(new LocalFolderLocation(folder))),
                ExportMonitor.NONE, new ExportRun.GzipPool(Runnable::run, 1));
        ParquetArtifactStream parquet = new ParquetArtifactStream(run, "");
        Batch.Builder batch = Batch.builder(SCHEMA);
        for (int row = 0; row < ROWS; row++) {
            batch.addRow(row(row));
        }
        parquet.write(batch.build());
        parquet.finish();

        String file = run.artifacts().get(0).path();
        assertThat(DuckDb.query("SELECT path_in_schema, encodings FROM parquet_metadata('" + file + "')"))
                .allSatisfy(chunk -> assertThat(chunk.get(1).toString()).contains("DELTA_BINARY_PACKED"));
        assertThat(DuckDb.query("SELECT total_uncompressed_size < " + ROWS + " FROM parquet_metadata('" + file
                + "') WHERE path_in_schema IN ('id', 't')")).containsExactly(List.of(true), List.of(true));
        List<List<Object>> expected = new ArrayList<>();
        for (int row = 0; row < ROWS; row++) {
            Object[] values = row(row);
            expected.add(Arrays.asList(values[0], values[1] == null ? null : ((Instant) values[1]).toEpochMilli(),
                    values[2]));
        }
        assertThat(DuckDb.query("SELECT id, epoch_ms(t), n FROM read_parquet('" + file + "')")).isEqualTo(expected);
        List<List<Object>> read = new ArrayList<>();
        ParquetRecords.read(Path.of(file), SCHEMA, values -> read.add(Arrays.asList(values)));
        assertThat(read).extracting(values -> values.get(2)).isEqualTo(expected.stream().map(r -> r.get(2)).toList());
        assertThat(read).extracting(values -> values.get(0)).isEqualTo(expected.stream().map(r -> r.get(0)).toList());
    }
}

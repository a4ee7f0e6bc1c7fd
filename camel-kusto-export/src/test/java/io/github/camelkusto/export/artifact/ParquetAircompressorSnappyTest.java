package io.github.camelkusto.export.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.camelkusto.export.command.CompressionType;
import io.github.camelkusto.export.command.DatetimePrecision;
import io.github.camelkusto.export.command.ExportFormat;
import io.github.camelkusto.export.command.IncludeHeaders;
import io.github.camelkusto.export.command.TextEncoding;
import io.github.camelkusto.export.storage.LocalFolderLocation;
import io.github.camelkusto.export.storage.LocalFolderTarget;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.testkit.DuckDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where snappy-java's native library does not load, snappy pages are compressed by aircompressor's pure-Java snappy
 * (forced here, whatever this machine loads): the artifact is a snappy parquet file DuckDB reads value by value.
 */
class ParquetAircompressorSnappyTest {
    private static final Schema SCHEMA = Schema.of(new Column("n", KqlType.LONG),
            new Column("level", KqlType.STRING), new Column("message", KqlType.STRING));
    /** Several pages (20,000 rows each) in each column chunk. */
    private static final int ROWS = 50_000;

    @TempDir
    Path folder;

    @Test
    void snappyPagesWithoutNativeSnappyReadBackInDuckDb() throws Exception {
        ArtifactSpec spec = ArtifactSpec.text(ExportFormat.PARQUET, false, 100_000_000, IncludeHeaders.NONE,
                TextEncoding.UTF8_NO_BOM, new ArtifactNaming("pure-java", "parquet"))
                .withParquet(new ArtifactSpec.ParquetSettings(Optional.of(CompressionType.SNAPPY), 100_000,
                        DatetimePrecision.MILLISECOND));
        ExportRun run = new ExportRun(spec, SCHEMA, List.of(new LocalFolderTarget(new LocalFolderLocation(folder))),
                ExportMonitor.NONE, new ExportRun.GzipPool(Runnable::run, 1));
        ParquetArtifactStream parquet = new ParquetArtifactStream(run, "", false);
        List<List<Object>> expected = new ArrayList<>();
        Batch.Builder batch = Batch.builder(SCHEMA);
        for (int row = 0; row < ROWS; row++) {
            List<Object> values = List.of((long) row * 7919, List.of("Information", "Warning", "Error").get(row % 3),
                    "request " + row + " served ☃");
            batch.addRow(values.toArray());
            expected.add(values);
        }
        parquet.write(batch.build());
        parquet.finish();

        List<ExportedArtifact> artifacts = run.artifacts();
        assertThat(artifacts).singleElement().satisfies(a -> assertThat(a.numRecords()).isEqualTo(ROWS));
        String file = artifacts.get(0).path();
        assertThat(DuckDb.query("SELECT DISTINCT compression FROM parquet_metadata('" + file + "')"))
                .containsExactly(List.of("SNAPPY"));
        assertThat(DuckDb.query("SELECT count(*) FROM parquet_metadata('" + file + "') WHERE path_in_schema ="
                + " 'message' AND total_compressed_size < total_uncompressed_size")).containsExactly(List.of(1L));
        assertThat(DuckDb.query("SELECT n, level, message FROM read_parquet('" + file + "')")).isEqualTo(expected);
    }
}

package io.github.camelkusto.export.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
import io.github.camelkusto.export.storage.LocalFolderLocation;
import io.github.camelkusto.export.storage.LocalFolderTarget;
import io.github.camelkusto.testkit.DuckDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dictionary pages in parquet artifacts: for text columns whose values repeat, not for mostly distinct text, as the
 * first rows of each artifact show it.
 */
class ParquetDictionaryTest {
    private static final Schema SCHEMA = Schema.of(new Column("Id", KqlType.LONG),
            new Column("Level", KqlType.STRING), new Column("Message", KqlType.STRING));
    private static final int ROWS = 20_000;

    @TempDir
    Path folder;

    /** Levels repeat (four values); the first {@code distinctMessages} messages are all different, then repeat. */
    private static QueryResult logRows(int distinctMessages) {
        Batch.Builder rows = Batch.builder(SCHEMA);
        for (long id = 0; id < ROWS; id++) {
            rows.addRow(id, List.of("Information", "Warning", "Error", "Verbose").get((int) (id % 4)),
                    "request " + (id % distinctMessages) + " served");
        }
        Batch batch = rows.build();
        return new QueryResult(SCHEMA, List.of(() -> BatchStream.of(List.of(batch))));
    }

    private Path export(QueryResult rows) throws Exception {
        ArtifactSpec spec = ArtifactSpec.text(ExportFormat.PARQUET, false, 100_000_000, IncludeHeaders.NONE,
                TextEncoding.UTF8_NO_BOM, new ArtifactNaming("logs", "parquet"))
                .withParquet(new ArtifactSpec.ParquetSettings(Optional.empty(), 100_000, DatetimePrecision.MILLISECOND));
        List<ExportedArtifact> artifacts = new RollingArtifactWriter(spec,
                List.of(new LocalFolderTarget(new LocalFolderLocation(Files.createDirectories(folder)))))
                .write(rows);
        return Path.of(artifacts.get(0).path());
    }

    @Test
    void textColumnsWhoseValuesRepeatGetDictionaryPages() throws Exception {
        Path file = export(logRows(100));

        assertThat(encodings(file, "Level")).contains("DICTIONARY");
        assertThat(encodings(file, "Message")).contains("DICTIONARY");
    }

    /**
     * Decided on the artifact's first rows: a column whose first 1024 values are distinct is written plain, even if
     * its values repeat later. parquet-java would otherwise fill a dictionary with mostly distinct text until it
     * gives up on it, in every row group.
     */
    @Test
    void textColumnsWhoseFirstValuesAreAllDistinctAreWrittenPlain() throws Exception {
        Path file = export(logRows(2_000));

        assertThat(encodings(file, "Level")).contains("DICTIONARY");
        assertThat(encodings(file, "Message")).doesNotContain("DICTIONARY");
        assertThat(DuckDb.count("SELECT count(DISTINCT Message) FROM read_parquet('" + file + "')")).isEqualTo(2_000);
        assertThat(DuckDb.count("SELECT count(*) FROM read_parquet('" + file + "')")).isEqualTo(ROWS);
    }

    /** The encodings parquet's metadata lists for a column, as DuckDB reads them. */
    private static String encodings(Path file, String column) throws Exception {
        return DuckDb.query("SELECT string_agg(encodings, ',') FROM parquet_metadata('" + file + "') WHERE"
                + " path_in_schema = '" + column + "'").get(0).get(0).toString();
    }
}

package io.github.camelkusto.export.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.github.camelkusto.export.command.DatetimePrecision;
import io.github.camelkusto.export.command.ExportFormat;
import io.github.camelkusto.export.command.IncludeHeaders;
import io.github.camelkusto.export.command.TextEncoding;
import io.github.camelkusto.export.storage.LocalFolderLocation;
import io.github.camelkusto.export.storage.LocalFolderTarget;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.testkit.DuckDb;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * String columns with a dictionary, encoded by the writer's own {@link DictionaryStringPages}: the footer read by
 * parquet-java's format module, the values by DuckDB: RLE_DICTIONARY pages with the right values (empty strings, non-ASCII text), and a
 * chunk whose distinct values outgrow the dictionary page continuing in PLAIN pages.
 */
class ParquetDictionaryPagesTest {
    private static final Schema SCHEMA = Schema.of(new Column("Id", KqlType.LONG),
            new Column("Level", KqlType.STRING), new Column("Greeting", KqlType.STRING),
            new Column("Key", KqlType.STRING));
    private static final List<String> LEVELS = List.of("Error", "", "Warning");
    private static final List<String> GREETINGS = List.of("Grüße", "日本語", "😀 smile", "plain");
    /** Rows whose keys repeat (so that the column gets a dictionary), before every key is distinct. */
    private static final int REPEATED_KEYS = 4_000;
    private static final int ROWS = 30_000;

    @TempDir
    Path folder;

    /** Every seventh a null: Kusto strings are never null, the batch holds an empty string instead. */
    private static String level(int row) {
        return row % 7 == 6 ? null : LEVELS.get(row % LEVELS.size());
    }

    private static String greeting(int row) {
        return GREETINGS.get(row % GREETINGS.size());
    }

    /** 100 bytes and more each once distinct: 26,000 of them are well past the 1 MB dictionary page. */
    private static String key(int row) {
        return row < REPEATED_KEYS ? "key " + row % 10 : "distinct key " + row + " " + "x".repeat(100);
    }

    private Path export() throws Exception {
        Batch.Builder rows = Batch.builder(SCHEMA);
        for (int row = 0; row < ROWS; row++) {
            rows.addRow((long) row, level(row), greeting(row), key(row));
        }
        Batch batch = rows.build();
        ArtifactSpec spec = ArtifactSpec.text(ExportFormat.PARQUET, false, 100_000_000, IncludeHeaders.NONE,
                TextEncoding.UTF8_NO_BOM, new ArtifactNaming("dictionary", "parquet"))
                .withParquet(new ArtifactSpec.ParquetSettings(Optional.empty(), 100_000,
                        DatetimePrecision.MILLISECOND));
        List<ExportedArtifact> artifacts = new RollingArtifactWriter(spec,
                List.of(new LocalFolderTarget(new LocalFolderLocation(Files.createDirectories(folder)))))
                .write(new QueryResult(SCHEMA, List.of(() -> BatchStream.of(List.of(batch)))));
        return Path.of(artifacts.get(0).path());
    }

    @Test
    void repeatedStringsAreWrittenAsDictionaryPagesWithTheirValues() throws Exception {
        Path file = export();

        ColumnMetaData level = chunk(file, "Level");
        assertThat(level.getEncodings()).contains(Encoding.RLE_DICTIONARY);
        assertThat(level.isSetDictionary_page_offset()).isTrue();
        assertThat(level.getStatistics().getNull_count()).isZero();
        assertThat(level.getStatistics().getMin_value()).isEmpty();
        assertThat(level.getStatistics().getMax_value()).isEqualTo(utf8("Warning"));
        ColumnMetaData greeting = chunk(file, "Greeting");
        assertThat(greeting.getEncodings()).contains(Encoding.RLE_DICTIONARY);
        assertThat(greeting.getStatistics().getMax_value()).isEqualTo(utf8("😀 smile"));

        assertThat(DuckDb.query("SELECT Id, Level, Greeting, Key FROM read_parquet('" + file + "') ORDER BY Id"))
                .isEqualTo(expectedRows());
    }

    @Test
    void aDictionaryOutgrowingItsPageContinuesInPlainPages() throws Exception {
        Path file = export();

        ColumnMetaData key = chunk(file, "Key");
        assertThat(key.getNum_values()).isEqualTo(ROWS);
        assertThat(key.getEncodings()).contains(Encoding.RLE_DICTIONARY, Encoding.PLAIN);
        assertThat(key.getStatistics().getMin_value()).isEqualTo(utf8("distinct key 10000 " + "x".repeat(100)));
        assertThat(key.getStatistics().getMax_value()).isEqualTo(utf8("key 9"));
        assertThat(DuckDb.count("SELECT count(DISTINCT Key) FROM read_parquet('" + file + "')"))
                .isEqualTo(10 + ROWS - REPEATED_KEYS);
        assertThat(DuckDb.count("SELECT count(*) FROM read_parquet('" + file + "') WHERE Key = 'distinct key "
                + (ROWS - 1) + " " + "x".repeat(100) + "' AND Id = " + (ROWS - 1))).isEqualTo(1);
    }

    private static List<List<Object>> expectedRows() {
        List<List<Object>> rows = new ArrayList<>();
        for (int row = 0; row < ROWS; row++) {
            rows.add(Arrays.asList((long) row, Objects.requireNonNullElse(level(row), ""), greeting(row), key(row)));
        }
        return rows;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The column's chunk of the file's one row group, from the footer as parquet-java's format module reads it
     * (its file reader needs Hadoop, kept off this class path).
     */
    private static ColumnMetaData chunk(Path file, String column) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        int footerLength = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        FileMetaData footer = Util.readFileMetaData(new ByteArrayInputStream(bytes,
                bytes.length - 8 - footerLength, footerLength));
        assertThat(footer.getRow_groups()).hasSize(1);
        return footer.getRow_groups().get(0).getColumns().stream().map(ColumnChunk::getMeta_data)
                .filter(c -> c.getPath_in_schema().equals(List.of(column))).findFirst().orElseThrow();
    }
}

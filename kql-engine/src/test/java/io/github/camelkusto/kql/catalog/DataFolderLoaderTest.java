package io.github.camelkusto.kql.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.Kql;
import io.github.camelkusto.kql.exec.QueryEngine;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;
import io.github.camelkusto.testkit.DuckDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A data folder's files become tables: csv, tsv, JSON lines and parquet, each with its way to give a schema. */
class DataFolderLoaderTest {
    private final KustoDatabase database = new KustoDatabase("db");
    private final QueryEngine engine = new QueryEngine(database);

    @TempDir
    Path folder;

    private List<List<Object>> rows(String query) {
        return Kql.values(engine.prepare(query));
    }

    private String schema(String table) {
        return database.table(table).orElseThrow().schema().toString();
    }

    @Test
    void csvAndTsvFilesNameTheirColumnsInTheHeaderLine() throws Exception {
        Files.writeString(folder.resolve("Logs.csv"), "Level,Ms:long\n\"warn, high\",12\ninfo,\n");
        Files.writeString(folder.resolve("Events.tsv"), "Name\tAt:datetime\nstart\t2024-01-02T03:04:05Z\n");

        assertThat(DataFolderLoader.load(folder, database)).containsExactly("Events", "Logs");

        assertThat(schema("Logs")).isEqualTo("(Level:string, Ms:long)");
        assertThat(rows("Logs")).containsExactly(List.of("warn, high", 12L), Arrays.asList("info", null));
        assertThat(rows("Events")).containsExactly(List.of("start", Instant.parse("2024-01-02T03:04:05Z")));
    }

    @Test
    void jsonLinesTakeTheirSchemaFromTheSchemaFile() throws Exception {
        Files.writeString(folder.resolve("T.json"), "{\"id\": 1, \"at\": \"2024-01-02\"}\n{\"id\": 2, \"x\": 5}\n");
        Files.writeString(folder.resolve("T.schema"), "id:int, at:datetime, missing:string\n");

        DataFolderLoader.load(folder, database);

        assertThat(schema("T")).isEqualTo("(id:int, at:datetime, missing:string)");
        assertThat(rows("T")).containsExactly(List.of(1, Instant.parse("2024-01-02T00:00:00Z"), ""),
                Arrays.asList(2, null, ""));
    }

    @Test
    void jsonLinesWithoutASchemaFileAreTypedByTheirFirstObjectsValues() throws Exception {
        Files.writeString(folder.resolve("T.json"), "{\"s\": \"2024-01-02\", \"n\": 3, \"r\": 1.5, \"b\": true,"
                + " \"o\": {\"k\": [1]}, \"z\": null}\n{\"n\": 4, \"z\": 7}\n");

        DataFolderLoader.load(folder, database);

        // strings stay strings: no guessing of dates or numbers in text
        assertThat(schema("T")).isEqualTo("(s:string, n:long, r:real, b:bool, o:dynamic, z:dynamic)");
        assertThat(rows("T")).containsExactly(
                Arrays.asList("2024-01-02", 3L, 1.5, true, KqlValues.parse(KqlType.DYNAMIC, "{\"k\":[1]}"),
                        KqlValues.parse(KqlType.DYNAMIC, "null")),
                Arrays.asList("", 4L, null, null, null, KqlValues.parse(KqlType.DYNAMIC, "7")));
    }

    @Test
    void parquetFilesBringTheirOwnTypes() throws Exception {
        Path file = folder.resolve("P.parquet");
        DuckDb.execute("COPY (SELECT 1::INTEGER AS i, 'x' AS s, TIMESTAMP '2024-01-02 03:04:05' AS t, 2.5::DOUBLE AS r,"
                + " true AS b) TO '" + file + "' (FORMAT parquet)");

        DataFolderLoader.load(folder, database);

        assertThat(schema("P")).isEqualTo("(i:int, s:string, t:datetime, r:real, b:bool)");
        assertThat(rows("P")).containsExactly(List.of(1, "x", Instant.parse("2024-01-02T03:04:05Z"), 2.5, true));
    }

    @Test
    void aSchemaFileOverridesAParquetFilesTypes() throws Exception {
        DuckDb.execute("COPY (SELECT 36000000000::BIGINT AS span) TO '" + folder.resolve("P.parquet")
                + "' (FORMAT parquet)");
        Files.writeString(folder.resolve("P.schema"), "span:timespan");

        DataFolderLoader.load(folder, database);

        assertThat(rows("P")).containsExactly(List.of(java.time.Duration.ofHours(1)));
    }

    @Test
    void twoFilesNamingOneTableAreRefused() throws Exception {
        Files.writeString(folder.resolve("T.csv"), "a\n1\n");
        Files.writeString(folder.resolve("T.json"), "{\"a\": 1}\n");

        assertThatThrownBy(() -> DataFolderLoader.load(folder, database))
                .isInstanceOf(KustoException.class)
                .hasMessageEndingWith(": both T.csv and T.json name table 'T'");
        assertThat(database.tables()).isEmpty();
    }

    @Test
    void aSchemaFileBesideACsvFileOrAloneIsRefused() throws Exception {
        Files.writeString(folder.resolve("T.csv"), "a\n1\n");
        Files.writeString(folder.resolve("T.schema"), "a:long");

        assertThatThrownBy(() -> DataFolderLoader.load(folder, database))
                .isInstanceOf(KustoException.class)
                .hasMessageContaining("but T.csv names its columns in its header line");

        Files.delete(folder.resolve("T.csv"));
        assertThatThrownBy(() -> DataFolderLoader.load(folder, database))
                .isInstanceOf(KustoException.class)
                .hasMessageContaining("T.schema: a schema file describes T.json or T.parquet, but there is none");
    }

    @Test
    void aBadValueNamesTheFileRecordAndColumnAndLoadsNothingOfThatTable() throws Exception {
        Files.writeString(folder.resolve("T.json"), "{\"n\": 1}\n{\"n\": \"many\"}\n");

        assertThatThrownBy(() -> DataFolderLoader.load(folder, database))
                .isInstanceOf(KustoException.class)
                .hasMessage("T.json record 2, column n: 'many' is not a valid long value");
        assertThat(database.table("T")).isEmpty();
    }

    @Test
    void otherFilesAreIgnored() throws Exception {
        Files.writeString(folder.resolve("README.md"), "# data");
        Files.writeString(folder.resolve("T.csv"), "a:long\n1\n");

        assertThat(DataFolderLoader.load(folder, database)).containsExactly("T");
    }
}

package io.github.camelkusto.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DuckDbTest {
    @TempDir
    Path dir;

    @Test
    void readsACsvFileBackAsText() throws Exception {
        Path csv = Files.writeString(dir.resolve("it's.csv"), "x,y\r\n01,\"a, \"\"b\"\"\"\r\n2,\r\n");

        assertThat(DuckDb.readCsv(csv, true)).containsExactly(List.of("01", "a, \"b\""), Arrays.asList("2", null));
        assertThat(DuckDb.readCsv(csv, false)).hasSize(3).first().isEqualTo(List.of("x", "y"));
    }

    @Test
    void queriesReturnJdbcValuesAndCounts() throws Exception {
        assertThat(DuckDb.query("SELECT 1::BIGINT, 'a', NULL UNION ALL SELECT 2, 'b', NULL ORDER BY 1"))
                .containsExactly(Arrays.asList(1L, "a", null), Arrays.asList(2L, "b", null));
        assertThat(DuckDb.count("SELECT count(*) FROM range(42)")).isEqualTo(42);
    }
}

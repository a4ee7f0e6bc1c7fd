package io.github.camelkusto.testkit;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class GzipAndDuckDbTest {
    @TempDir
    Path dir;

    @Test
    void gzipAcceptsAValidFileAndRejectsACorruptOne() throws Exception {
        Path good = dir.resolve("good.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(good))) {
            out.write("a,b\r\n".getBytes(StandardCharsets.UTF_8));
        }
        Path bad = dir.resolve("bad.gz");
        byte[] bytes = Files.readAllBytes(good);
        Files.write(bad, Arrays.copyOf(bytes, bytes.length - 4));

        assertThat(Gzip.isValid(good)).isTrue();
        assertThat(Gzip.isValid(bad)).isFalse();
        assertThat(new String(Gzip.gunzip(good), StandardCharsets.UTF_8)).isEqualTo("a,b\r\n");
    }

    @Test
    void duckDbAndCommonsCsvReadACsvFileBack() throws Exception {
        Path csv = dir.resolve("t.csv");
        Files.writeString(csv, "x,y\r\n1,\"a, b\"\r\n2,c\r\n");

        assertThat(DuckDb.readCsv(csv, true)).containsExactly(List.of("1", "a, b"), List.of("2", "c"));
        assertThat(DuckDb.count("SELECT count(*) FROM read_csv('" + csv + "')")).isEqualTo(2);
        assertThat(CsvFiles.parse(csv)).containsExactly(List.of("x", "y"), List.of("1", "a, b"), List.of("2", "c"));
    }
}

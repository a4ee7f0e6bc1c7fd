package io.github.camelkusto.testkit;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class GzipTest {
    @TempDir
    Path dir;

    @Test
    void gzipAcceptsAValidFileAndRejectsATruncatedOne() throws Exception {
        Path good = gzip("good.csv.gz", "a,b\r\n");
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.csv.gz"), Arrays.copyOf(bytes, bytes.length - 4));

        assertThat(Gzip.isValid(good)).isTrue();
        assertThat(Gzip.isValid(truncated)).isFalse();
    }

    @Test
    void gzipRejectsAFileThatIsNotGzipAtAll() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.csv.gz"), "a,b\r\n");

        assertThat(Gzip.isValid(plain)).isFalse();
    }

    @Test
    void gunzipReadsEveryMember() throws Exception {
        Path first = gzip("first.gz", "a,b\r\n");
        Path twoMembers = dir.resolve("two.gz");
        Files.write(twoMembers, Files.readAllBytes(first));
        Files.write(twoMembers, Files.readAllBytes(gzip("second.gz", "c,d\r\n")), StandardOpenOption.APPEND);

        assertThat(Gzip.isValid(twoMembers)).isTrue();
        assertThat(new String(Gzip.gunzip(twoMembers), StandardCharsets.UTF_8)).isEqualTo("a,b\r\nc,d\r\n");
    }

    private Path gzip(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}

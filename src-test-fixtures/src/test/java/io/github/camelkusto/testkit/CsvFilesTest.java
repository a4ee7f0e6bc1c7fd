package io.github.camelkusto.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CsvFilesTest {
    @Test
    void parsesQuotedFieldsEmbeddedLineBreaksAndUtf8(@TempDir Path dir) throws Exception {
        String text = "x,y\r\n1,\"a, \"\"b\"\"\r\nc\"\r\n2,é\r\n";
        Path file = Files.writeString(dir.resolve("t.csv"), text);

        List<List<String>> expected = List.of(List.of("x", "y"), List.of("1", "a, \"b\"\r\nc"), List.of("2", "é"));
        assertThat(CsvFiles.parse(file)).isEqualTo(expected);
        assertThat(CsvFiles.parse(text)).isEqualTo(expected);
    }
}

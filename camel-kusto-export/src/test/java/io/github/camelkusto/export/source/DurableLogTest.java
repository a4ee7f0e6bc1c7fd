package io.github.camelkusto.export.source;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkusto.export.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON-lines log that journals and the database folder commit to: what survives a kill, and compaction. */
class DurableLogTest {
    @TempDir
    Path folder;

    private static ObjectNode line(int n) {
        return DurableLog.JSON.createObjectNode().put("n", n);
    }

    private List<Integer> reopen(Path file) {
        List<Integer> read = new ArrayList<>();
        DurableLog.open("Test log", file, l -> read.add(l.path("n").asInt())).close();
        return read;
    }

    @Test
    void appendedLinesAreReadBackInOrder() {
        Path file = folder.resolve("log.jsonl");
        try (DurableLog log = DurableLog.open("Test log", file, l -> { })) {
            log.append(line(1));
            log.append(line(2));
        }
        assertThat(reopen(file)).containsExactly(1, 2);
    }

    @Test
    void aTornLastLineIsSkippedAndTheNextLineIsWhole() throws Exception {
        Path file = folder.resolve("log.jsonl");
        Files.writeString(file, "{\"n\":1}\n{\"n\":", StandardCharsets.UTF_8);
        try (LogCapture logs = LogCapture.install();
                DurableLog log = DurableLog.open("Test log", file, l -> { })) {
            log.append(line(3));
            assertThat(logs.events()).anySatisfy(e -> assertThat(e)
                    .contains("Test log " + file + " line 2 cannot be read and is skipped"));
        }
        assertThat(reopen(file)).containsExactly(1, 3);
    }

    @Test
    void aLineTheReaderRefusesIsReportedAndSkipped() throws Exception {
        Path file = folder.resolve("log.jsonl");
        Files.writeString(file, "{\"n\":1}\n{\"n\":-1}\n{\"n\":2}\n", StandardCharsets.UTF_8);
        List<JsonNode> accepted = new ArrayList<>();
        try (LogCapture logs = LogCapture.install()) {
            DurableLog.open("Test log", file, l -> {
                if (l.path("n").asInt() < 0) {
                    throw new IllegalArgumentException("no negative n");
                }
                accepted.add(l);
            }).close();
            assertThat(logs.events()).anySatisfy(e -> assertThat(e)
                    .contains("Test log " + file + " line 2 cannot be read and is skipped: no negative n"));
        }
        assertThat(accepted).hasSize(2);
    }

    @Test
    void compactReplacesTheWholeLogAndAppendingGoesOn() {
        Path file = folder.resolve("log.jsonl");
        try (DurableLog log = DurableLog.open("Test log", file, l -> { })) {
            for (int n = 1; n <= 5; n++) {
                log.append(line(n));
            }
            log.compact(List.of(line(4), line(5)));
            log.append(line(6));
        }
        assertThat(reopen(file)).containsExactly(4, 5, 6);
        assertThat(folder.toFile().list()).containsExactly("log.jsonl");
    }

    @Test
    void theLogAndItsCompactedCopyAreReadableByTheOwnerOnly() throws Exception {
        Path file = folder.resolve("log.jsonl");
        try (DurableLog log = DurableLog.open("Test log", file, l -> { })) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            log.compact(List.of(line(1)));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aClosedLogRefusesAppendsOrSaysItTookNothing() {
        DurableLog log = DurableLog.open("Test log", folder.resolve("log.jsonl"), l -> { });
        log.close();
        assertThatThrownBy(() -> log.append(line(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
        assertThat(log.appendUnlessClosed(line(1))).isFalse();
    }
}

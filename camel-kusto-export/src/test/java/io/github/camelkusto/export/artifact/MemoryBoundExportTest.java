package io.github.camelkusto.export.artifact;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounded memory: more than 2 GB of csv from a {@code range} query exported through a real CamelContext by a JVM
 * with a 256 MB heap, every artifact checked by
 * streaming it (record count, size, and every Id exactly once across artifacts).
 */
class MemoryBoundExportTest {
    /** About 85 bytes a record: 26 million records are a little over 2 GB. */
    private static final long ROWS = 26_000_000;
    private static final long SIZE_LIMIT = 100L * 1024 * 1024;

    @TempDir
    Path folder;

    @Test
    void twoGigabytesOfCsvExportWithin256MegabytesOfHeap() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), MemoryBoundExportMain.class.getName(),
                folder.toString(), Long.toString(ROWS), Long.toString(SIZE_LIMIT))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();

        List<String> lines = output.lines().filter(l -> l.startsWith("ARTIFACT ")).map(l -> l.substring(9)).toList();
        String summary = output.lines().filter(l -> l.startsWith("SUMMARY ")).findFirst().orElseThrow();
        System.out.println("memory-bound export: " + summary + ", " + lines.size() + " artifacts");
        long records = 0;
        long bytes = 0;
        IdCheck ids = new IdCheck();
        for (String line : lines) {
            String[] a = line.split(",");
            Path file = Path.of(a[0]);
            long expectedRecords = Long.parseLong(a[1]);
            long size = Long.parseLong(a[2]);
            assertThat(Files.size(file)).isEqualTo(size).isLessThanOrEqualTo(SIZE_LIMIT);
            assertThat(ids.scan(file)).as(file.toString()).isEqualTo(expectedRecords);
            records += expectedRecords;
            bytes += size;
        }
        assertThat(records).isEqualTo(ROWS);
        assertThat(bytes).isGreaterThan(2L * 1024 * 1024 * 1024);
        assertThat(ids.sum).isEqualTo(ROWS * (ROWS - 1) / 2);
        assertThat(ids.count).isEqualTo(ROWS);
        try (var files = Files.list(folder)) {
            assertThat(files.toList()).hasSize(lines.size());
        }
    }

    /** Streams a csv artifact: counts its CRLF-terminated records and adds up their first field (the Id). */
    private static final class IdCheck {
        long sum;
        long count;

        long scan(Path file) throws IOException {
            long records = 0;
            long id = 0;
            boolean inId = true;
            int previous = -1;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
                byte[] buffer = new byte[1 << 20];
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    for (int i = 0; i < n; i++) {
                        byte b = buffer[i];
                        if (inId) {
                            if (b == ',') {
                                inId = false;
                            } else {
                                assertThat(b).isBetween((byte) '0', (byte) '9');
                                id = id * 10 + (b - '0');
                            }
                        } else if (b == '\n' && previous == '\r') {
                            records++;
                            sum += id;
                            count++;
                            id = 0;
                            inId = true;
                        }
                        previous = b;
                    }
                }
            }
            assertThat(inId && id == 0).as("the artifact ends with a whole record").isTrue();
            return records;
        }
    }
}

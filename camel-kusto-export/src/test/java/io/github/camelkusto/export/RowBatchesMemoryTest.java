package io.github.camelkusto.export;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounded memory with outputType=batches: a route splits the row batches of a 10-million-row query in a JVM with a
 * 256 MB heap, and sees every row once.
 */
class RowBatchesMemoryTest {
    private static final long ROWS = 10_000_000;
    private static final int BATCH_SIZE = 10_000;

    @Test
    void aRouteSplitsTenMillionRowsIntoBatchesWithin256MegabytesOfHeap() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), RowBatchesMemoryMain.class.getName(),
                Long.toString(ROWS), Integer.toString(BATCH_SIZE))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();

        String summary = output.lines().filter(l -> l.startsWith("SUMMARY ")).findFirst().orElseThrow();
        System.out.println("row batches in a 256 MB heap: " + summary);
        Map<String, String> figures = Arrays.stream(summary.substring(8).split(" "))
                .map(f -> f.split("=")).collect(Collectors.toMap(f -> f[0], f -> f[1]));
        assertThat(Long.parseLong(figures.get("records"))).isEqualTo(ROWS);
        assertThat(Long.parseLong(figures.get("idSum"))).isEqualTo(ROWS * (ROWS - 1) / 2);
        assertThat(Long.parseLong(figures.get("batches"))).isEqualTo(ROWS / BATCH_SIZE);
        assertThat(Long.parseLong(figures.get("largestBatch"))).isEqualTo(BATCH_SIZE);
        assertThat(figures.get("recordHeader")).isEqualTo(Long.toString(ROWS));
    }
}

package io.github.camelkusto.export.artifact;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelkusto.testkit.DuckDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounded memory of parquet: a JVM with a 128 MB heap exports, through a real CamelContext and two parallel
 * writers, several times its heap of uncompressed parquet (row groups are buffered by parquet-java until they are
 * full, so this is the format where a whole artifact could end up in memory); DuckDB reads every artifact back.
 */
class ParquetMemoryBoundTest {
    private static final String HEAP = "-Xmx128m";
    private static final long HEAP_BYTES = 128L * 1024 * 1024;
    /** About 50 bytes a record of uncompressed parquet: 12 million records are about 600 MB. */
    private static final long ROWS = 12_000_000;
    private static final long SIZE_LIMIT = 100L * 1024 * 1024;

    @TempDir
    Path folder;

    @Test
    void parquetFourTimesTheHeapExportsWithin128MegabytesOfHeap() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-cp", System.getProperty("java.class.path"), MemoryBoundExportMain.class.getName(),
                folder.toString(), Long.toString(ROWS), Long.toString(SIZE_LIMIT), "distribution=per_node", "plain",
                "parquet")
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();

        List<String[]> artifacts = output.lines().filter(l -> l.startsWith("ARTIFACT "))
                .map(l -> l.substring(9).split(",")).toList();
        String summary = output.lines().filter(l -> l.startsWith("SUMMARY ")).findFirst().orElseThrow();
        System.out.println("memory-bound parquet export (" + HEAP + "): " + summary + ", " + artifacts.size()
                + " artifacts");
        long records = 0;
        long bytes = 0;
        for (String[] artifact : artifacts) {
            Path file = Path.of(artifact[0]);
            assertThat(Files.size(file)).isEqualTo(Long.parseLong(artifact[2]));
            assertThat(DuckDb.query("SELECT count(*) FROM read_parquet('" + file + "')").get(0).get(0))
                    .as(file.toString()).isEqualTo(Long.parseLong(artifact[1]));
            records += Long.parseLong(artifact[1]);
            bytes += Files.size(file);
        }
        assertThat(records).isEqualTo(ROWS);
        assertThat(bytes).isGreaterThan(4 * HEAP_BYTES);
        // every Id once, with its row's values, across the artifacts
        List<Object> check = DuckDb.query("SELECT count(DISTINCT Id), sum(Id), min(Id), max(Id),"
                + " count(*) FILTER (WHERE Value <> Id * 0.25 OR Message <> 'request ' || Id || ' served, from \"origin\"')"
                + " FROM read_parquet('" + folder + "/*.parquet')").get(0);
        assertThat(check.stream().map(String::valueOf)).containsExactly(Long.toString(ROWS),
                Long.toString(ROWS * (ROWS - 1) / 2), "0", Long.toString(ROWS - 1), "0");
    }
}

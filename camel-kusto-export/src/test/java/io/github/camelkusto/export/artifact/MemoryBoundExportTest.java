package io.github.camelkusto.export.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bounded memory: gigabytes of csv from a {@code range} query exported through a real CamelContext by a JVM
 * with a 256 MB heap, every artifact checked by
 * streaming it (record count, size, and every Id exactly once across artifacts).
 */
class MemoryBoundExportTest {
    /** About 85 bytes a record: 26 million records are a little over 2 GB. */
    private static final long ROWS = 26_000_000;
    private static final long SIZE_LIMIT = 100L * 1024 * 1024;
    /** A little over 1 GB of csv. */
    private static final long COMPRESSED_ROWS = 13_000_000;

    @TempDir
    Path folder;

    @Test
    void twoGigabytesOfCsvExportWithin256MegabytesOfHeap() throws Exception {
        Export export = exportInSmallHeap(ROWS, "distribution=per_node", false);

        assertThat(export.rawBytes).isGreaterThan(2L * 1024 * 1024 * 1024);
    }

    /**
     * A single writer compressing: its gzip members are compressed on every core while it encodes, and still only a
     * few of them are in memory at once.
     */
    @Test
    void aGigabyteOfCsvCompressedByOneWriterWithin256MegabytesOfHeap() throws Exception {
        Export export = exportInSmallHeap(COMPRESSED_ROWS, "distribution=single", true);

        assertThat(export.rawBytes).isGreaterThan(1L * 1024 * 1024 * 1024);
        assertThat(export.storedBytes).isLessThan(export.rawBytes / 4);
    }

    /** What the child JVM exported, as the artifacts read back say. */
    private record Export(long rawBytes, long storedBytes) {
    }

    /**
     * Exports {@code rows} in a child JVM with a 256 MB heap, then streams every artifact back: its size is the
     * table's, its records the table's, and every Id from 0 to rows - 1 appears exactly once across artifacts.
     */
    private Export exportInSmallHeap(long rows, String properties, boolean compressed) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), MemoryBoundExportMain.class.getName(),
                folder.toString(), Long.toString(rows), Long.toString(SIZE_LIMIT), properties,
                compressed ? "compressed" : "plain")
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();

        List<String> lines = output.lines().filter(l -> l.startsWith("ARTIFACT ")).map(l -> l.substring(9)).toList();
        String summary = output.lines().filter(l -> l.startsWith("SUMMARY ")).findFirst().orElseThrow();
        System.out.println("memory-bound export (" + properties + (compressed ? ", compressed" : "") + "): " + summary + ", " + lines.size()
                + " artifacts");
        long records = 0;
        long stored = 0;
        IdCheck ids = new IdCheck();
        for (String line : lines) {
            String[] a = line.split(",");
            Path file = Path.of(a[0]);
            long expectedRecords = Long.parseLong(a[1]);
            long size = Long.parseLong(a[2]);
            assertThat(Files.size(file)).isEqualTo(size).isLessThanOrEqualTo(SIZE_LIMIT);
            try (InputStream in = file.toString().endsWith(".gz")
                    ? new GZIPInputStream(Files.newInputStream(file), 1 << 16) : Files.newInputStream(file)) {
                assertThat(ids.scan(in)).as(file.toString()).isEqualTo(expectedRecords);
            }
            records += expectedRecords;
            stored += size;
        }
        assertThat(records).isEqualTo(rows);
        assertThat(ids.sum).isEqualTo(rows * (rows - 1) / 2);
        assertThat(ids.count).isEqualTo(rows);
        try (var files = Files.list(folder)) {
            assertThat(files.toList()).hasSize(lines.size());
        }
        return new Export(ids.bytes, stored);
    }

    /** Streams csv: counts its CRLF-terminated records and bytes, and adds up their first field (the Id). */
    private static final class IdCheck {
        long sum;
        long count;
        long bytes;

        long scan(InputStream in) throws IOException {
            long records = 0;
            long id = 0;
            boolean inId = true;
            int previous = -1;
            byte[] buffer = new byte[1 << 20];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                bytes += n;
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
            assertThat(inId && id == 0).as("the artifact ends with a whole record").isTrue();
            return records;
        }
    }
}

package io.github.camelkusto.export.storage;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a local folder target puts an artifact, on the real file system. */
class LocalFolderTargetTest {
    @TempDir
    Path dir;

    @Test
    void anArtifactIsStagedHiddenAndRenamedIntoPlaceOnCommit() throws Exception {
        LocalFolderTarget target = new LocalFolderTarget(new LocalFolderLocation(dir));
        target.verify();
        try (ArtifactSink sink = target.create("export_1.csv")) {
            sink.write("a,b\n".getBytes(StandardCharsets.UTF_8), 0, 4);
            assertThat(dir.resolve(".export_1.csv.part")).exists();
            assertThat(dir.resolve("export_1.csv")).doesNotExist();

            assertThat(sink.commit()).isEqualTo(dir.resolve("export_1.csv").toString());
        }
        assertThat(dir.resolve("export_1.csv")).hasContent("a,b");
        assertThat(dir.resolve(".export_1.csv.part")).doesNotExist();
    }

    /** Small writes are gathered in a buffer, large ones go straight to the file: the bytes keep their order. */
    @Test
    void smallAndLargeWritesKeepTheirOrder() throws Exception {
        LocalFolderTarget target = new LocalFolderTarget(new LocalFolderLocation(dir));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (ArtifactSink sink = target.create("mixed_1.bin")) {
            for (int size : new int[] {40_000, 1, 3, 8 * 1024, 20_000, 2, 8 * 1024 - 1, 100_000, 7}) {
                byte[] bytes = new byte[size];
                Arrays.fill(bytes, (byte) ('a' + expected.size() % 26));
                if (size == 1) {
                    sink.write(bytes[0]);
                } else {
                    sink.write(bytes, 0, size);
                }
                expected.write(bytes);
            }
            sink.commit();
        }
        assertThat(dir.resolve("mixed_1.bin")).hasBinaryContent(expected.toByteArray());
    }

    @Test
    void anArtifactInAFolderNotYetThereCreatesTheFolder() throws Exception {
        LocalFolderTarget target = new LocalFolderTarget(new LocalFolderLocation(dir));
        target.verify();

        assertThat(writeOneByte(target, "Year=2026/Month=12/export_1.csv"))
                .isEqualTo(dir.resolve("Year=2026/Month=12/export_1.csv")).hasContent("x");
    }

    /** per_shard writers start together: each finds the new folder missing, one makes it while others retry. */
    @Test
    void writersRacingIntoANewFolderEachWriteTheirArtifact() throws Exception {
        LocalFolderTarget target = new LocalFolderTarget(new LocalFolderLocation(dir));
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            for (int round = 0; round < 50; round++) {
                String folder = "Round=" + round + "/";
                CyclicBarrier start = new CyclicBarrier(writers);
                List<Future<String>> committed = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    String name = folder + "export_" + w + ".csv";
                    committed.add(pool.submit(() -> {
                        try (ArtifactSink sink = target.create(name)) {
                            start.await();
                            sink.write('x');
                            return sink.commit();
                        }
                    }));
                }
                for (Future<String> artifact : committed) {
                    assertThat(Path.of(artifact.get())).hasContent("x");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theExportFolderRemovedSinceItWasVerifiedIsMadeAgain() throws Exception {
        Path folder = dir.resolve("exports");
        LocalFolderTarget target = new LocalFolderTarget(new LocalFolderLocation(folder));
        target.verify();
        Files.delete(folder);

        assertThat(writeOneByte(target, "export_1.csv")).isEqualTo(folder.resolve("export_1.csv")).hasContent("x");
    }

    @Test
    void anArtifactNeverWrittenToLeavesNoFileWhenClosed() throws Exception {
        LocalFolderTarget target = new LocalFolderTarget(new LocalFolderLocation(dir));
        target.verify();
        target.create("Year=2026/export_1.csv").close();

        assertThat(dir).isEmptyDirectory();
    }

    /** Writes "x" as the artifact {@code name} of {@code target} and commits it; returns where it went. */
    private static Path writeOneByte(LocalFolderTarget target, String name) throws Exception {
        try (ArtifactSink sink = target.create(name)) {
            sink.write('x');
            return Path.of(sink.commit());
        }
    }
}

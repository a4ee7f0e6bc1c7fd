package io.github.camelkusto.export.artifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.camelkusto.export.command.Distribution;
import io.github.camelkusto.export.command.ExportFormat;
import io.github.camelkusto.export.command.IncludeHeaders;
import io.github.camelkusto.export.command.TextEncoding;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.export.storage.LocalFolderLocation;
import io.github.camelkusto.export.storage.LocalFolderTarget;
import io.github.camelkusto.export.storage.StorageTarget;
import io.github.camelkusto.testkit.CsvFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parallel writers (per_shard, per_node), the export monitor, cancellation and failures of a writer. */
class DistributedWritersTest {
    private static final Schema SCHEMA = Schema.of(new Column("Partition", KqlType.INT),
            new Column("Id", KqlType.LONG));
    private static final Pattern NAME = Pattern.compile("part_(\\d+)_[0-9a-f]{32}\\.csv");

    private final ExecutorService pool = Executors.newFixedThreadPool(3);
    private final ExecutorService compressors = Executors.newFixedThreadPool(2);

    @TempDir
    Path first;
    @TempDir
    Path second;

    @AfterEach
    void shutdown() {
        pool.shutdownNow();
        compressors.shutdownNow();
    }

    /** {@code partitions} partitions of {@code rows} rows each, in batches of 100: (partition, id) with ids unique. */
    static QueryResult partitioned(int partitions, int rows) {
        List<Partition> parts = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            int partition = p;
            parts.add(() -> new BatchStream() {
                private int next;

                @Override
                public Batch next() {
                    if (next >= rows) {
                        return null;
                    }
                    Batch.Builder b = Batch.builder(SCHEMA);
                    for (int i = 0; i < 100 && next < rows; i++, next++) {
                        b.addRow(partition, (long) partition * rows + next);
                    }
                    return b.build();
                }
            });
        }
        return new QueryResult(SCHEMA, parts);
    }

    private RollingArtifactWriter writer(Distribution distribution, long sizeLimit, int chunkSize, Path... folders) {
        ArtifactSpec spec = ArtifactSpec.text(ExportFormat.CSV, false, sizeLimit, IncludeHeaders.NONE,
                TextEncoding.UTF8_NO_BOM, new ArtifactNaming("part", "csv")).withDistribution(distribution);
        List<StorageTarget> targets = java.util.Arrays.stream(folders)
                .<StorageTarget>map(f -> new LocalFolderTarget(new LocalFolderLocation(f))).toList();
        return new RollingArtifactWriter(spec, targets, pool, 3, compressors, chunkSize);
    }

    private static int number(ExportedArtifact artifact) {
        Matcher m = NAME.matcher(Path.of(artifact.path()).getFileName().toString());
        assertThat(m.matches()).as(artifact.path()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** Every artifact holds the records the table says, and all artifacts together every record once. */
    private static void assertHoldsEveryRecordOnce(List<ExportedArtifact> artifacts, int total) throws IOException {
        Set<String> ids = new HashSet<>();
        for (ExportedArtifact a : artifacts) {
            List<List<String>> rows = CsvFiles.parse(Path.of(a.path()));
            assertThat(rows).hasSize((int) a.numRecords());
            assertThat(Files.size(Path.of(a.path()))).isEqualTo(a.sizeInBytes());
            rows.forEach(r -> assertThat(ids.add(r.get(1))).isTrue());
        }
        assertThat(ids).hasSize(total);
    }

    @Test
    void perShardWritesEachPartitionIntoArtifactsOfItsOwn() throws Exception {
        List<ExportedArtifact> artifacts = writer(Distribution.PER_SHARD, 2_000, 256, first)
                .write(partitioned(4, 1_000));

        assertHoldsEveryRecordOnce(artifacts, 4_000);
        for (ExportedArtifact a : artifacts) {
            assertThat(CsvFiles.parse(Path.of(a.path())).stream().map(r -> r.get(0)).distinct()).hasSize(1);
        }
    }

    @Test
    void parallelWritersNumberArtifactsUniquelyFromOneAndSpreadThemEvenlyOverTargets() throws Exception {
        List<ExportedArtifact> artifacts = writer(Distribution.PER_NODE, 1_000, 128, first, second)
                .write(partitioned(7, 1_000));

        assertHoldsEveryRecordOnce(artifacts, 7_000);
        List<Integer> numbers = artifacts.stream().map(DistributedWritersTest::number).toList();
        assertThat(numbers).isSorted().doesNotHaveDuplicates().first().isEqualTo(1);
        assertThat(numbers).last().isEqualTo(artifacts.size());
        Map<Path, Long> perTarget = artifacts.stream()
                .collect(Collectors.groupingBy(a -> Path.of(a.path()).getParent(), Collectors.counting()));
        assertThat(perTarget).hasSize(2);
        assertThat(Math.abs(perTarget.get(first) - perTarget.get(second))).isLessThanOrEqualTo(1);
        artifacts.stream().filter(a -> number(a) % 2 == 1)
                .forEach(a -> assertThat(Path.of(a.path())).hasParent(first));
    }

    @Test
    void singleWritesEveryPartitionThroughOneWriterInOrder() throws Exception {
        List<ExportedArtifact> artifacts = writer(Distribution.SINGLE, 100_000_000, 256, first)
                .write(partitioned(3, 500));

        assertThat(artifacts).hasSize(1);
        List<String> ids = CsvFiles.parse(Path.of(artifacts.get(0).path())).stream().map(r -> r.get(1)).toList();
        assertThat(ids).hasSize(1_500).isSortedAccordingTo(java.util.Comparator.comparingLong(Long::parseLong));
    }

    @Test
    void aSingleWritersCompressedArtifactsAreGzipMembersThatReadBackAsTheRecordsTheTableSays() throws Exception {
        ArtifactSpec spec = ArtifactSpec.text(ExportFormat.CSV, true, 40_000, IncludeHeaders.NONE,
                TextEncoding.UTF8_NO_BOM, new ArtifactNaming("part", "csv.gz"));
        AtomicLong members = new AtomicLong();
        java.util.concurrent.Executor counting = task -> {
            members.incrementAndGet();
            compressors.execute(task);
        };

        List<ExportedArtifact> artifacts = new RollingArtifactWriter(spec,
                List.of(new LocalFolderTarget(new LocalFolderLocation(first))), pool, 3, counting, 1_024)
                .write(partitioned(3, 2_000));

        assertThat(artifacts).hasSizeGreaterThan(1);
        assertThat(members.get()).isGreaterThan(artifacts.size() * 10L); // many 1 KB members per artifact
        Set<String> ids = new HashSet<>();
        for (ExportedArtifact a : artifacts) {
            Path file = Path.of(a.path());
            assertThat(io.github.camelkusto.testkit.Gzip.isValid(file)).isTrue();
            assertThat(Files.size(file)).isEqualTo(a.sizeInBytes());
            List<List<Object>> rows = io.github.camelkusto.testkit.DuckDb.readCsv(file, false);
            assertThat(rows).hasSize((int) a.numRecords());
            rows.forEach(r -> assertThat(ids.add((String) r.get(1))).isTrue());
        }
        assertThat(ids).hasSize(6_000);
    }

    /** Records what a monitor is told; cancels once {@code cancelAfter} artifacts were committed. */
    static final class RecordingMonitor implements ExportMonitor {
        final List<ExportedArtifact> committed = new java.util.concurrent.CopyOnWriteArrayList<>();
        final AtomicLong records = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        private final int cancelAfter;

        RecordingMonitor(int cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void artifactCommitted(ExportedArtifact artifact) {
            committed.add(artifact);
        }

        @Override
        public void written(long records, long bytes) {
            this.records.addAndGet(records);
            this.bytes.addAndGet(bytes);
        }

        @Override
        public boolean canceled() {
            return committed.size() >= cancelAfter;
        }
    }

    @Test
    void theMonitorIsToldOfEveryCommitAndOfEveryRecordAndByteWritten() throws Exception {
        RecordingMonitor monitor = new RecordingMonitor(Integer.MAX_VALUE);

        List<ExportedArtifact> artifacts = writer(Distribution.PER_NODE, 3_000, 512, first)
                .write(partitioned(5, 1_000), monitor);

        assertThat(monitor.committed).containsExactlyInAnyOrderElementsOf(artifacts);
        assertThat(monitor.records).hasValue(5_000);
        assertThat(monitor.bytes).hasValue(artifacts.stream().mapToLong(ExportedArtifact::sizeInBytes).sum());
    }

    @Test
    void aCanceledExportDiscardsItsUncommittedArtifactsAndSaysWhatWasCommitted() throws Exception {
        RecordingMonitor monitor = new RecordingMonitor(2);

        assertThatThrownBy(() -> writer(Distribution.SINGLE, 1_000, 64, first).write(partitioned(3, 1_000), monitor))
                .isInstanceOf(ExportCanceledException.class)
                .hasMessageStartingWith("export canceled after 2 committed artifact(s)");
        try (var files = Files.list(first)) {
            assertThat(files.toList()).hasSize(2)
                    .allSatisfy(f -> assertThat(monitor.committed.stream().map(ExportedArtifact::path))
                            .contains(f.toString()));
        }
    }

    @Test
    void aFailingWriterStopsTheOthersAndEveryUncommittedArtifactIsDiscarded() throws Exception {
        List<Partition> parts = new ArrayList<>(partitioned(3, 100_000).partitions());
        parts.add(() -> () -> {
            throw new IllegalStateException("extent 4 is unreadable");
        });
        QueryResult result = new QueryResult(SCHEMA, parts);
        RecordingMonitor monitor = new RecordingMonitor(Integer.MAX_VALUE);

        assertThatThrownBy(() -> writer(Distribution.PER_SHARD, 100_000_000, 256, first).write(result, monitor))
                .hasMessageMatching("export failed after \\d+ committed artifact\\(s\\): extent 4 is unreadable");
        try (var files = Files.list(first)) {
            assertThat(files.toList()).hasSize(monitor.committed.size())
                    .noneMatch(f -> f.getFileName().toString().startsWith("."));
        }
    }
}

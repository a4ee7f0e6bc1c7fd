package io.github.camelkusto.export.artifact;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelkusto.export.command.ExportFormat;
import io.github.camelkusto.export.command.IncludeHeaders;
import io.github.camelkusto.export.command.TextEncoding;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.export.storage.LocalFolderLocation;
import io.github.camelkusto.export.storage.LocalFolderTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a writer owes its {@link ExportMonitor}: exact progress, every commit, and a prompt, clean stop on cancel. */
class ExportMonitorContractTest {
    private static final Schema SCHEMA = Schema.of(new Column("Id", KqlType.LONG), new Column("Text", KqlType.STRING));

    @TempDir
    Path folder;

    /** {@code batches} batches of 1000 records of 13 bytes ({@code "1000,abcdefg\r\n"} style, ids 1000..1999). */
    private static QueryResult rows(int batches) {
        Batch.Builder b = Batch.builder(SCHEMA);
        for (int i = 0; i < 1000; i++) {
            b.addRow((long) (1000 + i), "abcdefg");
        }
        Batch batch = b.build();
        return new QueryResult(SCHEMA, List.of(() -> BatchStream.of(java.util.Collections.nCopies(batches, batch))));
    }

    private RollingArtifactWriter writer(long sizeLimit) {
        return new RollingArtifactWriter(ArtifactSpec.text(ExportFormat.CSV, false, sizeLimit, IncludeHeaders.NONE,
                TextEncoding.UTF8_NO_BOM, new ArtifactNaming("m", "csv")),
                List.of(new LocalFolderTarget(new LocalFolderLocation(folder))));
    }

    /** Records what it is told; cancels once {@code cancelAfter} records were written. */
    private static final class RecordingMonitor implements ExportMonitor {
        final List<ExportedArtifact> committed = new CopyOnWriteArrayList<>();
        final AtomicLong records = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final long cancelAfter;

        RecordingMonitor(long cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void artifactCommitted(ExportedArtifact artifact) {
            committed.add(artifact);
        }

        @Override
        public void written(long moreRecords, long moreBytes) {
            records.addAndGet(moreRecords);
            bytes.addAndGet(moreBytes);
        }

        @Override
        public boolean canceled() {
            return records.get() >= cancelAfter;
        }
    }

    @Test
    void theMonitorIsToldEveryCommitAndExactlyWhatWasWritten() {
        RecordingMonitor monitor = new RecordingMonitor(Long.MAX_VALUE);

        List<ExportedArtifact> artifacts = writer(13 * 1500).write(rows(5), monitor);

        assertThat(monitor.committed).containsExactlyInAnyOrderElementsOf(artifacts).hasSize(4);
        assertThat(monitor.records.get()).isEqualTo(5000);
        assertThat(monitor.bytes.get()).isEqualTo(artifacts.stream().mapToLong(ExportedArtifact::sizeInBytes).sum());
    }

    @Test
    void aCanceledExportStopsWithinABatchKeepingCommittedArtifactsAndDiscardingTheRest() throws Exception {
        RecordingMonitor monitor = new RecordingMonitor(2500);

        assertThatThrownBy(() -> writer(13 * 1500).write(rows(100), monitor))
                .isInstanceOf(ExportCanceledException.class)
                .hasMessageMatching("export canceled after \\d committed artifact\\(s\\); the uncommitted artifacts"
                        + " were discarded");

        assertThat(monitor.records.get()).isBetween(2500L, 2500L + 1024);
        assertThat(monitor.committed).isNotEmpty();
        try (var files = Files.list(folder)) {
            assertThat(files.map(Path::toString).toList())
                    .containsExactlyInAnyOrderElementsOf(monitor.committed.stream().map(ExportedArtifact::path).toList());
        }
    }
}

package io.github.camelkusto.export.artifact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
import io.github.camelkusto.export.storage.ArtifactSink;
import io.github.camelkusto.export.storage.LocalFolderTarget;
import io.github.camelkusto.export.storage.StorageException;
import io.github.camelkusto.export.storage.StorageTarget;
import io.github.camelkusto.testkit.CsvFiles;
import io.github.camelkusto.testkit.Gzip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Size-bounded rollover, exact accounting and headers, on local folders. */
class RollingArtifactWriterTest {
    private static final Schema SCHEMA = Schema.of(new Column("Id", KqlType.LONG), new Column("Text", KqlType.STRING));

    @TempDir
    Path first;
    @TempDir
    Path second;

    /** 100 records of 13 bytes each ({@code "100,abcdefg\r\n"}), in two partitions. */
    private static QueryResult hundredRows() {
        List<Batch> batches = new ArrayList<>();
        for (int part = 0; part < 2; part++) {
            Batch.Builder b = Batch.builder(SCHEMA);
            for (int i = 0; i < 50; i++) {
                b.addRow((long) (100 + part * 50 + i), "abcdefg");
            }
            batches.add(b.build());
        }
        return new QueryResult(SCHEMA, List.of(() -> BatchStream.of(List.of(batches.get(0))),
                () -> BatchStream.of(List.of(batches.get(1)))));
    }

    private static ArtifactSpec spec(long sizeLimit, boolean compressed, IncludeHeaders headers) {
        return ArtifactSpec.text(ExportFormat.CSV, compressed, sizeLimit, headers, TextEncoding.UTF8_NO_BOM,
                new ArtifactNaming("part", compressed ? "csv.gz" : "csv"));
    }

    private List<ExportedArtifact> write(ArtifactSpec spec, Path... folders) {
        List<StorageTarget> targets = Arrays.stream(folders)
                .<StorageTarget>map(f -> new LocalFolderTarget(new LocalFolderLocation(f)))
                .toList();
        return new RollingArtifactWriter(spec, targets).write(hundredRows());
    }

    @Test
    void artifactsEndBeforeTheRecordThatWouldCrossTheSizeLimit() throws Exception {
        List<ExportedArtifact> artifacts = write(spec(130, false, IncludeHeaders.NONE), first);

        assertThat(artifacts).hasSize(10);
        long total = 0;
        for (ExportedArtifact a : artifacts) {
            Path file = Path.of(a.path());
            assertThat(Files.size(file)).isEqualTo(a.sizeInBytes()).isLessThanOrEqualTo(130);
            assertThat(CsvFiles.parse(file)).hasSize((int) a.numRecords());
            total += a.numRecords();
        }
        assertThat(total).isEqualTo(100);
    }

    @Test
    void aRecordLargerThanTheLimitGetsAnArtifactOfItsOwn() {
        List<ExportedArtifact> artifacts = write(spec(5, false, IncludeHeaders.NONE), first);

        assertThat(artifacts).hasSize(100).allSatisfy(a -> assertThat(a.numRecords()).isEqualTo(1));
    }

    @Test
    void artifactsAreNumberedFromOneAndSpreadRoundRobinOverTargets() {
        List<ExportedArtifact> artifacts = write(spec(650, false, IncludeHeaders.NONE), first, second);

        assertThat(artifacts).hasSize(2);
        assertThat(Path.of(artifacts.get(0).path())).hasParent(first);
        assertThat(Path.of(artifacts.get(0).path()).getFileName().toString()).startsWith("part_1_");
        assertThat(Path.of(artifacts.get(1).path())).hasParent(second);
        assertThat(Path.of(artifacts.get(1).path()).getFileName().toString()).startsWith("part_2_");
    }

    @Test
    void firstFileHeadersAppearOnlyInTheFirstArtifact() throws Exception {
        List<ExportedArtifact> artifacts = write(spec(650, false, IncludeHeaders.FIRST_FILE), first);

        assertThat(Files.readString(Path.of(artifacts.get(0).path()))).startsWith("Id,Text\r\n100,abcdefg\r\n");
        assertThat(Files.readString(Path.of(artifacts.get(1).path()))).doesNotContain("Id,Text");
    }

    @Test
    void compressedArtifactsAreValidGzipSizedAfterCompressionAndCutBeforeIt() throws Exception {
        List<ExportedArtifact> artifacts = write(spec(650, true, IncludeHeaders.NONE), first);

        long records = 0;
        for (ExportedArtifact a : artifacts) {
            Path file = Path.of(a.path());
            assertThat(Gzip.isValid(file)).isTrue();
            assertThat(a.sizeInBytes()).isEqualTo(Files.size(file));
            byte[] raw = Gzip.gunzip(file);
            assertThat(raw.length).isLessThanOrEqualTo(650);
            records += new String(raw, StandardCharsets.UTF_8).lines().count();
        }
        assertThat(records).isEqualTo(100);
    }

    /** A real local folder whose {@code failingArtifact}-th artifact (1-based) fails after its first write. */
    private StorageTarget failingOn(int failingArtifact, boolean onCreate) {
        LocalFolderTarget folder = new LocalFolderTarget(new LocalFolderLocation(first));
        return new StorageTarget() {
            private int created;

            @Override
            public void verify() throws IOException {
                folder.verify();
            }

            @Override
            public ArtifactSink create(String name) throws IOException {
                if (++created == failingArtifact && onCreate) {
                    throw new IOException("disk full");
                }
                ArtifactSink sink = folder.create(name);
                if (created != failingArtifact) {
                    return sink;
                }
                return new ArtifactSink() {
                    private boolean written;

                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        if (written) {
                            throw new IOException("connection reset");
                        }
                        written = true;
                        sink.write(b, off, len);
                    }

                    @Override
                    public String commit() throws IOException {
                        return sink.commit();
                    }

                    @Override
                    public void close() throws IOException {
                        sink.close();
                    }
                };
            }

            @Override
            public String describe() {
                return folder.describe();
            }
        };
    }

    /** The export fails, naming the committed artifacts' count and the cause; those two stay, whole; no part file. */
    private void assertFailsKeepingTwoCommittedArtifacts(StorageTarget target, String cause) throws Exception {
        var writer = new RollingArtifactWriter(spec(130, false, IncludeHeaders.NONE), List.of(target));

        assertThatThrownBy(() -> writer.write(hundredRows()))
                .isInstanceOf(StorageException.class)
                .hasMessage("export failed after 2 committed artifact(s): " + cause);
        try (var files = Files.list(first)) {
            assertThat(files.toList()).hasSize(2).allSatisfy(f -> assertThat(CsvFiles.parse(f)).hasSize(10));
        }
    }

    @Test
    void aStorageRefusingAnArtifactFailsTheExportAndKeepsWhatWasCommitted() throws Exception {
        assertFailsKeepingTwoCommittedArtifacts(failingOn(3, true), "disk full");
    }

    @Test
    void aStorageFailingInTheMiddleOfAnArtifactDiscardsItAndKeepsWhatWasCommitted() throws Exception {
        assertFailsKeepingTwoCommittedArtifacts(failingOn(3, false), "connection reset");
    }

    @Test
    void noTempFileIsLeftBehind() throws Exception {
        write(spec(650, false, IncludeHeaders.NONE), first);

        try (var files = Files.list(first)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }
}

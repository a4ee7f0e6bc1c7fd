package io.github.camelkusto.export.storage;

import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A local folder that cannot be written says what failed, where and why, on the real file system. */
class LocalFolderFailuresTest {
    @TempDir
    Path dir;

    @Test
    void aFileWhereTheFolderShouldBeIsNamed() throws Exception {
        Path blocker = Files.writeString(dir.resolve("blocker"), "not a folder");
        LocalFolderTarget target = new LocalFolderTarget(new LocalFolderLocation(blocker.resolve("exports")));

        assertThatThrownBy(target::verify).isInstanceOf(StorageException.class).hasMessage(
                "cannot create the local folder " + blocker.resolve("exports") + ": " + blocker
                        + " is a file, not a folder");
    }

    @Test
    void aFileWhereAnArtifactsFolderShouldBeIsNamedAtItsFirstWrite() throws Exception {
        Path blocker = Files.writeString(dir.resolve("Year=2026"), "not a folder");
        LocalFolderTarget target = new LocalFolderTarget(new LocalFolderLocation(dir));

        try (ArtifactSink sink = target.create("Year=2026/export_1.csv")) {
            assertThatThrownBy(() -> sink.write('x')).hasMessage("cannot create the folder of artifact "
                    + blocker.resolve("export_1.csv") + ": " + blocker + " is a file, not a folder");
        }
        assertThat(blocker).hasContent("not a folder");
    }

    /** /dev/full fails every write with ENOSPC, as a full disk does; the JDK's message names no file. */
    @Test
    void aFullDiskNamesTheFileAndTheArtifactBeingWritten() throws Exception {
        LocalFolderTarget target = new LocalFolderTarget(new LocalFolderLocation(dir));
        Files.createSymbolicLink(dir.resolve(".full_1.csv.part"), Path.of("/dev/full"));

        try (ArtifactSink sink = target.create("full_1.csv")) {
            assertThatThrownBy(() -> sink.write(new byte[1024 * 1024])).hasMessage("writing "
                    + dir.resolve(".full_1.csv.part") + " (artifact full_1.csv) failed: IOException: No space left on"
                    + " device");
        }
    }

    @Test
    void aFailureWithoutAMessageSaysWhatItMeansNotNull() {
        assertThat(Failures.why(new ClosedChannelException()))
                .isEqualTo("the connection or file was closed before the request finished (ClosedChannelException)");
    }
}

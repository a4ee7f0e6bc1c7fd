package io.github.camelkusto.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.camelkusto.testkit.CsvFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code exec} run in process, as {@code main} runs it: exit code, stdout and stderr. An async export is waited
 * for, unless {@code --no-wait}; a failed export lists what stayed committed.
 */
class KustoExportCliTest {
    @TempDir
    Path exports;
    @TempDir
    Path dir;

    record Run(int exitCode, String stdout, String stderr) {
    }

    static Run exec(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = KustoExportCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anAsyncExportIsWaitedForAndItsArtifactTableIsPrinted() throws Exception {
        Run run = exec("exec", ".export async to csv ('" + exports.toUri() + "') <| range i from 1 to 1000 step 1");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).matches("(?s)operation [0-9a-f-]{36} Completed: 1 artifact\\(s\\).*");
        List<List<String>> table = CsvFiles.parse(run.stdout());
        assertThat(table.get(0)).containsExactly("Path", "NumRecords", "SizeInBytes");
        assertThat(table).hasSize(2);
        Path artifact = Path.of(table.get(1).get(0));
        assertThat(artifact).startsWith(exports);
        assertThat(Files.readAllLines(artifact)).hasSize(1000);
        assertThat(table.get(1).get(1)).isEqualTo("1000");
    }

    @Test
    void anAsyncExportThatFailsIsReportedWithItsStateAndExitsTwo() {
        Run run = exec("exec", ".export async to csv ('" + exports.toUri() + "')"
                + " <| range i from 1 to 3 step 1 | extend x = extract(strcat('(', tostring(i)), 0, 'a')");

        assertThat(run.exitCode()).as(run.stdout()).isEqualTo(KustoExportCli.FAILED);
        assertThat(run.stderr()).contains(" Failed: ");
    }

    @Test
    void noWaitPrintsTheOperationIdAndSaysTheExportEndsWithTheProcess() {
        Run run = exec("exec", "--no-wait", ".export async to csv ('" + exports.toUri() + "') <| range i from 1 to 3"
                + " step 1");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(CsvFiles.parse(run.stdout()).get(0)).containsExactly("OperationId");
        assertThat(run.stdout()).matches("OperationId\\r?\\n[0-9a-f-]{36}\\r?\\n");
        assertThat(run.stderr()).contains("--no-wait").contains("exits now");
    }

    /**
     * Artifacts go round-robin to two folders; the second artifact's folder cannot be made (a file is in the
     * way), so the export fails after committing the first: stderr says why and lists the one left in storage.
     */
    @Test
    void aFailedExecListsTheArtifactsThatStayedCommitted() throws Exception {
        Path good = Files.createDirectories(dir.resolve("good"));
        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(bad.resolve("run"), "a file where the artifact's folder should be");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // 12 million 8-digit ids: 120 MB of csv, so the second artifact starts after the first is committed at 100 MB.
        int exit = KustoExportCli.run(new String[] {"exec", ".export to csv (@'" + good + "', @'" + bad + "')"
                + " with (namePrefix='run/ids', distribution=single) <| range Id from 10000000 to 21999999 step 1"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(stderr).isEqualTo(KustoExportCli.FAILED);
        assertThat(out.size()).isZero();
        List<String> lines = stderr.lines().toList();
        assertThat(lines.get(0)).startsWith("error: export failed after 1 committed artifact(s): cannot create the"
                + " folder of artifact " + bad.resolve("run")).endsWith(bad.resolve("run") + " is a file, not a folder");
        assertThat(lines.get(1)).matches("1 committed artifact\\(s\\) stay in storage \\(\\.show operation [0-9a-f-]{36}"
                + " details\\):");
        List<List<String>> committed = CsvFiles.parse(String.join("\n", lines.subList(2, lines.size())));
        assertThat(committed.get(0)).containsExactly("Path", "NumRecords", "SizeInBytes");
        assertThat(committed).hasSize(2);
        Path artifact = Path.of(committed.get(1).get(0));
        assertThat(artifact).startsWith(good.resolve("run")).exists();
        assertThat(committed.get(1).get(2)).isEqualTo(String.valueOf(Files.size(artifact)));
    }
}

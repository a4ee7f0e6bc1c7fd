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

/** {@code exec} of an async export, in process: it is waited for, unless {@code --no-wait}. */
class KustoExportCliTest {
    @TempDir
    Path exports;

    record Run(int exitCode, String stdout, String stderr) {
    }

    private static Run exec(String... args) {
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
}

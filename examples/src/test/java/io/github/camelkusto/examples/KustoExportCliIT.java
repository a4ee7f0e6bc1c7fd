package io.github.camelkusto.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelkusto.testkit.CsvFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the packaged jar as a user would: {@code java -jar kusto-export.jar exec|run ...}. */
class KustoExportCliIT {
    private static final Path JAR = Path.of(System.getProperty("cli.jar", "target/kusto-export.jar"));
    private static final Path ROUTES = Path.of(System.getProperty("routes.dir", "../routes"));

    @TempDir
    Path workDir;

    record Run(int exitCode, String stdout, String stderr) {
    }

    private Run cli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = workDir.resolve("stdout.txt");
        Path err = workDir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the CLI did not finish within 120 s: " + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void execPrintsTheArtifactTableAsCsvAndExitsZero() throws Exception {
        Run run = cli("exec", ".export to csv ('out') with (includeHeaders='all') <| datatable(a:long)[1,2,3]");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<List<String>> table = CsvFiles.parse(run.stdout());
        assertThat(table.get(0)).containsExactly("Path", "NumRecords", "SizeInBytes");
        assertThat(table).hasSize(2);
        Path artifact = Path.of(table.get(1).get(0));
        assertThat(artifact).startsWith(workDir.resolve("out").toRealPath());
        assertThat(Files.readString(artifact)).isEqualTo("a\r\n1\r\n2\r\n3\r\n");
        assertThat(table.get(1).subList(1, 3)).containsExactly("3", String.valueOf(Files.size(artifact)));
    }

    @Test
    void execLoadsADataFolderAndRunsShowCommands() throws Exception {
        Run run = cli("exec", "--data", ROUTES.resolve("data").toAbsolutePath().toString(), ".show tables");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("TableName,DatabaseName\nSampleLogs,default\n");
    }

    @Test
    void execPrintsTheErrorOnStderrAndExitsTwo() throws Exception {
        Run run = cli("exec", ".export to csv ('out') with (sizeLimit=0) <| datatable(a:long)[1]");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("property 'sizeLimit' must be between 1 and 4294967296 (4 GB)")
                .contains("(line 1, column 40)");
        assertThat(workDir.resolve("out")).doesNotExist();
    }

    /** The Azure SDK's own ERROR lines for a refused connection would repeat the component's: one line only. */
    @Test
    void execToStorageThatRefusesConnectionsPrintsOneErrorLine() throws Exception {
        Run run = cli("exec", "--storage-retry-attempts", "1",
                ".export to csv ('http://127.0.0.1:1/devstoreaccount1/exports;"
                        + "RWZ1Y2tpbmdLZXlFdWNraW5nS2V5RXVja2luZ0tleQ==') <| datatable(a:long)[1]");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).isEqualTo("error: checking the container of"
                + " http://127.0.0.1:1/devstoreaccount1/exports;**** failed: the connection"
                + " was refused or could not be made (ConnectException)" + System.lineSeparator());
    }

    @Test
    void execRefusesADeeplyNestedQueryWithExitTwoAndNoStackDump() throws Exception {
        Run run = cli("exec", ".export to csv ('out') <| print x = " + "(".repeat(1_000) + "1" + ")".repeat(1_000));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("the query nests too deeply (limit 200 levels").doesNotContain("\tat ");
        assertThat(workDir.resolve("out")).doesNotExist();
    }

    @Test
    void execRefusesALongLiteralByTheConnectionStringsWithExitTwoAndNoStackDump() throws Exception {
        Run run = cli("exec", ".export to csv ('" + "k".repeat(1_500) + "' x) <| print 1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("expected ',' or ')' after a connection string").doesNotContain("kkkk")
                .doesNotContain("\tat ");
    }

    @Test
    void runStartsTheQuickstartRouteFileAndExportsTheSampleData() throws Exception {
        Run run = cli("run", "--data", ROUTES.resolve("data").toAbsolutePath().toString(), "--max-messages", "1",
                ROUTES.resolve("quickstart.yaml").toAbsolutePath().toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("Exported 1000 records in 1 artifact(s):").contains("Path,NumRecords");
        try (var files = Files.list(workDir.resolve("exports/quickstart"))) {
            List<Path> artifacts = files.toList();
            assertThat(artifacts).hasSize(1);
            List<List<String>> rows = CsvFiles.parse(artifacts.get(0));
            assertThat(rows.get(0)).containsExactly("Timestamp", "Level", "Service", "Message", "DurationMs");
            assertThat(rows).hasSize(1001);
        }
    }
}

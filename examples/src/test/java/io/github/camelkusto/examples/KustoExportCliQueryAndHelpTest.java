package io.github.camelkusto.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkusto.testkit.CsvFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tool's {@code --help}, {@code query} (a bare query's rows as a table, CSV or JSON lines, capped, nothing
 * exported) and the progress line a long export draws on a terminal, run in process as {@code main} runs them.
 */
class KustoExportCliQueryAndHelpTest {
    private static final String ROWS = "datatable(Name:string, Count:long, Seen:datetime)"
            + "['alpha', 5, datetime(2024-01-02), 'a much longer name', 12345, datetime(2024-03-04T05:06:07Z)]";

    @TempDir
    Path dir;

    record Run(int exitCode, String stdout, String stderr) {
    }

    private static Run cli(boolean terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = KustoExportCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run cli(String... args) {
        return cli(false, args);
    }

    @Test
    void helpListsTheModesOnStdoutAndExitsZero() {
        Run run = cli("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("usage: kusto-export <mode>", "exec ", "query ", "run ", "serve ",
                "kusto-export <mode> --help");
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void noArgumentsPrintsTheUsageOnStderrAndExitsTwo() {
        Run run = cli();

        assertThat(run.exitCode()).isEqualTo(KustoExportCli.FAILED);
        assertThat(run.stderr()).contains("usage: kusto-export <mode>");
    }

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(strings = {"exec", "query", "run", "serve"})
    void eachModeHasItsOwnHelpListingItsOptions(String mode) {
        Run run = cli(mode, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).startsWith("usage: kusto-export " + mode + " [--data DIR]")
                .isEqualTo(KustoExportCli.HELP.get(mode)).contains("  --data DIR");
    }

    @Test
    void anUnknownOptionNamesItAndShowsTheModesHelp() {
        Run run = cli("query", "--fromat", "csv", "T");

        assertThat(run.exitCode()).isEqualTo(KustoExportCli.FAILED);
        assertThat(run.stderr()).startsWith("error: unknown option --fromat\nusage: kusto-export query");
    }

    @Test
    void queryPrintsTheRowsAsAnAlignedTableWithNumbersRightAligned() {
        Run run = cli("query", ROWS);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("""
                Name                Count  Seen
                ------------------  -----  ----------------------------
                alpha                   5  2024-01-02T00:00:00.0000000Z
                a much longer name  12345  2024-03-04T05:06:07.0000000Z
                """);
    }

    @Test
    void queryPrintsCsvAndJsonLinesForScripts() throws Exception {
        Run csv = cli("query", "--format", "csv", ROWS);
        Run json = cli("query", "--format", "json", ROWS);

        assertThat(CsvFiles.parse(csv.stdout())).containsExactly(List.of("Name", "Count", "Seen"),
                List.of("alpha", "5", "2024-01-02T00:00:00.0000000Z"),
                List.of("a much longer name", "12345", "2024-03-04T05:06:07.0000000Z"));
        List<String> lines = json.stdout().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        assertThat(second.get("Name").asText()).isEqualTo("a much longer name");
        assertThat(second.get("Count").isNumber()).isTrue();
        assertThat(second.get("Count").asLong()).isEqualTo(12345);
    }

    @Test
    void queryShowsAtMostTheCapAndSaysWhenThereIsMore() {
        Run run = cli("query", "--format", "csv", "range i from 1 to 5000000 step 1");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<List<String>> rows = CsvFiles.parse(run.stdout());
        assertThat(rows).hasSize(QueryPreview.MAX_ROWS + 1);
        assertThat(rows.get(QueryPreview.MAX_ROWS)).containsExactly(String.valueOf(QueryPreview.MAX_ROWS));
        assertThat(run.stderr()).contains("the first " + QueryPreview.MAX_ROWS + " rows are shown");
    }

    @Test
    void queryReadsADataFolderAndExportsNothing() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("Events.csv"), "Id:long,Kind:string\n1,start\n2,stop\n");
        Path workDir = Path.of("").toAbsolutePath();
        long exportsBefore = Files.exists(workDir.resolve("exports")) ? Files.list(workDir.resolve("exports")).count() : 0;

        Run run = cli("query", "--data", data.toString(), "Events | where Kind == 'stop'");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo("Id  Kind\n--  ----\n 2  stop\n");
        long exportsAfter = Files.exists(workDir.resolve("exports")) ? Files.list(workDir.resolve("exports")).count() : 0;
        assertThat(exportsAfter).isEqualTo(exportsBefore);
    }

    @Test
    void queryRefusesACommandAndPointsToExec() {
        Run run = cli("query", ".show tables");

        assertThat(run.exitCode()).isEqualTo(KustoExportCli.FAILED);
        assertThat(run.stderr()).startsWith("error: query runs a bare KQL query; run commands (.export, .show) with exec");
    }

    @Test
    void aLongExportOnATerminalDrawsAProgressLineOnStderrAndErasesIt() {
        // the export takes under a second on a quiet machine: the line must appear well before it ends
        assertThat(ExportProgress.DELAY_MILLIS).as("-Dkusto-export.progress-delay-millis=100 (surefire)").isLessThan(500);
        Run run = cli(true, "exec", ".export compressed to csv ('" + dir.toUri() + "') with (distribution=single)"
                + " <| range Id from 1 to 10000000 step 1");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).containsPattern("\r[|/\\\\-] exporting for \\S+: \\d+ artifact\\(s\\) committed, \\d+"
                + " record\\(s\\) and \\d+ byte\\(s\\) written");
        assertThat(run.stderr()).endsWith("\r");
        assertThat(CsvFiles.parse(run.stdout()).get(0)).containsExactly("Path", "NumRecords", "SizeInBytes");
    }

    @Test
    void notOnATerminalNoProgressIsDrawn() {
        Run run = cli(false, "exec", ".export compressed to csv ('" + dir.toUri() + "') with (distribution=single)"
                + " <| range Id from 1 to 10000000 step 1");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).isEmpty();
    }
}

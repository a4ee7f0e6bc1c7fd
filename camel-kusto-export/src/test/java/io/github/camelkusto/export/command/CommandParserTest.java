package io.github.camelkusto.export.command;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The parsed model through its Java API; the grammar case by case is in {@link CommandCorpusTest}. */
class CommandParserTest {
    private static final ExportOptions NO_OPTIONS =
            new ExportOptions(ExportFormat.CSV, false, false, List.of(), Map.of());
    private static final String KEY = "c2VjcmV0LWtleS1ieXRlcw==";

    @Test
    void exportCommandIsParsedWithKeywordsInAnyCase() {
        ExportCommand command = (ExportCommand) CommandParser.parse("""
                .EXPORT Compressed TO Csv (
                   "https://acct.blob.core.windows.net/c1;" h'%s',   // first target
                   @'exports\\local'
                ) WITH (SizeLimit = 209715200, includeheaders = "firstFile")
                <| T
                | take 10
                """.formatted(KEY), NO_OPTIONS);

        assertThat(command.compressed()).isTrue();
        assertThat(command.format()).isEqualTo(ExportFormat.CSV);
        assertThat(command.storage()).extracting(StorageLiteral::value)
                .containsExactly("https://acct.blob.core.windows.net/c1;" + KEY, "exports\\local");
        assertThat(command.storage().get(0).obfuscated()).isTrue();
        assertThat(command.properties().sizeLimit()).isEqualTo(209_715_200L);
        assertThat(command.properties().includeHeaders()).isEqualTo(IncludeHeaders.FIRST_FILE);
        assertThat(command.query()).isEqualTo("T\n| take 10");
        assertThat(command.toString()).doesNotContain(KEY);
    }

    @Test
    void aBareQueryIsExportedWithTheEndpointOptions() {
        ExportOptions options = new ExportOptions(ExportFormat.TSV, false, true,
                List.of(new StorageLiteral("out", false, "endpoint option 'storage'")),
                Map.of("namePrefix", "x/y"));

        ExportCommand command = (ExportCommand) CommandParser.parse("  T | take 3  ", options);

        assertThat(command.format()).isEqualTo(ExportFormat.TSV);
        assertThat(command.compressed()).isTrue();
        assertThat(command.properties().namePrefix()).contains("x/y");
        assertThat(command.query()).isEqualTo("T | take 3");
    }

    @Test
    void endpointOptionsFillInOnlyWhatTheCommandLeavesUnset() {
        ExportOptions options = new ExportOptions(ExportFormat.CSV, false, false, List.of(),
                Map.of("namePrefix", "from-uri", "includeHeaders", "all"));

        ExportCommand command = (ExportCommand) CommandParser.parse(
                ".export to csv ('out') with (namePrefix='from-command') <| T", options);

        assertThat(command.properties().namePrefix()).contains("from-command");
        assertThat(command.properties().includeHeaders()).isEqualTo(IncludeHeaders.ALL);
    }

    @Test
    void anExportCommandNeverShowsItsSecretsWhenPrinted() {
        ExportCommand command = (ExportCommand) CommandParser.parse(
                ".export to csv (h'https://a.blob.core.windows.net/c01;" + KEY + "') <| T | where k == h\"" + KEY
                        + "\"", NO_OPTIONS);

        assertThat(command.toString()).doesNotContain(KEY).endsWith("<| T | where k == h'****'");
        assertThat(command.storage().get(0).toString()).doesNotContain(KEY);
    }

    @Test
    void aVerbatimObfuscatedLiteralIsMaskedWholeEvenWithADoubledQuote() {
        ExportCommand command = (ExportCommand) CommandParser.parse(
                ".export to csv ('out') <| T | where k == h@'ab''" + KEY + "' and n == 'plain'", NO_OPTIONS);

        assertThat(command.displayQuery()).isEqualTo("T | where k == h'****' and n == 'plain'");
    }
}

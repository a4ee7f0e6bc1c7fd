package io.github.camelkusto.export.command;

import java.util.List;
import java.util.Map;

import io.github.camelkusto.export.kql.KustoException;
import io.github.camelkusto.export.kql.syntax.KustoSyntaxException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The walking skeleton's slice of the command language; the full grammar has its own data-driven suite. */
class CommandParserTest {
    private static final ExportOptions NO_OPTIONS = new ExportOptions(ExportFormat.CSV, false, List.of(), Map.of());
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
        ExportOptions options = new ExportOptions(ExportFormat.TSV, true,
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
        ExportOptions options = new ExportOptions(ExportFormat.CSV, false, List.of(),
                Map.of("namePrefix", "from-uri", "includeHeaders", "all"));

        ExportCommand command = (ExportCommand) CommandParser.parse(
                ".export to csv ('out') with (namePrefix='from-command') <| T", options);

        assertThat(command.properties().namePrefix()).contains("from-command");
        assertThat(command.properties().includeHeaders()).isEqualTo(IncludeHeaders.ALL);
    }

    @Test
    void anUnknownPropertyIsNamedWithTheClosestValidOneAndItsPosition() {
        assertThatThrownBy(() -> CommandParser.parse(".export to csv ('out') with (sizeLimt=1) <| T", NO_OPTIONS))
                .isInstanceOf(KustoSyntaxException.class)
                .hasMessage("unknown property 'sizeLimt' (did you mean 'sizeLimit'?) (valid properties: sizeLimit,"
                        + " includeHeaders, fileExtension, namePrefix, encoding, compressionType, distribution,"
                        + " distributed, persistDetails, parquetRowGroupSize, parquetDatetimePrecision)"
                        + " (line 1, column 30)\n"
                        + "  .export to csv ('out') with (sizeLimt=1) <| T\n"
                        + "  " + " ".repeat(29) + "^");
    }

    @Test
    void aSizeLimitOutsideAdxRangeIsRefused() {
        assertThatThrownBy(() -> CommandParser.parse(".export to csv ('out') with (sizeLimit=1000) <| T", NO_OPTIONS))
                .hasMessageStartingWith("property 'sizeLimit' must be between 104857600 (100 MB) and 4294967296"
                        + " (4 GB) bytes, not 1000 (line 1, column 40)");
    }

    @Test
    void aSizeWithAUnitIsRefusedClearly() {
        assertThatThrownBy(() -> CommandParser.parse(".export to csv ('out') with (sizeLimit=100MB) <| T",
                NO_OPTIONS))
                .hasMessageStartingWith("property 'sizeLimit' takes a plain number of bytes: the unit 'MB' is not"
                        + " allowed (write 100 without it) (line 1, column 43)");
    }

    @Test
    void anErrorExcerptMasksObfuscatedLiterals() {
        assertThatThrownBy(() -> CommandParser.parse(".export to csv (h'" + KEY + "' 'x') with <| T", NO_OPTIONS))
                .isInstanceOf(KustoSyntaxException.class)
                .hasMessageNotContaining(KEY)
                .hasMessageContaining("  .export to csv (**** 'x') with <| T");
    }

    @Test
    void anUnterminatedObfuscatedStringIsNeverEchoed() {
        assertThatThrownBy(() -> CommandParser.parse(".export to csv (h'" + KEY + ") <| T", NO_OPTIONS))
                .hasMessageStartingWith("unterminated string literal (line 1, column 17)")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void anUnsupportedFormatIsRefusedAtItsPosition() {
        assertThatThrownBy(() -> CommandParser.parse(".export to xml ('out') <| T", NO_OPTIONS))
                .hasMessageStartingWith("unknown format 'xml' (valid formats: csv, tsv, json, parquet)"
                        + " (line 1, column 12)");
    }

    @Test
    void anEmptyTextSaysWhatIsMissing() {
        assertThatThrownBy(() -> CommandParser.parse("  ", NO_OPTIONS))
                .isInstanceOf(KustoException.class)
                .hasMessage("nothing to run: the message body is empty and the endpoint has no 'query'");
    }
}

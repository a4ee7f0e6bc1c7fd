package io.github.camelkusto.export.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.camelkusto.export.KustoExportConfiguration;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.export.storage.BlobLocation;
import io.github.camelkusto.export.storage.CamelEndpointLocation;
import io.github.camelkusto.export.storage.ConnectionStrings;
import io.github.camelkusto.export.storage.StorageLocation;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.PropertyBindingException;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The command language, case by case, from {@code commands/valid-commands.txt} (the parsed model of each) and
 * {@code commands/invalid-commands.txt} (the exact error of each). To add cases, write them with an empty
 * expectation, run with {@code -Dcommands.regenerate=true}, and review the rewritten file before committing.
 */
class CommandCorpusTest {
    static final String VALID = "valid-commands.txt";
    static final String INVALID = "invalid-commands.txt";
    private static final boolean REGENERATE = Boolean.getBoolean("commands.regenerate");
    private static final Map<String, Map<Integer, String>> REGENERATED = new LinkedHashMap<>();
    /** Binds options as Camel binds URI options; never started, so it holds nothing and is shared, never closed. */
    private static final CamelContext CAMEL = new DefaultCamelContext();

    static List<CommandCase> valid() {
        return CommandCase.load(VALID);
    }

    static List<CommandCase> invalid() {
        return CommandCase.load(INVALID);
    }

    @Test
    void theCorporaHoldAtLeast150CasesEach() {
        assertThat(valid()).hasSizeGreaterThanOrEqualTo(150);
        assertThat(invalid()).hasSizeGreaterThanOrEqualTo(150);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void aValidCommandParsesToItsModel(CommandCase c) {
        String actual = render(parseAndValidate(c));
        check(c, VALID, actual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void anInvalidCommandIsRefusedWithItsExactError(CommandCase c) {
        String actual;
        try {
            KustoCommand command = parseAndValidate(c);
            actual = "(no error) " + render(command);
        } catch (KustoException e) {
            actual = e.getMessage();
        }
        check(c, INVALID, actual);
    }

    private static void check(CommandCase c, String file, String actual) {
        if (REGENERATE) {
            REGENERATED.computeIfAbsent(file, f -> new LinkedHashMap<>()).put(c.line(), actual);
            return;
        }
        assertThat(actual).as(c.toString()).isEqualTo(c.expected());
    }

    @AfterAll
    static void writeRegenerated() throws Exception {
        for (var file : REGENERATED.entrySet()) {
            CommandCase.rewrite(file.getKey(), file.getValue());
        }
    }

    /** What the component does before any query runs: parse the text with the options, parse the storage. */
    static KustoCommand parseAndValidate(CommandCase c) {
        KustoCommand command = CommandParser.parse(c.text(), options(c.options()).toExportOptions());
        if (command instanceof ExportCommand export) {
            export.storage().forEach(ConnectionStrings::parse);
        }
        if (command instanceof ExternalTableCommand external) {
            external.definition().ifPresent(d -> d.storage().forEach(ConnectionStrings::parse));
        }
        return command;
    }

    /** The endpoint options of a case, bound by Camel as it binds URI options. */
    static KustoExportConfiguration options(Map<String, String> options) {
        KustoExportConfiguration configuration = new KustoExportConfiguration();
        configuration.setFormat("csv");
        Map<String, Object> values = new LinkedHashMap<>(options);
        try {
            PropertyBindingSupport.build().withMandatory(true).withRemoveParameters(false)
                    .bind(CAMEL, configuration, values);
        } catch (PropertyBindingException e) {
            // A value the option's type refuses (an enum option's converter): the component's own error, as the
            // route's start failure carries it.
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw root instanceof KustoException kusto ? kusto : e;
        }
        return configuration;
    }

    static String render(KustoCommand command) {
        if (command instanceof ExportCommand e) {
            StringBuilder out = new StringBuilder(".export to " + e.format() + (e.async() ? ", async" : "")
                    + (e.compressed() ? ", compressed" : "") + "\n");
            for (StorageLiteral storage : e.storage()) {
                StorageLocation location = ConnectionStrings.parse(storage);
                String kind = location instanceof BlobLocation blob ? blob.kind().name().toLowerCase(Locale.ROOT)
                        : location instanceof CamelEndpointLocation ? "endpoint" : "local";
                out.append("storage: ").append(kind).append(' ').append(location)
                        .append(storage.obfuscated() ? " (obfuscated)" : "").append('\n');
            }
            ExportProperties p = e.properties();
            out.append("sizeLimit=").append(p.sizeLimit()).append(", includeHeaders=").append(p.includeHeaders())
                    .append(", fileExtension=").append(p.fileExtension().orElse("-"))
                    .append(", namePrefix=").append(p.namePrefix().orElse("-"))
                    .append(", encoding=").append(p.encoding()).append('\n');
            out.append("compressionType=").append(p.compressionType().map(Object::toString).orElse("-"))
                    .append(", distribution=").append(p.distribution())
                    .append(", persistDetails=").append(p.persistDetails().map(Object::toString).orElse("-"))
                    .append(", parquetRowGroupSize=").append(p.parquetRowGroupSize())
                    .append(", parquetDatetimePrecision=").append(p.parquetDatetimePrecision()).append('\n');
            if (!e.requestProperties().isEmpty()) {
                out.append("set: ").append(e.requestProperties()).append('\n');
            }
            out.append("query: ").append(e.displayQuery());
            return out.toString();
        }
        if (command instanceof ShowOperationsCommand s) {
            return ".show operations" + (s.all() ? "" : s.operationIds().stream().collect(Collectors.joining(", ",
                    " (", ")")));
        }
        if (command instanceof ShowOperationDetailsCommand s) {
            return ".show operation " + s.operationId() + " details";
        }
        if (command instanceof CancelOperationCommand c) {
            return ".cancel operation " + c.operationId() + c.reason().map(r -> " with (reason = " + r + ")")
                    .orElse("");
        }
        if (command instanceof ShowTablesCommand) {
            return ".show tables";
        }
        if (command instanceof PipedShowCommand p) {
            return render(p.show()) + "\npiped into: " + p.pipe();
        }
        if (command instanceof ExportToTableCommand t) {
            return ".export to table " + t.table() + (t.async() ? ", async" : "") + "\nproperties: "
                    + new java.util.TreeMap<>(t.properties()) + "\nquery: " + t.query();
        }
        if (command instanceof ExternalTableCommand t) {
            StringBuilder out = new StringBuilder(t.verb() + " external table" + t.table().map(n -> " " + n)
                    .orElse("") + (t.ifExists() ? " ifexists" : ""));
            t.definition().ifPresent(d -> {
                out.append("\nschema: ").append(d.schema()).append("\nformat: ").append(d.format());
                d.partitions().forEach(p -> out.append("\npartition: ").append(p.name()).append(':')
                        .append(p.type().kustoName()).append(" = ").append(p.expression())
                        .append(p.daily() ? " (daily)" : ""));
                out.append("\npathformat: ").append(d.pathFormat().isDefault() ? "hive" : d.pathFormat().elements());
                d.storage().forEach(s -> out.append("\nstorage: ").append(ConnectionStrings.parse(s)));
                out.append("\nproperties: ").append(d.properties());
            });
            return out.toString();
        }
        if (command instanceof ContinuousExportCommand c) {
            StringBuilder out = new StringBuilder(c.verb() + " continuous-export" + c.name().map(n -> " " + n)
                    .orElse(""));
            c.definition().ifPresent(d -> out.append("\nover: ").append(d.overTables()).append("\nto table: ")
                    .append(d.externalTable()).append("\nintervalBetweenRuns=").append(d.intervalBetweenRuns())
                    .append(", forcedLatency=").append(d.forcedLatency().map(Object::toString).orElse("-"))
                    .append(", isDisabled=").append(d.disabled()).append("\nexport properties: ")
                    .append(new java.util.TreeMap<>(d.exportProperties())).append("\nquery: ").append(d.query()));
            return out.toString();
        }
        return fail("no rendering for " + command);
    }
}

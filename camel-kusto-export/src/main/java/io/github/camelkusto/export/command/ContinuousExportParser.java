package io.github.camelkusto.export.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.camelkusto.kql.syntax.SourceText;
import io.github.camelkusto.kql.syntax.TimespanUnits;
import io.github.camelkusto.kql.syntax.Token;

/**
 * The continuous export commands, as ADX writes them:
 *
 * <pre>
 * .create-or-alter continuous-export Name [over ( T [, ...] )] to table ExtT
 *     [with ( intervalBetweenRuns = 1h, forcedLatency = 10m, sizeLimit = n, distributed = b,
 *             parquetRowGroupSize = n, useNativeParquetWriter = b, isDisabled = b )] &lt;| query
 * .show continuous-exports
 * .show continuous-export Name [exported-artifacts | failures]
 * .enable | .disable | .drop continuous-export Name
 * </pre>
 *
 * intervalBetweenRuns is required (at least 1 minute, as in ADX).
 */
final class ContinuousExportParser extends CommandTokenParser {
    /** ADX's properties; sizeLimit, distributed, parquetRowGroupSize and useNativeParquetWriter go to each run. */
    static final List<String> PROPERTIES = List.of("intervalBetweenRuns", "forcedLatency", "sizeLimit",
            "distributed", "parquetRowGroupSize", "useNativeParquetWriter", "isDisabled");

    private ContinuousExportParser(SourceText source) {
        super(source);
    }

    /** Whether the text is one of the continuous export commands. */
    static boolean starts(String text) {
        ContinuousExportParser p = new ContinuousExportParser(new SourceText(text));
        if (!p.acceptSymbol(".")) {
            return false;
        }
        String verb = p.commandWord();
        String what = p.commandWord();
        return List.of("create-or-alter", "show", "enable", "disable", "drop").contains(verb)
                && (what.equals("continuous-export") || what.equals("continuous-exports"));
    }

    static KustoCommand parse(SourceText source) {
        ContinuousExportParser p = new ContinuousExportParser(source);
        p.expectSymbol(".", "expected a control command");
        String verb = p.commandWord();
        Token whatToken = p.current;
        String what = p.commandWord();
        ContinuousExportCommand command;
        if (what.equals("continuous-exports")) {
            if (!verb.equals("show")) {
                throw p.error("'continuous-exports' goes with .show only (." + verb + " takes"
                        + " 'continuous-export Name')", whatToken);
            }
            command = new ContinuousExportCommand(ContinuousExportCommand.Verb.SHOW_ALL, Optional.empty(),
                    Optional.empty());
        } else {
            String name = p.name("a continuous export name");
            command = switch (verb) {
                case "create-or-alter" -> p.define(name);
                case "show" -> p.show(name);
                default -> new ContinuousExportCommand(switch (verb) {
                    case "enable" -> ContinuousExportCommand.Verb.ENABLE;
                    case "disable" -> ContinuousExportCommand.Verb.DISABLE;
                    default -> ContinuousExportCommand.Verb.DROP;
                }, Optional.of(name), Optional.empty());
            };
        }
        if (command.verb().name().startsWith("SHOW") && p.current.isSymbol("|")) {
            return p.piped(command);
        }
        if (command.definition().isEmpty()) {
            p.expectEnd("at the end of the command");
        }
        return command;
    }

    private ContinuousExportCommand show(String name) {
        ContinuousExportCommand.Verb verb = ContinuousExportCommand.Verb.SHOW;
        Token at = current;
        String what = commandWord();
        if (what.equals("exported-artifacts")) {
            verb = ContinuousExportCommand.Verb.SHOW_ARTIFACTS;
        } else if (what.equals("failures")) {
            verb = ContinuousExportCommand.Verb.SHOW_FAILURES;
        } else if (!what.isEmpty()) {
            throw error("expected 'exported-artifacts', 'failures' or the end of the command but found '" + what
                    + "'", at);
        }
        return new ContinuousExportCommand(verb, Optional.of(name), Optional.empty());
    }

    private ContinuousExportCommand define(String name) {
        List<String> over = new ArrayList<>();
        if (acceptKeyword("over")) {
            expectSymbol("(", "expected '(' and the tables after 'over'");
            do {
                Token at = current;
                String table = name("a table name");
                if (over.contains(table)) {
                    throw error("table '" + table + "' is named twice in 'over'", at);
                }
                over.add(table);
            } while (acceptSymbol(","));
            expectSymbol(")", "expected ',' or ')' after a table name");
        }
        expectKeyword("to", "expected " + (over.isEmpty() ? "'over (T, ...)' or " : "") + "'to table'");
        expectKeyword("table", "expected 'table' after 'to'");
        String externalTable = name("an external table name");
        Duration interval = null;
        Optional<Duration> latency = Optional.empty();
        boolean disabled = false;
        Map<String, Object> exportProperties = new LinkedHashMap<>();
        List<String> seen = new ArrayList<>();
        Token withToken = current;
        if (acceptKeyword("with")) {
            for (Property property : withClause(true)) {
                String key = PROPERTIES.stream().filter(n -> n.equalsIgnoreCase(property.name().text()))
                        .findFirst().orElseThrow(() -> error("unknown property '" + property.name().text()
                                + "' of a continuous export (valid properties: " + String.join(", ", PROPERTIES)
                                + ")", property.name()));
                if (seen.contains(key)) {
                    throw error("property '" + key + "' is given more than once", property.name());
                }
                seen.add(key);
                switch (key) {
                    case "intervalBetweenRuns" -> interval = timespan(property);
                    case "forcedLatency" -> latency = Optional.of(timespan(property));
                    case "isDisabled" -> disabled = bool(property);
                    default -> {
                        try {
                            // each on its own, with a format they all apply to: ranges are checked now
                            ExportProperties.builder().set(key, property.parsed()).build(ExportFormat.PARQUET, false);
                        } catch (InvalidPropertyException e) {
                            throw error(e.getMessage(), property.value());
                        }
                        exportProperties.put(key, property.parsed());
                    }
                }
            }
        }
        if (interval == null) {
            throw error("a continuous export needs 'with (intervalBetweenRuns = <timespan>)' (at least 1m)",
                    seen.isEmpty() ? withToken : current);
        }
        if (interval.compareTo(ContinuousExportDefinition.MIN_INTERVAL) < 0) {
            throw error("intervalBetweenRuns must be at least 1m", withToken);
        }
        Token arrow = current;
        if (!arrow.isSymbol("<|")) {
            throw error("expected '<|' and the query but found " + arrow.describe(), arrow);
        }
        String query = source.text().substring(arrow.end()).strip();
        if (query.isEmpty()) {
            throw error("expected a query after '<|'", arrow);
        }
        return new ContinuousExportCommand(ContinuousExportCommand.Verb.CREATE_OR_ALTER, Optional.of(name),
                Optional.of(new ContinuousExportDefinition(name, over, externalTable, interval, latency, disabled,
                        exportProperties, query, source.text())));
    }

    private Duration timespan(Property property) {
        Object value = property.parsed();
        Duration span = value instanceof Duration d ? d
                : value instanceof String text ? TimespanUnits.parse(text.strip()) : null;
        if (span == null || span.isNegative()) {
            throw error("property '" + property.name().text() + "' must be a timespan such as 1h or 10m",
                    property.value());
        }
        return span;
    }

    private boolean bool(Property property) {
        if (property.parsed() instanceof Boolean b) {
            return b;
        }
        throw error("property '" + property.name().text() + "' must be true or false", property.value());
    }
}

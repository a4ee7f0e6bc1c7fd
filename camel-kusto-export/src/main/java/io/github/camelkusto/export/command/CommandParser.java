package io.github.camelkusto.export.command;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.control.TableCommandParser;
import io.github.camelkusto.kql.syntax.KustoSyntaxException;
import io.github.camelkusto.kql.syntax.SourceText;
import io.github.camelkusto.kql.syntax.Token;
import io.github.camelkusto.kql.syntax.TokenKind;

/**
 * Parses what a user sends: a control command or a bare KQL query.
 *
 * <pre>
 * .export [async] [compressed] to (csv|tsv|json|parquet) ( conn [, conn ...] ) [with ( name = value [, ...] )] &lt;| query
 * [set name [= value]; ...] query                  (a bare query; set statements: see {@link RequestProperties})
 * .show tables [| query]
 * .show operations [ id | ( id [, id ...] ) ] [| query]
 * .show operation id details [| query]
 * .cancel operation id [with ( reason = 'text' )]
 * .export [async] to table T [with ( name = value [, ...] )] &lt;| query
 * .create/.alter/.create-or-alter/.drop external table ..., .show external tables (see {@link ExternalTableParser})
 * .create-or-alter/.show/.enable/.disable/.drop continuous-export ... (see {@link ContinuousExportParser})
 * .create table, .drop table, .ingest, .set-or-append ... (see {@link TableCommandParser})
 * </pre>
 *
 * Keywords and property names are case-insensitive; {@code //} starts a comment; a connection string is one or
 * more adjacent string literals, concatenated. Error excerpts mask every string literal. The query after
 * {@code <|} is kept verbatim.
 */
public final class CommandParser extends CommandTokenParser {
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\\w-])");
    private static final Pattern WORD = Pattern.compile("[\\w-]+");
    /** The properties ADX documents for {@code .export to table}; spread and concurrency are checked and kept. */
    static final List<String> EXPORT_TO_TABLE_PROPERTIES = List.of("sizeLimit", "distribution", "distributed",
            "spread", "concurrency", "parquetRowGroupSize", "persistDetails", "useNativeParquetWriter");
    private static final String COMMANDS = ".export, .show tables, .show operations, .show operation <id> details,"
            + " .cancel operation <id>, " + String.join(", ", TableCommandParser.COMMANDS);

    private CommandParser(SourceText source) {
        super(source);
    }

    /**
     * @throws KustoSyntaxException for a malformed command, with its position
     * @throws KustoException       for an invalid endpoint option used to complete it
     */
    public static KustoCommand parse(String text, ExportOptions options) {
        if (text == null || text.isBlank()) {
            throw new KustoException("nothing to run: the message body is empty and the endpoint has no 'query'");
        }
        CommandParser parser = new CommandParser(new SourceText(text));
        if (!parser.current.isSymbol(".")) {
            return bareQuery(text, options);
        }
        if (ExternalTableParser.starts(text)) {
            return ExternalTableParser.parse(parser.source);
        }
        if (ContinuousExportParser.starts(text)) {
            return ContinuousExportParser.parse(parser.source);
        }
        if (TableCommandParser.startsTableCommand(text)) {
            return new TableManagementCommand(TableCommandParser.parse(parser.source));
        }
        return parser.controlCommand(options);
    }

    /**
     * Parses a bare query (with its {@code set} statements) for a mode that runs queries only: {@code why} says
     * which, in the error a control command gets.
     *
     * @throws KustoException for a control command
     */
    public static ExportCommand query(String text, ExportOptions options, String why) {
        KustoCommand command = parse(text, options);
        if (!(command instanceof ExportCommand export) || new CommandParser(new SourceText(text)).current.isSymbol(".")) {
            throw new KustoException(why + " runs a bare KQL query, not a control command such as .export or .show");
        }
        return export;
    }

    /**
     * Parses the {@code storage} option: one raw connection string, or, when it starts with a string literal, a
     * comma-separated list of Kusto string literals (which may be obfuscated and concatenated), so that
     * connection strings holding commas stay unambiguous.
     */
    public static List<StorageLiteral> storageOption(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        CommandParser parser = new CommandParser(new SourceText(value));
        if (parser.current.kind() != TokenKind.STRING) {
            return List.of(new StorageLiteral(value.strip(), false, "endpoint option 'storage'"));
        }
        List<StorageLiteral> literals = parser.connectionStrings("endpoint option 'storage', connection string ");
        parser.expectEnd("after the connection strings of the endpoint option 'storage'");
        return literals;
    }

    private static ExportCommand bareQuery(String query, ExportOptions options) {
        if (options.storage().isEmpty()) {
            throw new KustoException("no storage to export to: set the endpoint option 'storage'");
        }
        ExportProperties.Builder properties = ExportProperties.builder();
        fillFromOptions(properties, options.format(), options);
        SourceText source = new SourceText(query);
        SetStatements.Parsed set = SetStatements.parse(source, 0);
        String afterSet = query.substring(set.queryStart());
        try {
            return new ExportCommand(options.async(), options.compressed(), options.format(), options.storage(),
                    properties.build(options.format(), options.compressed()), afterSet.strip(), source,
                    set.queryStart() + leadingBlanks(afterSet), set.properties());
        } catch (InvalidPropertyException e) {
            throw optionError(e.property(), e);
        }
    }

    private KustoCommand controlCommand(ExportOptions options) {
        Token dot = advance();
        Token name = advance();
        if (name.isKeyword("export")) {
            return export(options);
        }
        if (name.isKeyword("show")) {
            return show();
        }
        if (name.isKeyword("cancel")) {
            return cancel();
        }
        throw error("unknown command '." + name.text() + "' (supported: " + COMMANDS + ", or a bare query)",
                name.kind() == TokenKind.END ? dot : name);
    }

    private KustoCommand show() {
        Token what = advance();
        KustoCommand command;
        if (what.isKeyword("tables")) {
            command = new ShowTablesCommand();
        } else if (what.isKeyword("operations")) {
            List<String> ids = new ArrayList<>();
            if (acceptSymbol("(")) {
                do {
                    ids.add(operationId());
                } while (acceptSymbol(","));
                expectSymbol(")", "expected ',' or ')' after an operation id");
            } else if (current.kind() != TokenKind.END && !current.isSymbol("|")) {
                ids.add(operationId());
            }
            command = new ShowOperationsCommand(ids);
        } else if (what.isKeyword("operation")) {
            String id = operationId();
            expectKeyword("details", "expected 'details' after the operation id");
            command = new ShowOperationDetailsCommand(id);
        } else if (what.kind() == TokenKind.END) {
            throw error("expected what to show (tables, operations, operation <id> details) but found the end of"
                    + " the text", what);
        } else {
            throw error("unknown command '.show " + what.text() + "' (supported: " + COMMANDS + ")", what);
        }
        if (current.isSymbol("|")) {
            return piped(command);
        }
        expectEnd("at the end of the command");
        return command;
    }

    private KustoCommand cancel() {
        expectKeyword("operation", "expected 'operation' after '.cancel'");
        String id = operationId();
        Optional<String> reason = Optional.empty();
        if (acceptKeyword("with")) {
            for (Property property : withClause()) {
                if (!property.name().isKeyword("reason")) {
                    throw error("unknown property '" + property.name().text() + "' of .cancel operation (valid"
                            + " properties: reason)", property.name());
                }
                if (reason.isPresent()) {
                    throw error("property 'reason' is given more than once", property.name());
                }
                if (property.value().kind() != TokenKind.STRING) {
                    throw error("property 'reason' must be a string literal", property.value());
                }
                reason = Optional.of((String) property.value().value());
            }
        }
        expectEnd("at the end of the command");
        return new CancelOperationCommand(id, reason);
    }

    /** A GUID, bare (as ADX prints it) or in a string literal. */
    private String operationId() {
        Token t = current;
        if (t.kind() == TokenKind.STRING) {
            advance();
            String value = ((String) t.value()).strip();
            if (GUID.matcher(value).matches()) {
                return value.toLowerCase(Locale.ROOT);
            }
            throw error("expected an operation id (a GUID such as 3827def6-0773-4f2a-859e-c02cf395deaf) but found "
                    + t.describe(), t);
        }
        Matcher guid = GUID.matcher(source.text()).region(t.start(), source.text().length());
        if (t.kind() != TokenKind.END && guid.lookingAt()) {
            seek(guid.end());
            return guid.group().toLowerCase(Locale.ROOT);
        }
        Matcher word = WORD.matcher(source.text()).region(t.start(), source.text().length());
        String found = t.kind() != TokenKind.END && word.lookingAt() ? "'" + word.group() + "'" : t.describe();
        throw error("expected an operation id (a GUID such as 3827def6-0773-4f2a-859e-c02cf395deaf) but found "
                + found, t);
    }

    private KustoCommand export(ExportOptions options) {
        boolean async = false;
        boolean compressed = false;
        while (current.isKeyword("async") || current.isKeyword("compressed")) {
            Token modifier = advance();
            boolean isAsync = modifier.isKeyword("async");
            if (isAsync ? async : compressed) {
                throw error("'" + modifier.text().toLowerCase(Locale.ROOT) + "' is given twice", modifier);
            }
            async |= isAsync;
            compressed |= !isAsync;
        }
        expectKeyword("to", "expected 'to' (or 'async'/'compressed' before it)");
        if (current.isKeyword("table")) {
            if (compressed) {
                throw error("'compressed' does not apply to '.export to table': the external table says whether"
                        + " its artifacts are compressed", current);
            }
            advance();
            return exportToTable(async);
        }
        Token formatToken = advance();
        if (formatToken.kind() != TokenKind.IDENTIFIER) {
            throw error("expected a format (" + ExportFormat.validNames() + ") but found " + formatToken.describe(),
                    formatToken);
        }
        ExportFormat format = ExportFormat.byName(formatToken.text()).orElseThrow(() -> error("unknown format '"
                + formatToken.text() + "' (valid formats: " + ExportFormat.validNames() + ")", formatToken));
        expectSymbol("(", "expected '(' and the storage connection strings");
        List<StorageLiteral> storage = connectionStrings("connection string ");
        expectSymbol(")", "expected ',' or ')' after a connection string");

        ExportProperties.Builder properties = ExportProperties.builder();
        Map<String, Property> written = new HashMap<>();
        boolean hasWith = acceptKeyword("with");
        if (hasWith) {
            for (Property property : withClause()) {
                try {
                    properties.set(property.name().text(), property.parsed());
                } catch (InvalidPropertyException e) {
                    throw error(e.getMessage(), e.isAboutName() ? property.name() : property.value());
                }
                written.put(ExportProperties.canonicalName(property.name().text()).orElseThrow(), property);
            }
        }
        Token arrow = current;
        if (!arrow.isSymbol("<|")) {
            throw error("expected " + (hasWith ? "" : "'with (...)' or ") + "'<|' and the query but found "
                    + arrow.describe(), arrow);
        }
        if (source.text().substring(arrow.end()).isBlank()) {
            throw error("expected a query after '<|'", arrow);
        }
        SetStatements.Parsed set = SetStatements.parse(source, arrow.end());
        String afterSet = source.text().substring(set.queryStart());
        String query = afterSet.strip();
        int queryStart = set.queryStart() + leadingBlanks(afterSet);
        fillFromOptions(properties, format, options);
        try {
            return new ExportCommand(async, compressed, format, storage, properties.build(format, compressed), query,
                    source, queryStart, set.properties());
        } catch (InvalidPropertyException e) {
            Property property = written.get(e.property());
            if (property == null) {
                throw optionError(e.property(), e);
            }
            throw error(e.getMessage(), e.isAboutName() ? property.name() : property.value());
        }
    }

    /** {@code .export [async] to table T [with (...)] <| query}; the table's own properties are applied when it runs. */
    private ExportToTableCommand exportToTable(boolean async) {
        String table = name("an external table name");
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        boolean hasWith = acceptKeyword("with");
        if (hasWith) {
            for (Property property : withClause()) {
                String name = EXPORT_TO_TABLE_PROPERTIES.stream()
                        .filter(n -> n.equalsIgnoreCase(property.name().text())).findFirst()
                        .orElseThrow(() -> error("unknown property '" + property.name().text() + "' of .export to"
                                + " table (valid properties: " + String.join(", ", EXPORT_TO_TABLE_PROPERTIES)
                                + "; the external table defines the rest)", property.name()));
                if (properties.containsKey(name)) {
                    throw error("property '" + name + "' is given more than once", property.name());
                }
                if (name.equals("spread") || name.equals("concurrency")) {
                    if (!(property.parsed() instanceof Long n) || n < 1) {
                        throw error("property '" + name + "' must be a positive whole number", property.value());
                    }
                } else {
                    try {
                        ExportProperties.builder().set(name, property.parsed());
                    } catch (InvalidPropertyException e) {
                        throw error(e.getMessage(), property.value());
                    }
                }
                properties.put(name, property.parsed());
            }
        }
        Token arrow = current;
        if (!arrow.isSymbol("<|")) {
            throw error("expected " + (hasWith ? "" : "'with (...)' or ") + "'<|' and the query but found "
                    + arrow.describe(), arrow);
        }
        if (source.text().substring(arrow.end()).isBlank()) {
            throw error("expected a query after '<|'", arrow);
        }
        SetStatements.Parsed set = SetStatements.parse(source, arrow.end());
        String afterSet = source.text().substring(set.queryStart());
        return new ExportToTableCommand(async, table, properties, afterSet.strip(), source,
                set.queryStart() + leadingBlanks(afterSet), set.properties());
    }

    /** URI options fill in what the command leaves unset and what applies to its format; never override it. */
    private static void fillFromOptions(ExportProperties.Builder properties, ExportFormat format,
            ExportOptions options) {
        for (Map.Entry<String, Object> option : options.properties().entrySet()) {
            String name = option.getKey();
            if (!properties.isSet(name) && ExportProperties.appliesTo(name, format)) {
                try {
                    properties.set(name, option.getValue());
                } catch (InvalidPropertyException e) {
                    throw optionError(name, e);
                }
            }
        }
    }

    /**
     * Checks each property option on its own, as a {@code with (...)} clause would, so that a bad one fails when
     * the endpoint starts with the message it would get at the first command. Combinations are checked per
     * command, since a {@code .export} text may name another format than the endpoint's.
     *
     * @throws KustoException naming the option
     */
    public static void checkOptions(ExportOptions options) {
        for (Map.Entry<String, Object> option : options.properties().entrySet()) {
            try {
                ExportProperties.builder().set(option.getKey(), option.getValue());
            } catch (InvalidPropertyException e) {
                throw optionError(option.getKey(), e);
            }
        }
    }

    /** The error of an endpoint option whose value the property refuses: the option named, then the reason. */
    public static KustoException optionError(String option, InvalidPropertyException e) {
        return new KustoException("endpoint option '" + option + "': " + e.getMessage());
    }

    private static int leadingBlanks(String s) {
        return s.length() - s.stripLeading().length();
    }







}

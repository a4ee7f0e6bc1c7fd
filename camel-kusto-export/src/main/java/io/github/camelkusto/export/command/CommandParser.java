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
import io.github.camelkusto.kql.syntax.QueryParser;
import io.github.camelkusto.kql.syntax.SourceText;
import io.github.camelkusto.kql.syntax.Token;
import io.github.camelkusto.kql.syntax.TokenKind;
import io.github.camelkusto.kql.syntax.TokenParser;

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
 * .create table, .drop table, .ingest, .set-or-append ... (see {@link TableCommandParser})
 * </pre>
 *
 * Keywords and property names are case-insensitive; {@code //} starts a comment; a connection string is one or
 * more adjacent string literals, concatenated. Error excerpts mask every string literal. The query after
 * {@code <|} is kept verbatim.
 */
public final class CommandParser extends TokenParser {
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\\w-])");
    private static final Pattern WORD = Pattern.compile("[\\w-]+");
    private static final String COMMANDS = ".export, .show tables, .show operations, .show operation <id> details,"
            + " .cancel operation <id>, " + String.join(", ", TableCommandParser.COMMANDS);

    private CommandParser(SourceText source) {
        super(source, 0);
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
        if (TableCommandParser.startsTableCommand(text)) {
            return new TableManagementCommand(TableCommandParser.parse(parser.source));
        }
        return parser.controlCommand(options);
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

    /** {@code .show ... | query}: the query's syntax is checked now, its names when it runs over the result. */
    private PipedShowCommand piped(KustoCommand show) {
        Token pipe = current;
        PipedShowCommand piped = new PipedShowCommand(show, source, pipe.start());
        if (source.text().substring(pipe.end()).isBlank()) {
            throw error("expected a query after '|'", pipe);
        }
        try {
            QueryParser.parse(new SourceText(piped.query()));
        } catch (KustoSyntaxException e) {
            throw e.within(source, piped.queryStart());
        }
        return piped;
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

    private ExportCommand export(ExportOptions options) {
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

    /** One or more connection strings separated by commas. */
    private List<StorageLiteral> connectionStrings(String wherePrefix) {
        List<StorageLiteral> literals = new ArrayList<>();
        do {
            Token first = current;
            if (first.kind() != TokenKind.STRING) {
                throw error("expected a storage connection string literal but found " + first.describe(), first);
            }
            StringBuilder value = new StringBuilder();
            boolean obfuscated = false;
            Token last = first;
            while (current.kind() == TokenKind.STRING) {
                last = advance();
                value.append((String) last.value());
                obfuscated |= last.obfuscated();
            }
            literals.add(new StorageLiteral(value.toString(), obfuscated,
                    wherePrefix + (literals.size() + 1) + " at " + source.position(first.start()),
                    source.excerpt(first.start())));
        } while (acceptSymbol(","));
        return literals;
    }

    /** A name = value pair of a {@code with} clause, with the tokens errors point at. */
    private record Property(Token name, Token value, Object parsed) {
    }

    private List<Property> withClause() {
        expectSymbol("(", "expected '(' after 'with'");
        List<Property> properties = new ArrayList<>();
        do {
            Token name = advance();
            if (name.kind() != TokenKind.IDENTIFIER) {
                throw error("expected a property name but found " + name.describe(), name);
            }
            expectSymbol("=", "expected '=' after property '" + name.text() + "'");
            boolean negative = acceptSymbol("-");
            Token value = advance();
            Object parsed = switch (value.kind()) {
                case STRING -> value.value();
                case LONG -> negative ? -(Long) value.value() : value.value();
                case REAL -> negative ? -(Double) value.value() : value.value();
                case IDENTIFIER -> value.isKeyword("true") ? Boolean.TRUE
                        : value.isKeyword("false") ? Boolean.FALSE : value.text();
                default -> throw error("expected a value for property '" + name.text() + "' but found "
                        + value.describe(), value);
            };
            if (negative && value.kind() != TokenKind.LONG && value.kind() != TokenKind.REAL) {
                throw error("'-' must be followed by a number", value);
            }
            if (value.kind() == TokenKind.LONG && current.kind() == TokenKind.IDENTIFIER
                    && current.start() == value.end()) {
                throw error("property '" + name.text() + "' takes a plain number: the unit '" + current.text()
                        + "' is not allowed (write the value in bytes or records)", current);
            }
            properties.add(new Property(name, value, parsed));
        } while (acceptSymbol(","));
        expectSymbol(")", "expected ',' or ')' in the 'with' clause");
        return properties;
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

    private static KustoException optionError(String option, InvalidPropertyException e) {
        return new KustoException("endpoint option '" + option + "': " + e.getMessage());
    }

    private static int leadingBlanks(String s) {
        return s.length() - s.stripLeading().length();
    }







}

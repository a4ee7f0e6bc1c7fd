package io.github.camelkusto.export.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelkusto.export.kql.KustoException;
import io.github.camelkusto.export.kql.syntax.KustoSyntaxException;
import io.github.camelkusto.export.kql.syntax.Lexer;
import io.github.camelkusto.export.kql.syntax.SourceText;
import io.github.camelkusto.export.kql.syntax.Token;
import io.github.camelkusto.export.kql.syntax.TokenKind;

/**
 * Parses what a user sends: a {@code .export} command, a {@code .show} command, or a bare KQL query.
 *
 * <pre>
 * .export [async] [compressed] to (csv|tsv|json|parquet) ( conn [, conn ...] ) [with ( name = value [, ...] )] &lt;| query
 * .show tables
 * </pre>
 *
 * Keywords are case-insensitive; a connection string is one or more adjacent string literals, concatenated.
 * The query after {@code <|} is kept verbatim.
 */
public final class CommandParser {
    private static final String SUPPORTED_FORMATS = "supported: csv, tsv";

    private final SourceText source;
    private final Lexer lexer;
    private Token current;

    private CommandParser(String text) {
        this.source = new SourceText(text);
        this.lexer = new Lexer(source);
        this.current = lexer.next();
    }

    /**
     * @throws KustoSyntaxException for a malformed command, with its position
     * @throws KustoException       for an invalid endpoint option used to complete it
     */
    public static KustoCommand parse(String text, ExportOptions options) {
        if (text == null || text.isBlank()) {
            throw new KustoException("nothing to run: the message body is empty and the endpoint has no 'query'");
        }
        CommandParser parser = new CommandParser(text);
        if (!parser.current.isSymbol(".")) {
            return bareQuery(text, options);
        }
        return parser.dotCommand(options);
    }

    private static ExportCommand bareQuery(String query, ExportOptions options) {
        if (options.storage().isEmpty()) {
            throw new KustoException("no storage to export to: set the endpoint option 'storage'");
        }
        if (!isSupported(options.format())) {
            throw new KustoException("endpoint format '" + options.format() + "' is not supported yet ("
                    + SUPPORTED_FORMATS + ")");
        }
        ExportProperties.Builder properties = ExportProperties.builder();
        fillFromOptions(properties, options);
        return new ExportCommand(false, options.compressed(), options.format(), options.storage(), properties.build(),
                query.strip());
    }

    private KustoCommand dotCommand(ExportOptions options) {
        Token dot = advance();
        Token name = advance();
        if (name.isKeyword("export")) {
            return export(options);
        }
        if (name.isKeyword("show")) {
            Token what = advance();
            if (what.isKeyword("tables")) {
                expectEnd();
                return new ShowTablesCommand();
            }
            throw error("unsupported command '.show " + what.text() + "' (supported: .show tables)", what);
        }
        throw error("unsupported command '." + name.text() + "' (supported: .export, .show tables, or a bare query)",
                name.kind() == TokenKind.END ? dot : name);
    }

    private ExportCommand export(ExportOptions options) {
        boolean async = false;
        boolean compressed = false;
        while (current.isKeyword("async") || current.isKeyword("compressed")) {
            Token modifier = advance();
            if (modifier.isKeyword("async")) {
                if (async) {
                    throw error("'async' is given twice", modifier);
                }
                async = true;
            } else {
                if (compressed) {
                    throw error("'compressed' is given twice", modifier);
                }
                compressed = true;
            }
        }
        if (async) {
            throw new KustoException(".export async is not supported yet: run the export synchronously");
        }
        expectKeyword("to", "expected 'to' (or 'async'/'compressed' before it)");
        Token formatToken = advance();
        ExportFormat format = ExportFormat.byName(formatToken.text())
                .filter(f -> formatToken.kind() == TokenKind.IDENTIFIER)
                .orElseThrow(() -> error("unknown format " + formatToken.describe() + " (valid formats: "
                        + ExportFormat.validNames() + ")", formatToken));
        if (!isSupported(format)) {
            throw error("format '" + format + "' is not supported yet (" + SUPPORTED_FORMATS + ")", formatToken);
        }
        expectSymbol("(", "expected '(' and the storage connection strings");
        List<StorageLiteral> storage = new ArrayList<>();
        do {
            storage.add(connectionString(storage.size() + 1));
        } while (acceptSymbol(","));
        expectSymbol(")", "expected ',' or ')' after a connection string");

        ExportProperties.Builder properties = ExportProperties.builder();
        Token propertiesStart = current;
        if (current.isKeyword("with")) {
            advance();
            withClause(properties);
        }
        Token arrow = current;
        if (!arrow.isSymbol("<|")) {
            throw error("expected " + (propertiesStart == arrow ? "'with (...)' or " : "") + "'<|' and the query"
                    + " but found " + arrow.describe(), arrow);
        }
        String query = source.text().substring(arrow.end()).strip();
        if (query.isEmpty()) {
            throw error("expected a query after '<|'", arrow);
        }
        fillFromOptions(properties, options);
        return new ExportCommand(false, compressed, format, storage, properties.build(), query);
    }

    private StorageLiteral connectionString(int number) {
        Token first = current;
        if (first.kind() != TokenKind.STRING) {
            throw error("expected a storage connection string literal but found " + first.describe(), first);
        }
        StringBuilder value = new StringBuilder();
        boolean obfuscated = false;
        while (current.kind() == TokenKind.STRING) {
            Token part = advance();
            value.append((String) part.value());
            obfuscated |= part.obfuscated();
        }
        return new StorageLiteral(value.toString(), obfuscated,
                "connection string " + number + " at " + source.position(first.start()));
    }

    private void withClause(ExportProperties.Builder properties) {
        expectSymbol("(", "expected '(' after 'with'");
        do {
            Token name = advance();
            if (name.kind() != TokenKind.IDENTIFIER) {
                throw error("expected a property name but found " + name.describe(), name);
            }
            expectSymbol("=", "expected '=' after property '" + name.text() + "'");
            Token value = advance();
            Object parsed = switch (value.kind()) {
                case STRING, LONG -> value.value();
                case IDENTIFIER -> value.isKeyword("true") ? Boolean.TRUE
                        : value.isKeyword("false") ? Boolean.FALSE : value.text();
                default -> throw error("expected a value for property '" + name.text() + "' but found "
                        + value.describe(), value);
            };
            if (value.kind() == TokenKind.LONG && current.kind() == TokenKind.IDENTIFIER
                    && current.start() == value.end()) {
                throw error("property '" + name.text() + "' takes a plain number of bytes: the unit '"
                        + current.text() + "' is not allowed (write " + value.text() + " without it)", current);
            }
            try {
                properties.set(name.text(), parsed);
            } catch (InvalidPropertyException e) {
                throw error(e.getMessage(), e.isAboutName() ? name : value);
            }
        } while (acceptSymbol(","));
        expectSymbol(")", "expected ',' or ')' in the 'with' clause");
    }

    /** URI options fill in what the command leaves unset; they never override it. */
    private static void fillFromOptions(ExportProperties.Builder properties, ExportOptions options) {
        for (Map.Entry<String, Object> option : options.properties().entrySet()) {
            if (!properties.isSet(option.getKey())) {
                try {
                    properties.set(option.getKey(), option.getValue());
                } catch (InvalidPropertyException e) {
                    throw new KustoException("endpoint option '" + option.getKey() + "': " + e.getMessage());
                }
            }
        }
    }

    private static boolean isSupported(ExportFormat format) {
        return format == ExportFormat.CSV || format == ExportFormat.TSV;
    }

    private Token advance() {
        Token t = current;
        if (t.kind() != TokenKind.END) {
            current = lexer.next();
        }
        return t;
    }

    private boolean acceptSymbol(String symbol) {
        if (current.isSymbol(symbol)) {
            advance();
            return true;
        }
        return false;
    }

    private void expectSymbol(String symbol, String problem) {
        if (!current.isSymbol(symbol)) {
            throw error(problem + " but found " + current.describe(), current);
        }
        advance();
    }

    private void expectKeyword(String keyword, String problem) {
        if (!current.isKeyword(keyword)) {
            throw error(problem + " but found " + current.describe(), current);
        }
        advance();
    }

    private void expectEnd() {
        if (current.kind() != TokenKind.END) {
            throw error("unexpected " + current.describe() + " at the end of the command", current);
        }
    }

    private KustoSyntaxException error(String problem, Token at) {
        return new KustoSyntaxException(problem, source, at.start());
    }
}

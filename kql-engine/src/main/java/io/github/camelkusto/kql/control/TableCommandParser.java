package io.github.camelkusto.kql.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelkusto.kql.Suggestions;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.format.IngestFormat;
import io.github.camelkusto.kql.syntax.SourceText;
import io.github.camelkusto.kql.syntax.Token;
import io.github.camelkusto.kql.syntax.TokenKind;
import io.github.camelkusto.kql.syntax.TokenParser;
import io.github.camelkusto.kql.types.KqlType;

/**
 * Parses the table management commands of the embedded database:
 *
 * <pre>
 * .create table T ( col:type [, ...] )          .create-merge table T ( col:type [, ...] )
 * .drop table T [ifexists]                      .show table T schema | cslschema
 * .ingest inline into table T [with ( format = csv|tsv|json )] &lt;| records
 * .ingest into table T ( 'file' [, ...] ) [with ( format = csv|tsv|json|parquet, ignoreFirstRecord = true )]
 * .set | .append | .set-or-append | .set-or-replace T &lt;| query
 * </pre>
 *
 * Names may be plain identifiers or bracketed ({@code ['my table']}); keywords are case-insensitive.
 */
public final class TableCommandParser extends TokenParser {
    /** The commands this parser reads, as users spell them. */
    public static final List<String> COMMANDS = List.of(".create table", ".create-merge table", ".drop table",
            ".show table <T> schema", ".ingest inline into table", ".ingest into table", ".set", ".append",
            ".set-or-append", ".set-or-replace");

    private static final List<String> VERBS = List.of("create", "create-merge", "drop", "ingest", "set", "append",
            "set-or-append", "set-or-replace");
    private static final List<String> INGEST_PROPERTIES = List.of("format", "ignoreFirstRecord");

    /** A property value of a {@code with} clause and the token it came from, for errors. */
    private record Property(Object value, Token at) {
    }

    private TableCommandParser(SourceText source, int offset) {
        super(source, offset);
    }

    /**
     * True when {@code verb} (the word after the leading dot, e.g. {@code create}, {@code set}) starts a table
     * command, or {@code .show table}.
     */
    public static boolean startsTableCommand(String text) {
        TableCommandParser p = new TableCommandParser(new SourceText(text), 0);
        if (!p.current.isSymbol(".")) {
            return false;
        }
        p.advance();
        String verb = p.commandWord();
        if (verb.equals("show")) {
            return p.current.isKeyword("table");
        }
        return VERBS.contains(verb);
    }

    /** Parses a whole table command; {@link #startsTableCommand} must have said yes. */
    public static TableCommand parse(SourceText source) {
        TableCommandParser p = new TableCommandParser(source, 0);
        p.expectSymbol(".", "expected a control command");
        Token verbToken = p.current;
        String verb = p.commandWord();
        TableCommand command = switch (verb) {
            case "create", "create-merge" -> p.create(verb.equals("create-merge"));
            case "drop" -> p.drop();
            case "show" -> p.showSchema();
            case "ingest" -> p.ingest();
            case "set" -> p.store(TableCommand.StoreMode.SET);
            case "append" -> p.store(TableCommand.StoreMode.APPEND);
            case "set-or-append" -> p.store(TableCommand.StoreMode.SET_OR_APPEND);
            case "set-or-replace" -> p.store(TableCommand.StoreMode.SET_OR_REPLACE);
            default -> throw p.error("unknown table command '." + verb + "' (supported: "
                    + String.join(", ", COMMANDS) + ")", verbToken);
        };
        return command;
    }

    private TableCommand create(boolean merge) {
        expectKeyword("table", "expected 'table' after '." + (merge ? "create-merge" : "create") + "'");
        String table = name("a table name");
        expectSymbol("(", "expected '(' and the columns of table '" + table + "'");
        Map<String, Column> columns = new LinkedHashMap<>();
        do {
            Token at = current;
            String column = name("a column name");
            expectSymbol(":", "expected ':' and a type after column '" + column + "'");
            Token typeToken = advance();
            KqlType type = KqlType.byName(typeToken.text()).filter(t -> typeToken.kind() == TokenKind.IDENTIFIER)
                    .orElseThrow(() -> error("unknown type " + typeToken.describe() + " of column '" + column
                            + "' (valid types: " + KqlType.validNames() + ")", typeToken));
            if (columns.put(column, new Column(column, type)) != null) {
                throw error("column '" + column + "' is declared twice", at);
            }
        } while (acceptSymbol(","));
        expectSymbol(")", "expected ',' or ')' after a column");
        expectEnd("at the end of the command");
        return new TableCommand.CreateTable(table, new Schema(List.copyOf(columns.values())), merge);
    }

    private TableCommand drop() {
        expectKeyword("table", "expected 'table' after '.drop' (only tables can be dropped)");
        String table = name("a table name");
        boolean ifExists = acceptKeyword("ifexists");
        expectEnd("at the end of the command");
        return new TableCommand.DropTable(table, ifExists);
    }

    private TableCommand showSchema() {
        expectKeyword("table", "expected 'table' after '.show'");
        String table = name("a table name");
        if (!acceptKeyword("schema") && !acceptKeyword("cslschema")) {
            throw error("expected 'schema' or 'cslschema' after the table name but found " + current.describe(),
                    current);
        }
        if (acceptKeyword("as")) {
            expectKeyword("json", "expected 'json' after 'as'");
        }
        expectEnd("at the end of the command");
        return new TableCommand.ShowTableSchema(table);
    }

    private TableCommand ingest() {
        boolean inline = acceptKeyword("inline");
        expectKeyword("into", "expected " + (inline ? "" : "'inline' or ") + "'into' after '.ingest'");
        expectKeyword("table", "expected 'table' after 'into'");
        String table = name("a table name");
        if (inline) {
            Map<String, Property> properties = acceptKeyword("with") ? withClause() : Map.of();
            IngestFormat format = format(properties);
            if (format == IngestFormat.PARQUET) {
                throw error("inline ingestion reads text records: format 'parquet' needs '.ingest into table'"
                        + " with a file", current);
            }
            if (properties.containsKey("ignoreFirstRecord")) {
                throw error("ignoreFirstRecord applies to '.ingest into table' from files, not to inline records",
                        properties.get("ignoreFirstRecord").at());
            }
            Token arrow = current;
            if (!arrow.isSymbol("<|")) {
                throw error("expected '<|' and the records to ingest but found " + arrow.describe(), arrow);
            }
            return new TableCommand.IngestInline(table, format, inlineData(arrow.end()));
        }
        expectSymbol("(", "expected '(' and the files to ingest");
        List<String> sources = new ArrayList<>();
        do {
            Token file = advance();
            if (file.kind() != TokenKind.STRING) {
                throw error("expected a file path or file:// URL as a string literal but found " + file.describe(),
                        file);
            }
            StringBuilder value = new StringBuilder((String) file.value());
            while (current.kind() == TokenKind.STRING) {
                value.append((String) advance().value());
            }
            sources.add(value.toString());
        } while (acceptSymbol(","));
        expectSymbol(")", "expected ',' or ')' after a file");
        Map<String, Property> properties = acceptKeyword("with") ? withClause() : Map.of();
        expectEnd("at the end of the command");
        Property ignoreFirst = properties.get("ignoreFirstRecord");
        if (ignoreFirst != null && !(ignoreFirst.value() instanceof Boolean)) {
            throw error("property 'ignoreFirstRecord' must be true or false", ignoreFirst.at());
        }
        return new TableCommand.IngestFrom(table, sources, format(properties),
                ignoreFirst != null && (Boolean) ignoreFirst.value());
    }

    private IngestFormat format(Map<String, Property> properties) {
        Property format = properties.get("format");
        if (format == null) {
            return IngestFormat.CSV;
        }
        return IngestFormat.byName(format.value().toString()).orElseThrow(() -> error("unknown ingestion format '"
                + format.value() + "' (valid formats: " + IngestFormat.validNames() + ")", format.at()));
    }

    private TableCommand store(TableCommand.StoreMode mode) {
        String table = name("a table name");
        if (current.isKeyword("with")) {
            // ADX's extent tags, creation times and schema options mean nothing to the embedded database
            throw error("properties of " + mode.command() + " are not supported by the embedded database", current);
        }
        Token arrow = current;
        if (!arrow.isSymbol("<|")) {
            throw error("expected '<|' and the query whose rows " + mode.command() + " stores but found "
                    + arrow.describe(), arrow);
        }
        String rest = source.text().substring(arrow.end());
        String query = rest.strip();
        if (query.isEmpty()) {
            throw error("expected a query after '<|'", arrow);
        }
        return new TableCommand.StoreQueryResult(table, mode, query, source,
                arrow.end() + (rest.length() - rest.stripLeading().length()));
    }

    /** The records after {@code <|}: blanks and one line break after the arrow are not part of them. */
    private String inlineData(int from) {
        String text = source.text();
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (text.startsWith("\r\n", i)) {
            i += 2;
        } else if (i < text.length() && text.charAt(i) == '\n') {
            i++;
        }
        return text.substring(i);
    }

    /** {@code with ( name = value, ... )}: the ingestion properties this engine knows. */
    private Map<String, Property> withClause() {
        expectSymbol("(", "expected '(' after 'with'");
        Map<String, Property> properties = new LinkedHashMap<>();
        do {
            Token name = advance();
            if (name.kind() != TokenKind.IDENTIFIER) {
                throw error("expected a property name but found " + name.describe(), name);
            }
            String canonical = INGEST_PROPERTIES.stream().filter(p -> p.equalsIgnoreCase(name.text())).findFirst()
                    .orElseThrow(() -> error("unknown property '" + name.text() + "'"
                            + Suggestions.didYouMean(name.text(), INGEST_PROPERTIES) + " (valid properties: "
                            + String.join(", ", INGEST_PROPERTIES) + ")", name));
            expectSymbol("=", "expected '=' after property '" + name.text() + "'");
            Token value = advance();
            Object parsed = switch (value.kind()) {
                case STRING -> value.value();
                case IDENTIFIER -> value.isKeyword("true") ? Boolean.TRUE
                        : value.isKeyword("false") ? Boolean.FALSE : value.text();
                default -> throw error("expected a value for property '" + name.text() + "' but found "
                        + value.describe(), value);
            };
            if (properties.put(canonical, new Property(parsed, value)) != null) {
                throw error("property '" + canonical + "' is given more than once", name);
            }
        } while (acceptSymbol(","));
        expectSymbol(")", "expected ',' or ')' in the 'with' clause");
        return properties;
    }








}

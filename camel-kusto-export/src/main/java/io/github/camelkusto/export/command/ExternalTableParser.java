package io.github.camelkusto.export.command;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.syntax.SourceText;
import io.github.camelkusto.kql.syntax.TimespanUnits;
import io.github.camelkusto.kql.syntax.Token;
import io.github.camelkusto.kql.syntax.TokenKind;
import io.github.camelkusto.kql.types.KqlType;

/**
 * The external table commands, as ADX writes them:
 *
 * <pre>
 * (.create | .alter | .create-or-alter) external table T ( col:type [, ...] ) kind = storage
 *     [partition by ( Name:type = Column | hash(Column, n) | bin(Column, span) | startofday(Column) ... [, ...] )]
 *     [pathformat = ( "literal" | Name | datetime_pattern("yyyy/MM/dd", Name) ... )]
 *     dataformat = csv|tsv|json|parquet ( 'connection string' [, ...] ) [with ( name = value [, ...] )]
 * .drop external table T [ifexists]
 * .show external tables
 * .show external table T schema [as json]
 * </pre>
 */
final class ExternalTableParser extends CommandTokenParser {
    private static final Set<String> DATETIME_FUNCTIONS = Set.of("startofday", "startofweek", "startofmonth",
            "startofyear");
    private static final Duration DAY = Duration.ofDays(1);

    private ExternalTableParser(SourceText source) {
        super(source);
    }

    /** Whether the text is one of the external table commands (checked before the table commands claim it). */
    static boolean starts(String text) {
        ExternalTableParser p = new ExternalTableParser(new SourceText(text));
        if (!p.acceptSymbol(".")) {
            return false;
        }
        String verb = p.commandWord();
        return (verb.equals("create") || verb.equals("alter") || verb.equals("create-or-alter")
                || verb.equals("drop") || verb.equals("show")) && p.current.isKeyword("external");
    }

    static ExternalTableCommand parse(SourceText source) {
        ExternalTableParser p = new ExternalTableParser(source);
        p.expectSymbol(".", "expected a control command");
        String verb = p.commandWord();
        p.expectKeyword("external", "expected 'external'");
        ExternalTableCommand command = switch (verb) {
            case "show" -> p.show();
            case "drop" -> p.drop();
            default -> p.define(switch (verb) {
                case "create" -> ExternalTableCommand.Verb.CREATE;
                case "alter" -> ExternalTableCommand.Verb.ALTER;
                default -> ExternalTableCommand.Verb.CREATE_OR_ALTER;
            });
        };
        p.expectEnd("at the end of the command");
        return command;
    }

    private ExternalTableCommand show() {
        if (acceptKeyword("tables")) {
            return new ExternalTableCommand(ExternalTableCommand.Verb.SHOW_ALL, Optional.empty(), Optional.empty(),
                    false);
        }
        expectKeyword("table", "expected 'tables' or 'table T schema' after '.show external'");
        String table = name("an external table name");
        expectKeyword("schema", "expected 'schema' after the external table name");
        if (acceptKeyword("as")) {
            expectKeyword("json", "expected 'json' after 'as'");
        }
        return new ExternalTableCommand(ExternalTableCommand.Verb.SHOW_SCHEMA, Optional.of(table), Optional.empty(),
                false);
    }

    private ExternalTableCommand drop() {
        expectKeyword("table", "expected 'table' after '.drop external'");
        String table = name("an external table name");
        boolean ifExists = acceptKeyword("ifexists");
        return new ExternalTableCommand(ExternalTableCommand.Verb.DROP, Optional.of(table), Optional.empty(),
                ifExists);
    }

    private ExternalTableCommand define(ExternalTableCommand.Verb verb) {
        expectKeyword("table", "expected 'table' after 'external'");
        String table = name("an external table name");
        Schema schema = schema(table);
        expectKeyword("kind", "expected 'kind = storage' after the schema");
        expectSymbol("=", "expected '=' after 'kind'");
        Token kind = advance();
        if (!kind.isKeyword("storage") && !kind.isKeyword("blob") && !kind.isKeyword("adl")) {
            throw error("external table kind " + kind.describe() + " is not supported here (valid kinds: storage)",
                    kind);
        }
        List<ExternalTablePartition> partitions = List.of();
        if (acceptKeyword("partition")) {
            expectKeyword("by", "expected 'by' after 'partition'");
            partitions = partitions(schema);
        }
        PathFormat pathFormat = PathFormat.HIVE;
        if (acceptKeyword("pathformat")) {
            if (partitions.isEmpty()) {
                throw error("'pathformat' needs a 'partition by' clause before it", current);
            }
            expectSymbol("=", "expected '=' after 'pathformat'");
            pathFormat = pathFormat(partitions);
        }
        expectKeyword("dataformat", "expected " + (partitions.isEmpty() ? "'partition by', " : "")
                + "'pathformat' or 'dataformat'");
        expectSymbol("=", "expected '=' after 'dataformat'");
        Token formatToken = advance();
        ExportFormat format = ExportFormat.byName(formatToken.text())
                .filter(f -> formatToken.kind() == TokenKind.IDENTIFIER)
                .orElseThrow(() -> error("unknown data format " + formatToken.describe() + " (valid formats: "
                        + ExportFormat.validNames() + ")", formatToken));
        expectSymbol("(", "expected '(' and the storage connection strings");
        List<StorageLiteral> storage = connectionStrings("connection string ");
        expectSymbol(")", "expected ',' or ')' after a connection string");
        ExternalTableDefinition.Properties properties = properties(format);
        return new ExternalTableCommand(verb, Optional.of(table), Optional.of(new ExternalTableDefinition(table,
                schema, partitions, pathFormat, format, storage, properties, source.text())), false);
    }

    private Schema schema(String table) {
        expectSymbol("(", "expected '(' and the columns of external table '" + table + "'");
        Map<String, Column> columns = new LinkedHashMap<>();
        do {
            Token at = current;
            String column = name("a column name");
            KqlType type = type("column '" + column + "'");
            if (columns.put(column, new Column(column, type)) != null) {
                throw error("column '" + column + "' is declared twice", at);
            }
        } while (acceptSymbol(","));
        expectSymbol(")", "expected ',' or ')' after a column");
        return new Schema(List.copyOf(columns.values()));
    }

    private KqlType type(String what) {
        expectSymbol(":", "expected ':' and a type after " + what);
        Token typeToken = advance();
        return KqlType.byName(typeToken.text()).filter(t -> typeToken.kind() == TokenKind.IDENTIFIER)
                .orElseThrow(() -> error("unknown type " + typeToken.describe() + " of " + what + " (valid types: "
                        + KqlType.validNames() + ")", typeToken));
    }

    private List<ExternalTablePartition> partitions(Schema schema) {
        expectSymbol("(", "expected '(' and the partitions after 'partition by'");
        List<ExternalTablePartition> partitions = new ArrayList<>();
        do {
            Token at = current;
            String name = name("a partition name");
            if (partitions.stream().anyMatch(p -> p.name().equalsIgnoreCase(name))) {
                throw error("partition '" + name + "' is declared twice", at);
            }
            KqlType type = type("partition '" + name + "'");
            expectSymbol("=", "expected '=' and the partition's expression (a column, hash(), bin() or"
                    + " startofday()) after partition '" + name + ":" + type.kustoName() + "'");
            partitions.add(partition(name, type, schema));
        } while (acceptSymbol(","));
        expectSymbol(")", "expected ',' or ')' after a partition");
        return partitions;
    }

    private ExternalTablePartition partition(String name, KqlType type, Schema schema) {
        Token first = current;
        String head = name("a column or a partition function");
        if (!current.isSymbol("(")) {
            Column column = column(schema, head, first);
            requireType(name, type, KqlType.STRING, "a column's value", first);
            requireType(name, column.type(), KqlType.STRING, "the column '" + head + "'", first);
            return new ExternalTablePartition(name, type, head, head, false);
        }
        String function = head.toLowerCase(Locale.ROOT);
        advance();
        Token columnToken = current;
        Column column = column(schema, name("a column name"), columnToken);
        ExternalTablePartition partition;
        if (function.equals("hash")) {
            expectSymbol(",", "expected ',' and the number of hash partitions");
            Token modulo = advance();
            if (modulo.kind() != TokenKind.LONG || (Long) modulo.value() < 1) {
                throw error("hash() partitions need a positive whole number of partitions but found "
                        + modulo.describe(), modulo);
            }
            requireType(name, type, KqlType.LONG, "hash()", first);
            partition = new ExternalTablePartition(name, type, column.name(), "hash(" + column.name() + ", "
                    + modulo.value() + ")", false);
        } else if (function.equals("bin")) {
            expectSymbol(",", "expected ',' and the bin size (a timespan such as 1d)");
            int from = current.start();
            while (current.kind() != TokenKind.END && !current.isSymbol(")")) {
                advance();
            }
            String sizeText = source.text().substring(from, current.start()).strip();
            Duration size = TimespanUnits.parse(sizeText);
            if (size == null || size.isNegative() || size.isZero()) {
                throw error("bin() partitions need a positive timespan such as 1d or 1h but found '" + sizeText
                        + "'", current);
            }
            requireType(name, type, KqlType.DATETIME, "bin()", first);
            requireType(name, column.type(), KqlType.DATETIME, "the column '" + column.name() + "'", columnToken);
            partition = new ExternalTablePartition(name, type, column.name(), "bin(" + column.name() + ", "
                    + sizeText + ")", size.toNanos() % DAY.toNanos() == 0);
        } else if (DATETIME_FUNCTIONS.contains(function)) {
            requireType(name, type, KqlType.DATETIME, function + "()", first);
            requireType(name, column.type(), KqlType.DATETIME, "the column '" + column.name() + "'", columnToken);
            partition = new ExternalTablePartition(name, type, column.name(), function + "(" + column.name() + ")",
                    true);
        } else {
            throw error("unknown partition function '" + head + "' (valid: hash, bin, "
                    + String.join(", ", DATETIME_FUNCTIONS.stream().sorted().toList()) + ", or a string column)",
                    first);
        }
        expectSymbol(")", "expected ')' after the arguments of " + function + "()");
        return partition;
    }

    private Column column(Schema schema, String name, Token at) {
        return schema.indexOf(name).map(schema::column).orElseThrow(() -> error("unknown column '" + name
                + "' (the table's columns: " + String.join(", ", schema.names()) + ")", at));
    }

    private void requireType(String partition, KqlType actual, KqlType wanted, String what, Token at) {
        if (actual != wanted) {
            throw error("partition '" + partition + "': " + what + " needs type " + wanted.kustoName() + ", not "
                    + actual.kustoName(), at);
        }
    }

    private PathFormat pathFormat(List<ExternalTablePartition> partitions) {
        expectSymbol("(", "expected '(' and the path format");
        List<PathFormat.Element> elements = new ArrayList<>();
        while (!current.isSymbol(")")) {
            Token t = current;
            if (t.kind() == TokenKind.STRING) {
                advance();
                elements.add(new PathFormat.Literal((String) t.value()));
            } else if (t.isKeyword("datetime_pattern")) {
                advance();
                expectSymbol("(", "expected '(' after 'datetime_pattern'");
                Token pattern = advance();
                if (pattern.kind() != TokenKind.STRING) {
                    throw error("expected a datetime pattern string such as \"yyyy/MM/dd\" but found "
                            + pattern.describe(), pattern);
                }
                try {
                    DateTimeFormatter.ofPattern((String) pattern.value());
                } catch (IllegalArgumentException e) {
                    throw error("invalid datetime pattern: " + e.getMessage(), pattern);
                }
                expectSymbol(",", "expected ',' and a partition name");
                Token at = current;
                ExternalTablePartition partition = partition(partitions, name("a partition name"), at);
                if (partition.type() != KqlType.DATETIME) {
                    throw error("datetime_pattern() needs a datetime partition; '" + partition.name() + "' is "
                            + partition.type().kustoName(), at);
                }
                expectSymbol(")", "expected ')' after the partition name");
                elements.add(new PathFormat.PartitionValue(partition.name(),
                        Optional.of((String) pattern.value())));
            } else if (t.kind() == TokenKind.IDENTIFIER || t.isSymbol("[")) {
                elements.add(new PathFormat.PartitionValue(partition(partitions, name("a partition name"), t).name(),
                        Optional.empty()));
            } else {
                throw error("expected a string, a partition name, datetime_pattern(...) or ')' in the path format"
                        + " but found " + t.describe(), t);
            }
        }
        Token close = advance();
        for (ExternalTablePartition partition : partitions) {
            boolean used = elements.stream().anyMatch(e -> e instanceof PathFormat.PartitionValue v
                    && v.partition().equals(partition.name()));
            if (!used) {
                throw error("the path format does not use partition '" + partition.name() + "': every partition"
                        + " must appear in it", close);
            }
        }
        return new PathFormat(elements);
    }

    private ExternalTablePartition partition(List<ExternalTablePartition> partitions, String name, Token at) {
        return partitions.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> error(
                "unknown partition '" + name + "' (the partitions: " + String.join(", ",
                        partitions.stream().map(ExternalTablePartition::name).toList()) + ")", at));
    }

    /** The table's {@code with} clause; the artifact properties are checked as an export's are. */
    private ExternalTableDefinition.Properties properties(ExportFormat format) {
        Optional<String> folder = Optional.empty();
        Optional<String> docString = Optional.empty();
        boolean compressed = false;
        ExportProperties.Builder artifact = ExportProperties.builder();
        Map<String, Property> given = new LinkedHashMap<>();
        if (acceptKeyword("with")) {
            for (Property property : withClause()) {
                String name = ExternalTableDefinition.Properties.NAMES.stream()
                        .filter(n -> n.equalsIgnoreCase(property.name().text())).findFirst()
                        .orElseThrow(() -> error("unknown property '" + property.name().text() + "' of an external"
                                + " table (valid properties: " + String.join(", ",
                                        ExternalTableDefinition.Properties.NAMES) + ")", property.name()));
                if (given.put(name, property) != null) {
                    throw error("property '" + name + "' is given more than once", property.name());
                }
                switch (name) {
                    case "folder", "docString" -> {
                        if (!(property.parsed() instanceof String text)) {
                            throw error("property '" + name + "' must be a string", property.value());
                        }
                        if (name.equals("folder")) {
                            folder = Optional.of(text);
                        } else {
                            docString = Optional.of(text);
                        }
                    }
                    case "compressed" -> {
                        if (!(property.parsed() instanceof Boolean flag)) {
                            throw error("property 'compressed' must be true or false", property.value());
                        }
                        compressed = flag;
                    }
                    default -> {
                        try {
                            artifact.set(name, property.parsed());
                        } catch (InvalidPropertyException e) {
                            throw error(e.getMessage(), property.value());
                        }
                    }
                }
            }
        }
        ExportProperties built;
        try {
            built = artifact.build(format, compressed);
        } catch (InvalidPropertyException e) {
            Property property = given.get(e.property());
            throw error(e.getMessage(), property != null ? property.name() : current);
        }
        return new ExternalTableDefinition.Properties(folder, docString, built.includeHeaders(),
                built.fileExtension(), built.encoding(), built.namePrefix(), compressed);
    }
}

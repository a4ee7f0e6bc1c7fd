package io.github.camelkusto.export.command;

import java.util.ArrayList;
import java.util.List;

import io.github.camelkusto.kql.syntax.KustoSyntaxException;
import io.github.camelkusto.kql.syntax.QueryParser;
import io.github.camelkusto.kql.syntax.SourceText;
import io.github.camelkusto.kql.syntax.Token;
import io.github.camelkusto.kql.syntax.TokenKind;
import io.github.camelkusto.kql.syntax.TokenParser;

/** What the component's command parsers share: connection-string lists and {@code with (...)} clauses. */
abstract class CommandTokenParser extends TokenParser {

    CommandTokenParser(SourceText source) {
        super(source, 0);
    }

    /** One or more connection strings separated by commas. */
    protected List<StorageLiteral> connectionStrings(String wherePrefix) {
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
                    wherePrefix + (literals.size() + 1) + " at " + source.position(first.start()), source,
                    first.start()));
        } while (acceptSymbol(","));
        return literals;
    }

    /** {@code .show ... | query}: the query's syntax is checked now, its names when it runs over the result. */
    protected PipedShowCommand piped(KustoCommand show) {
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

    /** A name = value pair of a {@code with} clause, with the tokens errors point at. */
    protected record Property(Token name, Token value, Object parsed) {
    }

    protected List<Property> withClause() {
        return withClause(false);
    }

    /**
     * The properties of a {@code with ( name = value [, ...] )} clause; with {@code timespans}, a number written
     * with a timespan unit ({@code 1h}, {@code 10m}) is a {@link java.time.Duration}.
     */
    protected List<Property> withClause(boolean timespans) {
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
            boolean adjacentWord = current.kind() == TokenKind.IDENTIFIER && current.start() == value.end();
            if (timespans && adjacentWord && (value.kind() == TokenKind.LONG || value.kind() == TokenKind.REAL)) {
                Token unit = advance();
                java.time.Duration span = io.github.camelkusto.kql.syntax.TimespanUnits.parse(
                        (negative ? "-" : "") + value.text() + unit.text());
                if (span == null) {
                    throw error("'" + unit.text() + "' is not a timespan unit (d, h, m, s, ms ...)", unit);
                }
                properties.add(new Property(name, value, span));
                continue;
            }
            if (value.kind() == TokenKind.LONG && adjacentWord) {
                throw error("property '" + name.text() + "' takes a plain number: the unit '" + current.text()
                        + "' is not allowed (write the value in bytes or records)", current);
            }
            properties.add(new Property(name, value, parsed));
        } while (acceptSymbol(","));
        expectSymbol(")", "expected ',' or ')' in the 'with' clause");
        return properties;
    }

}

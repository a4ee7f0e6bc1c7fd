package io.github.camelkusto.export.kql.syntax;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.github.camelkusto.export.kql.data.Column;
import io.github.camelkusto.export.kql.data.Schema;
import io.github.camelkusto.export.kql.syntax.ast.DataTableLiteral;
import io.github.camelkusto.export.kql.syntax.ast.Pipe;
import io.github.camelkusto.export.kql.syntax.ast.TableReference;
import io.github.camelkusto.export.kql.syntax.ast.TabularExpression;
import io.github.camelkusto.export.kql.syntax.ast.TabularOperator;
import io.github.camelkusto.export.kql.syntax.ast.Take;
import io.github.camelkusto.export.kql.types.KqlType;
import io.github.camelkusto.export.kql.types.KqlValues;

/**
 * Parses a KQL query into a {@link TabularExpression}. Supported so far: a table reference or a
 * {@code datatable(...)[...]} source, followed by {@code take}/{@code limit}.
 */
public final class QueryParser {
    private final SourceText source;
    private final List<Token> tokens;
    private int index;

    private QueryParser(SourceText source) {
        this.source = source;
        this.tokens = Lexer.tokenize(source);
    }

    public static TabularExpression parse(String query) {
        return parse(new SourceText(query));
    }

    public static TabularExpression parse(SourceText source) {
        QueryParser parser = new QueryParser(source);
        TabularExpression expression = parser.tabularExpression();
        parser.expectEnd();
        return expression;
    }

    private TabularExpression tabularExpression() {
        TabularExpression expression = tabularSource();
        while (peek().isSymbol("|")) {
            advance();
            expression = new Pipe(expression, tabularOperator());
        }
        return expression;
    }

    private TabularExpression tabularSource() {
        Token t = peek();
        if (t.isKeyword("datatable")) {
            return dataTable();
        }
        if (t.kind() == TokenKind.IDENTIFIER) {
            advance();
            return new TableReference(t.text(), t.start());
        }
        throw error("expected a table name or datatable(...) but found " + t.describe(), t);
    }

    private TabularOperator tabularOperator() {
        Token t = advance();
        if (t.isKeyword("take") || t.isKeyword("limit")) {
            Token n = advance();
            if (n.kind() != TokenKind.LONG || (Long) n.value() < 0) {
                throw error(t.text() + " expects a non-negative integer but found " + n.describe(), n);
            }
            return new Take((Long) n.value(), t.start());
        }
        if (t.kind() == TokenKind.IDENTIFIER) {
            throw error("the '" + t.text() + "' operator is not supported by the embedded engine yet"
                    + " (supported: take, limit)", t);
        }
        throw error("expected a tabular operator after '|' but found " + t.describe(), t);
    }

    private DataTableLiteral dataTable() {
        Token keyword = advance();
        expectSymbol("(");
        List<Column> columns = new ArrayList<>();
        do {
            Token name = advance();
            if (name.kind() != TokenKind.IDENTIFIER) {
                throw error("expected a column name but found " + name.describe(), name);
            }
            expectSymbol(":");
            Token typeName = advance();
            KqlType type = KqlType.byName(typeName.text()).orElseThrow(() -> error(
                    "unknown type '" + typeName.text() + "' (valid types: " + KqlType.validNames() + ")", typeName));
            columns.add(new Column(name.text(), type));
        } while (acceptSymbol(","));
        expectSymbol(")");
        expectSymbol("[");
        List<Object> values = new ArrayList<>();
        List<Token> valueTokens = new ArrayList<>();
        if (!peek().isSymbol("]")) {
            do {
                Token at = peek();
                int column = values.size() % columns.size();
                values.add(literal(columns.get(column).type()));
                valueTokens.add(at);
            } while (acceptSymbol(",") && !peek().isSymbol("]"));
        }
        Token close = expectSymbol("]");
        if (values.size() % columns.size() != 0) {
            throw error("datatable has " + values.size() + " values, not a multiple of its " + columns.size()
                    + " columns", close);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i += columns.size()) {
            rows.add(Collections.unmodifiableList(new ArrayList<>(values.subList(i, i + columns.size()))));
        }
        return new DataTableLiteral(new Schema(columns), rows, keyword.start());
    }

    /** A literal value of {@code type}, with Kusto's rules: numbers widen to real, typed nulls. */
    private Object literal(KqlType type) {
        Token t = advance();
        boolean negative = false;
        if (t.isSymbol("-") || t.isSymbol("+")) {
            negative = t.isSymbol("-");
            t = advance();
        }
        Token at = t;
        try {
            return switch (t.kind()) {
                case LONG -> numberAs(type, negative ? -(Long) t.value() : (Long) t.value(), at);
                case REAL -> realAs(type, negative ? -(Double) t.value() : (Double) t.value(), at);
                case STRING -> {
                    if (type != KqlType.STRING) {
                        throw mismatch(type, at);
                    }
                    yield t.value();
                }
                case IDENTIFIER -> {
                    String word = t.text().toLowerCase(Locale.ROOT);
                    if ((word.equals("true") || word.equals("false")) && type == KqlType.BOOL) {
                        yield Boolean.valueOf(word);
                    }
                    throw mismatch(type, at);
                }
                case TYPED_LITERAL -> typedLiteral(type, t);
                default -> throw error("expected a " + type.kustoName() + " value but found " + t.describe(), t);
            };
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage(), at);
        }
    }

    private Object numberAs(KqlType type, long value, Token at) {
        return switch (type) {
            case INT -> {
                if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                    throw error(value + " is out of the range of int", at);
                }
                yield (int) value;
            }
            case LONG -> value;
            case REAL -> (double) value;
            case DECIMAL -> BigDecimal.valueOf(value);
            default -> throw mismatch(type, at);
        };
    }

    private Object realAs(KqlType type, double value, Token at) {
        return switch (type) {
            case REAL -> value;
            case DECIMAL -> BigDecimal.valueOf(value);
            default -> throw mismatch(type, at);
        };
    }

    private Object typedLiteral(KqlType columnType, Token t) {
        KqlType literalType = KqlType.byName(t.text()).orElseThrow();
        if (literalType != columnType) {
            throw mismatch(columnType, t);
        }
        return KqlValues.parse(literalType, (String) t.value());
    }

    private KustoSyntaxException mismatch(KqlType expected, Token found) {
        return error("expected a " + expected.kustoName() + " value but found " + found.describe(), found);
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token advance() {
        Token t = tokens.get(index);
        if (t.kind() != TokenKind.END) {
            index++;
        }
        return t;
    }

    private boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            advance();
            return true;
        }
        return false;
    }

    private Token expectSymbol(String symbol) {
        Token t = advance();
        if (!t.isSymbol(symbol)) {
            throw error("expected '" + symbol + "' but found " + t.describe(), t);
        }
        return t;
    }

    private void expectEnd() {
        Token t = peek();
        if (t.kind() != TokenKind.END) {
            throw error("unexpected " + t.describe() + " after the end of the query", t);
        }
    }

    private KustoSyntaxException error(String problem, Token at) {
        return new KustoSyntaxException(problem, source, at.start());
    }
}

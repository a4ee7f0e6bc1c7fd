package io.github.camelkusto.kql.syntax;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.syntax.ast.Expr;
import io.github.camelkusto.kql.syntax.ast.Query;
import io.github.camelkusto.kql.syntax.ast.TabularExpression;
import io.github.camelkusto.kql.syntax.ast.TabularOperator;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;

/**
 * Parses a KQL query into a {@link Query}: {@code let} statements and a tabular expression. Recursive descent
 * with Kusto's precedence, lowest first: {@code or}, {@code and}, comparisons and string operators
 * ({@code == != < <= > >= =~ !~ has contains startswith in between matches regex ...}, not associative),
 * {@code + -}, {@code * / %}, unary {@code -}, postfix ({@code .member}, {@code [index]}), primaries.
 * Parses every operator of the language the engine knows, also those it cannot run yet: the binder reports
 * those, so the error points at the operator. Chains of {@code and}/{@code or} become balanced trees; any other
 * nesting is bounded by {@link QueryNesting}, so no query overflows the stack of the parser or of what walks
 * its tree.
 */
public final class QueryParser {
    final SourceText source;

    final TokenCursor tokens;

    final Set<String> tabularLets = new HashSet<>();

    final Set<String> scalarLets = new HashSet<>();

    final QueryNesting nesting;

    final OperatorParser operators;
    final ExpressionParser expressions;
    final FunctionParser functions;

    private QueryParser(SourceText source) {
        this.source = source;
        this.tokens = new TokenCursor(source, 0).lexAll();
        this.nesting = new QueryNesting(source);
        this.operators = new OperatorParser(this);
        this.expressions = new ExpressionParser(this);
        this.functions = new FunctionParser(this);
    }

    public static Query parse(String query) {
        return parse(new SourceText(query));
    }

    public static Query parse(SourceText source) {
        QueryParser parser = new QueryParser(source);
        Query query = parser.query();
        parser.tokens.expectEnd("after the end of the query");
        return query;
    }

    /** One scalar expression alone (for tests and tools). */
    public static Expr parseExpression(SourceText source) {
        QueryParser parser = new QueryParser(source);
        Expr e = parser.expressions.expression();
        parser.tokens.expectEnd("after the end of the query");
        return e;
    }

    private Query query() {
        List<Query.Let> lets = new ArrayList<>();
        while (tokens.peek().isKeyword("let")) {
            lets.add(let());
            tokens.expectSymbol(";");
            while (tokens.acceptSymbol(";")) {
                // empty statements are allowed
            }
        }
        if (tokens.peek().kind() == TokenKind.END) {
            throw tokens.error("expected a tabular expression (the query's result) but found "
                    + tokens.peek().describe(), tokens.peek());
        }
        TabularExpression body = tabularExpression();
        while (tokens.acceptSymbol(";")) {
            if (tokens.peek().kind() != TokenKind.END) {
                throw tokens.error("only the last statement may be a tabular expression: expected the end of the query"
                        + " but found " + tokens.peek().describe(), tokens.peek());
            }
        }
        return new Query(lets, body);
    }

    Query.Let let() {
        Token keyword = tokens.advance();
        Token name = expectName("a name after 'let'");
        String letName = nameOf(name); // ['some name'] names some name
        tokens.expectSymbol("=");
        if (functions.atDefinition()) {
            Query.FunctionLet function = functions.definition(name, keyword);
            tabularLets.remove(letName);
            if (function.tabular()) {
                scalarLets.remove(letName);
            } else {
                scalarLets.add(letName); // a scalar function may be called by its name alone
            }
            return function;
        }
        functions.tabularFunctions.remove(letName);
        int mark = nesting.mark();
        if (isTabularStart(tokens.position())) {
            TabularExpression value = tabularExpression();
            nesting.let(letName, nesting.levelsSince(mark));
            tabularLets.add(letName);
            return new Query.TabularLet(letName, value, keyword.start());
        }
        Expr value = expressions.expression();
        nesting.let(letName, nesting.levelsSince(mark));
        scalarLets.add(letName);
        return new Query.ScalarLet(letName, value, keyword.start());
    }

    /** Does a tabular expression start at token {@code i}? (let values may be either kind) */
    boolean isTabularStart(int i) {
        while (tokens.at(i).isSymbol("(")) {
            i++;
        }
        Token t = tokens.at(i);
        if (t.kind() != TokenKind.IDENTIFIER) {
            return false;
        }
        String word = t.text();
        Token next = tokens.at(i + 1);
        if (word.equals("range") && next.isSymbol("(")) {
            return false; // range(start, stop, step), the function that makes an array (let x = range(1, 10, 1))
        }
        if (Set.of("datatable", "range", "print", "union", "materialize", "external_table", "search")
                .contains(word)) {
            return true;
        }
        if (next.isSymbol("(")) {
            return functions.isTabularCall(i);
        }
        if (tabularLets.contains(word) || functions.tabularFunctions.contains(word) || next.isSymbol("|")) {
            return true;
        }
        return !scalarLets.contains(word) && !ExpressionParser.isBoolWord(word) && (next.isSymbol(";")
                || next.isSymbol(")"));
    }

    TabularExpression tabularExpression() {
        nesting.enter(1, tokens.peek().start());
        int mark = nesting.mark();
        TabularExpression expression = tabularSource();
        int sourceLevels = nesting.levelsSince(mark);
        int pipes = 0;
        while (tokens.peek().isSymbol("|")) {
            expressions.chain(tokens.advance(), sourceLevels); // each pipe nests the expression before it one level deeper
            pipes++;
            expression = new TabularExpression.Pipe(expression, operators.tabularOperator());
        }
        nesting.leave(1 + pipes);
        return expression;
    }

    TabularExpression tabularSource() {
        Token t = tokens.peek();
        if (t.isSymbol("(")) {
            tokens.advance();
            TabularExpression inner = tabularExpression();
            tokens.expectSymbol(")");
            return inner;
        }
        if (t.kind() == TokenKind.IDENTIFIER) {
            switch (t.text()) {
                case "datatable":
                    return dataTable();
                case "range":
                    return range();
                case "print":
                    return print();
                case "search":
                    return operators.searches.searchSource(tokens.advance());
                case "union": {
                    tokens.advance();
                    TabularOperator.UnionOptions options = unionOptions();
                    return new TabularExpression.Union(options, unionTables(), t.start());
                }
                case "external_table": {
                    tokens.advance();
                    tokens.expectSymbol("(");
                    Token name = tokens.advance();
                    if (name.kind() != TokenKind.STRING) {
                        throw tokens.error("expected the external table's name as a string, e.g."
                                + " external_table('T'), but found " + name.describe(), name);
                    }
                    tokens.expectSymbol(")");
                    return new TabularExpression.ExternalTableReference((String) name.value(), t.start());
                }
                case "materialize": {
                    tokens.advance();
                    tokens.expectSymbol("(");
                    TabularExpression inner = tabularExpression();
                    tokens.expectSymbol(")");
                    return inner;
                }
                default:
                    tokens.advance();
                    if (functions.isTabularCall(tokens.position() - 1)) {
                        return functions.call(t);
                    }
                    nesting.use(t.text(), t.start());
                    return new TabularExpression.TableReference(t.text(), t.start());
            }
        }
        if (t.isSymbol("[") && tokens.peek(1).kind() == TokenKind.STRING && tokens.peek(2).isSymbol("]")) {
            tokens.advance();
            Token name = tokens.advance();
            tokens.advance();
            return new TabularExpression.TableReference((String) name.value(), t.start());
        }
        throw tokens.error("expected a table name, datatable, range, print, union or '(' but found " + t.describe(), t);
    }

    TabularExpression range() {
        Token keyword = tokens.advance();
        Token column = expectName("the column name of range");
        tokens.expectKeyword("from");
        Expr from = expressions.expression();
        tokens.expectKeyword("to");
        Expr to = expressions.expression();
        tokens.expectKeyword("step");
        Expr step = expressions.expression();
        return new TabularExpression.Range(column.text(), from, to, step, keyword.start());
    }

    private TabularExpression print() {
        Token keyword = tokens.advance();
        return new TabularExpression.Print(expressions.namedExpressions(), keyword.start());
    }

    TabularOperator.UnionOptions unionOptions() {
        Map<String, Token> options = options(Set.of("kind", "withsource", "isfuzzy"));
        boolean outer = true;
        if (options.containsKey("kind")) {
            Token kind = options.get("kind");
            String k = kind.text().toLowerCase(Locale.ROOT);
            if (!k.equals("inner") && !k.equals("outer")) {
                throw tokens.error("union kind must be inner or outer, not " + kind.describe(), kind);
            }
            outer = k.equals("outer");
        }
        String withSource = options.containsKey("withsource") ? options.get("withsource").text() : null;
        boolean fuzzy = options.containsKey("isfuzzy") && options.get("isfuzzy").text().equalsIgnoreCase("true");
        return new TabularOperator.UnionOptions(outer, withSource, fuzzy);
    }

    List<TabularExpression> unionTables() {
        List<TabularExpression> tables = new ArrayList<>();
        do {
            Token t = tokens.peek();
            if (t.isSymbol("(")) {
                tokens.advance();
                tables.add(tabularExpression());
                tokens.expectSymbol(")");
            } else if (functions.isTabularCall(tokens.position())) {
                tables.add(functions.call(tokens.advance()));
            } else if (t.kind() == TokenKind.IDENTIFIER || t.isSymbol("*")) {
                String pattern = wildcardName();
                if (pattern.contains("*")) {
                    tables.add(new TabularExpression.TablePattern(pattern, t.start()));
                } else {
                    nesting.use(t.text(), t.start());
                    tables.add(new TabularExpression.TableReference(t.text(), t.start()));
                }
            } else {
                throw tokens.error("expected a table name or a parenthesised tabular expression but found "
                        + t.describe(), t);
            }
        } while (tokens.acceptSymbol(","));
        return tables;
    }

    /** A name, or a wildcard pattern of adjacent words and {@code *} ({@code Tab*}, {@code *}); "" when none. */
    String wildcardName() {
        StringBuilder pattern = new StringBuilder();
        Token last = null;
        while ((tokens.peek().kind() == TokenKind.IDENTIFIER || tokens.peek().isSymbol("*"))
                && (last == null || tokens.peek().start() == last.end())) {
            last = tokens.advance();
            pattern.append(last.text());
        }
        return pattern.toString();
    }

    /** {@code name=value} options before an operator's arguments; {@code hint.*} are accepted and ignored. */
    Map<String, Token> options(Set<String> names) {
        Map<String, Token> options = new LinkedHashMap<>();
        while (tokens.peek().kind() == TokenKind.IDENTIFIER) {
            Token name = tokens.peek();
            String key = name.text().toLowerCase(Locale.ROOT);
            int valueAt;
            if (key.equals("hint") && tokens.peek(1).isSymbol(".") && tokens.peek(2).kind() == TokenKind.IDENTIFIER
                    && tokens.peek(3).isSymbol("=")) {
                key = "hint." + tokens.peek(2).text();
                valueAt = 4;
            } else if (names.contains(key) && tokens.peek(1).isSymbol("=")) {
                valueAt = 2;
            } else {
                break;
            }
            tokens.skip(valueAt);
            Token value = tokens.advance();
            if (value.kind() == TokenKind.END || value.kind() == TokenKind.SYMBOL) {
                throw tokens.error("expected a value for " + key + " but found " + value.describe(), value);
            }
            options.put(key, value);
        }
        return options;
    }

    private TabularExpression dataTable() {
        Token keyword = tokens.advance();
        tokens.expectSymbol("(");
        List<Column> columns = new ArrayList<>();
        do {
            Token name = expectName("a column name");
            tokens.expectSymbol(":");
            Token typeName = tokens.advance();
            KqlType type = KqlType.byName(typeName.text()).orElseThrow(() -> unknownType(typeName));
            columns.add(new Column(nameOf(name), type));
        } while (tokens.acceptSymbol(","));
        tokens.expectSymbol(")");
        tokens.expectSymbol("[");
        List<Object> values = new ArrayList<>();
        if (!tokens.peek().isSymbol("]")) {
            do {
                int column = values.size() % columns.size();
                values.add(dataTableValue(columns.get(column).type()));
            } while (tokens.acceptSymbol(",") && !tokens.peek().isSymbol("]"));
        }
        Token close = tokens.expectSymbol("]");
        if (values.size() % columns.size() != 0) {
            throw tokens.error("datatable has " + values.size() + " values, not a multiple of its " + columns.size()
                    + " columns", close);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i += columns.size()) {
            rows.add(Collections.unmodifiableList(new ArrayList<>(values.subList(i, i + columns.size()))));
        }
        return new TabularExpression.DataTableLiteral(new Schema(columns), rows, keyword.start());
    }

    /** A literal value for a datatable column of {@code type}, with Kusto's rules: numbers widen, typed nulls. */
    private Object dataTableValue(KqlType type) {
        Token at = tokens.peek();
        if (at.isSymbol("-") && tokens.peek(1).kind() == TokenKind.LONG
                && tokens.peek(1).text().equals(Lexer.LONG_MIN_MAGNITUDE)) {
            tokens.advance();
            tokens.advance();
            return coerce(Long.MIN_VALUE, KqlType.LONG, type, at);
        }
        Expr e = expressions.unary();
        boolean negate = false;
        if (e instanceof Expr.Unary u && u.operand() instanceof Expr.Literal) {
            negate = u.op().equals("-");
            e = u.operand();
        }
        if (!(e instanceof Expr.Literal literal)) {
            throw tokens.error("expected a " + type.kustoName() + " literal but found an expression", at);
        }
        Object value = literal.value();
        if (value == null) {
            if (literal.type() == type || literal.type() == KqlType.DYNAMIC) {
                return type == KqlType.STRING ? "" : null;
            }
            throw mismatch(type, literal.type(), at);
        }
        if (negate) {
            value = negate(value, at);
        }
        return coerce(value, literal.type(), type, at);
    }

    private Object negate(Object value, Token at) {
        if (value instanceof Long l) {
            return -l;
        } else if (value instanceof Integer i) {
            return -i;
        } else if (value instanceof Double d) {
            return -d;
        } else if (value instanceof BigDecimal b) {
            return b.negate();
        } else if (value instanceof java.time.Duration d) {
            return d.negated();
        }
        throw tokens.error("'-' cannot be applied to this literal", at);
    }

    private Object coerce(Object value, KqlType from, KqlType to, Token at) {
        if (from == to) {
            return value;
        }
        if (value instanceof Number n && (from == KqlType.LONG || from == KqlType.INT || from == KqlType.REAL)) {
            switch (to) {
                case INT:
                    if (from != KqlType.REAL && n.longValue() >= Integer.MIN_VALUE
                            && n.longValue() <= Integer.MAX_VALUE) {
                        return n.intValue();
                    }
                    if (from != KqlType.REAL) {
                        throw tokens.error(n + " is out of the range of int", at);
                    }
                    break;
                case LONG:
                    if (from == KqlType.INT) {
                        return n.longValue();
                    }
                    break;
                case REAL:
                    return n.doubleValue();
                case DECIMAL:
                    return from == KqlType.REAL ? BigDecimal.valueOf(n.doubleValue())
                            : BigDecimal.valueOf(n.longValue());
                case DYNAMIC:
                    return from == KqlType.REAL ? KqlValues.NODES.numberNode(n.doubleValue())
                            : KqlValues.NODES.numberNode(n.longValue());
                default:
                    break;
            }
        }
        if (value instanceof String s && to != KqlType.DYNAMIC) {
            try {
                return KqlValues.parse(to, s); // datatable converts a string literal to its column's type
            } catch (IllegalArgumentException e) {
                throw tokens.error(KustoException.reason(e) + " for a " + to.kustoName() + " column of datatable", at);
            }
        }
        if (to == KqlType.DYNAMIC) {
            if (value instanceof String s) {
                return KqlValues.NODES.textNode(s);
            }
            if (value instanceof Boolean b) {
                return KqlValues.NODES.booleanNode(b);
            }
            return KqlValues.NODES.textNode(KqlValues.render(value));
        }
        throw mismatch(to, from, at);
    }

    private KustoSyntaxException mismatch(KqlType expected, KqlType found, Token at) {
        return tokens.error("expected a " + expected.kustoName() + " value but found a " + found.kustoName()
                + " literal",
                at);
    }

    static String nameOf(Token t) {
        return t.kind() == TokenKind.STRING ? (String) t.value() : t.text();
    }

    /** An identifier, or {@code ['any name']}. */
    Token expectName(String what) {
        Token t = tokens.advance();
        if (t.kind() == TokenKind.IDENTIFIER) {
            return t;
        }
        if (t.isSymbol("[") && tokens.peek().kind() == TokenKind.STRING && tokens.peek(1).isSymbol("]")) {
            Token name = tokens.advance();
            tokens.advance();
            return name;
        }
        throw tokens.error("expected " + what + " but found " + t.describe(), t);
    }

    KustoSyntaxException unknownType(Token typeName) {
        return tokens.error("unknown type '" + typeName.text() + "' (valid types: " + KqlType.validNames() + ")",
                typeName);
    }
}

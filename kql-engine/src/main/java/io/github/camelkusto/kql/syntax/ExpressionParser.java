package io.github.camelkusto.kql.syntax;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.camelkusto.kql.syntax.ast.Expr;
import io.github.camelkusto.kql.syntax.ast.NamedExpr;
import io.github.camelkusto.kql.syntax.ast.TabularExpression;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;
import io.github.camelkusto.kql.types.Ticks;

/**
 * Parses scalar expressions with Kusto's precedence, lowest first: {@code or}, {@code and}, comparisons and string
 * operators ({@code == != < <= > >= =~ !~ has contains startswith in between matches regex ...}, not associative),
 * {@code + -}, {@code * / %}, unary {@code -}, postfix ({@code .member}, {@code [index]}), primaries.
 */
final class ExpressionParser {
    /** Set while a search predicate is parsed, where {@code col:"term"} is a term restricted to a column. */
    boolean searchPredicate;

    final QueryParser parser;
    final TokenCursor tokens;

    ExpressionParser(QueryParser parser) {
        this.parser = parser;
        this.tokens = parser.tokens;
    }

    /** Comparison-level operators written as words; each may be negated with a leading {@code !}. */
    private static final Set<String> WORD_OPERATORS = Set.of(
            "has", "has_cs", "hasprefix", "hasprefix_cs", "hassuffix", "hassuffix_cs", "contains", "contains_cs",
            "startswith", "startswith_cs", "endswith", "endswith_cs", "in", "between", "matches", "has_any",
            "has_all", "like", "notlike");

    /**
     * Words Kusto refuses as a bare new column name ({@code extend first = ...}, {@code parse ... with where:long}):
     * the word operators, {@code where}, {@code and}/{@code or}, the {@code nulls first/last} keywords and
     * {@code missing}. Other
     * operator names ({@code select}, {@code from}, {@code order}, {@code table}) are fine, as in Kusto.
     * {@code ['first']} is always allowed.
     */
    private static final Set<String> RESERVED_NAMES;

    static {
        Set<String> reserved = new HashSet<>(Set.of("where", "and", "or", "first", "last", "missing"));
        for (String w : Set.of("has", "has_cs", "hasprefix", "hasprefix_cs", "hassuffix", "hassuffix_cs", "contains",
                "contains_cs", "startswith", "startswith_cs", "endswith", "endswith_cs", "between", "matches",
                "has_any", "has_all")) {
            reserved.add(w);
        }
        RESERVED_NAMES = Set.copyOf(reserved);
    }

    private static final Set<String> NOT_NEGATABLE = Set.of("matches", "has_any", "has_all");

    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<>", "<", "<=", ">", ">=", "=~", "!~");

    /** Kusto's dynamic literals are relaxed JSON: single quotes and unquoted names are fine. */
    private static final JsonMapper DYNAMIC_LITERAL = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
                    JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    List<NamedExpr> namedExpressions() {
        List<NamedExpr> list = new ArrayList<>();
        do {
            list.add(namedExpression());
        } while (tokens.acceptSymbol(","));
        return list;
    }

    NamedExpr namedExpression() {
        Token t = tokens.peek();
        if (t.kind() == TokenKind.IDENTIFIER && tokens.peek(1).isSymbol("=")) {
            checkNotReserved(t);
            tokens.advance();
            tokens.advance();
            return new NamedExpr(t.text(), expression(), t.start());
        }
        if (t.isSymbol("[") && tokens.peek(1).kind() == TokenKind.STRING && tokens.peek(2).isSymbol("]")
                && tokens.peek(3).isSymbol("=")) {
            tokens.skip(4);
            return new NamedExpr((String) tokens.at(tokens.position() - 3).value(), expression(), t.start());
        }
        if (t.isSymbol("(") && tokens.peek(1).kind() == TokenKind.IDENTIFIER
                && (tokens.peek(2).isSymbol(",") || tokens.peek(2).isSymbol(")") && tokens.peek(3).isSymbol("="))) {
            tokens.advance();
            List<String> names = new ArrayList<>();
            do {
                names.add(QueryParser.nameOf(parser.expectName("a column name")));
            } while (tokens.acceptSymbol(","));
            tokens.expectSymbol(")");
            tokens.expectSymbol("=");
            return new NamedExpr(null, new Expr.TupleNames(names, expression(), t.start()), t.start());
        }
        return new NamedExpr(null, expression(), t.start());
    }

    /** Words Kusto reserves: a column named so must be written ['first']. */
    Expr expression() {
        parser.nesting.enter(1, tokens.peek().start());
        Expr e = logical("or");
        parser.nesting.leave(1);
        return e;
    }

    /** {@code a or b or ...} ({@code op} "or") of and-chains, or {@code a and b and ...} of comparisons. */
    private Expr logical(String op) {
        Expr first = op.equals("or") ? logical("and") : comparison();
        if (!tokens.peek().isKeyword(op)) {
            return first;
        }
        List<Expr> operands = new ArrayList<>(List.of(first));
        List<Integer> offsets = new ArrayList<>();
        while (tokens.peek().isKeyword(op)) {
            offsets.add(tokens.advance().start());
            operands.add(op.equals("or") ? logical("and") : comparison());
        }
        return Expr.Binary.associative(op, operands, offsets);
    }

    Expr comparison() {
        Expr left = additive();
        Token t = tokens.peek();
        if (t.kind() == TokenKind.SYMBOL && COMPARISONS.contains(t.text())) {
            tokens.advance();
            String op = t.text().equals("<>") ? "!=" : t.text();
            return new Expr.Binary(op, left, additive(), t.start());
        }
        boolean negated = false;
        Token word = t;
        if (t.isSymbol("!") && tokens.peek(1).kind() == TokenKind.IDENTIFIER && tokens.peek(1).start() == t.end()
                && WORD_OPERATORS.contains(tokens.peek(1).text().toLowerCase(Locale.ROOT))
                && !NOT_NEGATABLE.contains(tokens.peek(1).text().toLowerCase(Locale.ROOT))) {
            negated = true;
            word = tokens.peek(1);
        }
        if (word.kind() != TokenKind.IDENTIFIER || !WORD_OPERATORS.contains(word.text().toLowerCase(Locale.ROOT))) {
            return left;
        }
        if (negated) {
            tokens.advance();
        }
        tokens.advance();
        String op = word.text().toLowerCase(Locale.ROOT);
        if (op.equals("matches")) {
            tokens.expectKeyword("regex");
            op = "matches regex";
        }
        if (op.equals("in") && tokens.peek().isSymbol("~") && tokens.peek().start() == word.end()) {
            tokens.advance();
            op = "in~";
        }
        String full = (negated ? "!" : "") + op;
        if (op.equals("between")) {
            tokens.expectSymbol("(");
            Expr low = additive();
            tokens.expectSymbol("..");
            Expr high = additive();
            tokens.expectSymbol(")");
            return new Expr.Between(negated, left, low, high, t.start());
        }
        if (op.startsWith("in") || op.equals("has_any") || op.equals("has_all")) {
            tokens.expectSymbol("(");
            List<Expr> items = new ArrayList<>();
            if (parser.isTabularStart(tokens.position()) && !(tokens.peek().kind() == TokenKind.IDENTIFIER
                    && tokens.peek(1).isSymbol(")")
                    && !parser.tabularLets.contains(tokens.peek().text()))) {
                throw tokens.error("'" + full
                        + "' over a tabular expression is not supported by the embedded engine yet",
                        tokens.peek());
            }
            if (!tokens.peek().isSymbol(")")) {
                do {
                    items.add(expression());
                } while (tokens.acceptSymbol(","));
            }
            tokens.expectSymbol(")");
            return new Expr.ListOp(full, left, items, t.start());
        }
        return new Expr.Binary(full, left, additive(), t.start());
    }

    /** Left-associative arithmetic: each operator nests the chain before it one level deeper. */
    Expr additive() {
        int mark = parser.nesting.mark();
        Expr left = multiplicative();
        int firstLevels = parser.nesting.levelsSince(mark);
        int chained = 0;
        while (tokens.peek().isSymbol("+") || tokens.peek().isSymbol("-")) {
            Token op = tokens.advance();
            chain(op, firstLevels);
            chained++;
            left = new Expr.Binary(op.text(), left, multiplicative(), op.start());
        }
        parser.nesting.leave(chained);
        return left;
    }

    private Expr multiplicative() {
        int mark = parser.nesting.mark();
        Expr left = unary();
        int firstLevels = parser.nesting.levelsSince(mark);
        int chained = 0;
        while (tokens.peek().isSymbol("*") || tokens.peek().isSymbol("/") || tokens.peek().isSymbol("%")) {
            Token op = tokens.advance();
            chain(op, firstLevels);
            chained++;
            left = new Expr.Binary(op.text(), left, unary(), op.start());
        }
        parser.nesting.leave(chained);
        return left;
    }

    Expr unary() {
        Token t = tokens.peek();
        if (t.isSymbol("-") || t.isSymbol("+")) {
            tokens.advance();
            parser.nesting.enter(1, t.start());
            Expr operand = unary();
            parser.nesting.leave(1);
            return new Expr.Unary(t.text(), operand, t.start());
        }
        int mark = parser.nesting.mark();
        Expr primary = primary();
        return postfix(primary, parser.nesting.levelsSince(mark));
    }

    /**
     * One more link of a left-associative chain ({@code a + b + c}, pipes, {@code d.a.b}): the chain so far
     * nests one level deeper, its first operand ({@code firstLevels} deep) with it.
     */
    void chain(Token link, int firstLevels) {
        parser.nesting.enter(1, link.start());
        parser.nesting.reach(firstLevels, link.start());
    }

    private Expr postfix(Expr e, int firstLevels) {
        int chained = 0;
        while (true) {
            Token t = tokens.peek();
            if (t.isSymbol(".") && (tokens.peek(1).kind() == TokenKind.IDENTIFIER)) {
                tokens.advance();
                Token name = tokens.advance();
                chain(t, firstLevels);
                chained++;
                e = new Expr.Member(e, name.text(), t.start());
            } else if (t.isSymbol(".") && tokens.peek(1).isSymbol("[")) {
                tokens.advance(); // d.['a b']
            } else if (t.isSymbol("[")) {
                tokens.advance();
                chain(t, firstLevels);
                chained++;
                Expr i = expression();
                tokens.expectSymbol("]");
                e = new Expr.Index(e, i, t.start());
            } else {
                parser.nesting.leave(chained);
                return e;
            }
        }
    }

    Expr primary() {
        Token t = tokens.advance();
        switch (t.kind()) {
            case LONG:
            case REAL: {
                Token unit = tokens.peek();
                if (unit.kind() == TokenKind.IDENTIFIER && unit.start() == t.end()
                        && TimespanUnits.ticksPer(unit.text()).isPresent()) {
                    tokens.advance();
                    double amount = ((Number) t.value()).doubleValue();
                    return new Expr.Literal(KqlType.TIMESPAN,
                            Ticks.toDuration(TimespanUnits.ticks(amount, unit.text())), t.start());
                }
                if (t.kind() == TokenKind.LONG) {
                    if (t.text().equals(Lexer.LONG_MIN_MAGNITUDE)) {
                        throw tokens.error("integer literal " + t.text() + " is out of the range of long", t);
                    }
                    return new Expr.Literal(KqlType.LONG, t.value(), t.start());
                }
                return new Expr.Literal(KqlType.REAL, t.value(), t.start());
            }
            case STRING:
                return new Expr.Literal(KqlType.STRING, t.value(), t.start());
            case TYPED_LITERAL:
                return typedLiteral(t);
            case IDENTIFIER: {
                if (searchPredicate && tokens.peek().isSymbol(":") && tokens.peek(1).kind() == TokenKind.STRING) {
                    // search's column-restricted term, col:"term" (the search page: where col has "term")
                    tokens.advance();
                    Token term = tokens.advance();
                    return new Expr.Call(io.github.camelkusto.kql.syntax.ast.TabularOperator.Search.COLUMN_TERM, List.of(new Expr.NameRef(t.text(), t.start()),
                            new Expr.Literal(KqlType.STRING, term.value(), term.start())), t.start());
                }
                if (isBoolWord(t.text())) {
                    return new Expr.Literal(KqlType.BOOL, Boolean.parseBoolean(t.text().toLowerCase(Locale.ROOT)),
                            t.start());
                }
                if (t.text().equals("toscalar") && tokens.peek().isSymbol("(")) {
                    tokens.advance();
                    parser.options(Set.of("kind"));
                    if (!parser.isTabularStart(tokens.position())) {
                        Expr scalar = expression(); // toscalar of a scalar is that scalar
                        tokens.expectSymbol(")");
                        return scalar;
                    }
                    TabularExpression query = parser.tabularExpression();
                    tokens.expectSymbol(")");
                    return new Expr.ToScalar(query, t.start());
                }
                if (t.text().equals("typeof") && tokens.peek().isSymbol("(") && tokens.peek(2).isSymbol(")")
                        && KqlType.byName(tokens.peek(1).text()).isPresent()) {
                    // typeof(T), the type argument of extract / extract_json, as the constant text "typeof(T)"
                    tokens.advance();
                    Token type = tokens.advance();
                    tokens.advance();
                    return new Expr.Literal(KqlType.STRING, "typeof(" + KqlType.byName(type.text()).orElseThrow()
                            .kustoName() + ")", t.start());
                }
                if (tokens.peek().isSymbol("(")) {
                    tokens.advance();
                    List<Expr> args = new ArrayList<>();
                    if (!tokens.peek().isSymbol(")")) {
                        do {
                            Token a = tokens.peek();
                            if (a.isSymbol("*") && (tokens.peek(1).isSymbol(")") || tokens.peek(1).isSymbol(","))) {
                                tokens.advance();
                                args.add(new Expr.Star(a.start()));
                            } else if (a.kind() == TokenKind.IDENTIFIER && tokens.peek(1).isSymbol("=")) {
                                tokens.skip(2);
                                args.add(new Expr.NamedArgument(a.text(), expression(), a.start()));
                            } else {
                                args.add(expression());
                            }
                        } while (tokens.acceptSymbol(","));
                    }
                    tokens.expectSymbol(")");
                    return new Expr.Call(t.text(), args, t.start());
                }
                parser.nesting.use(t.text(), t.start());
                return new Expr.NameRef(t.text(), t.start());
            }
            case SYMBOL:
                if (t.isSymbol("(")) {
                    Expr inner = expression();
                    tokens.expectSymbol(")");
                    return inner;
                }
                if (t.isSymbol("[") && tokens.peek().kind() == TokenKind.STRING && tokens.peek(1).isSymbol("]")) {
                    Token name = tokens.advance();
                    tokens.advance();
                    return new Expr.NameRef((String) name.value(), t.start());
                }
                if (t.isSymbol("$") && (tokens.peek().isKeyword("left") || tokens.peek().isKeyword("right"))
                        && tokens.peek(1).isSymbol(".")) {
                    Token side = tokens.advance();
                    tokens.advance();
                    Token name = parser.expectName("a column name after $" + side.text() + ".");
                    return new Expr.SideRef(side.text().equalsIgnoreCase("left"), QueryParser.nameOf(name), t.start());
                }
                if (t.isSymbol("*")) {
                    return new Expr.Star(t.start()); // any column: where * has "x" (the binder says where it fits)
                }
                break;
            default:
                break;
        }
        throw tokens.error("expected an expression but found " + t.describe(), t);
    }

    /** A bare new column name must not be one of Kusto's {@link #RESERVED_NAMES}. */
    void checkNotReserved(Token name) {
        if (RESERVED_NAMES.contains(name.text())) {
            throw tokens.error("'" + name.text() + "' is a keyword: write ['" + name.text()
                    + "'] to use it as a column name",
                    name);
        }
    }

    static boolean isBoolWord(String word) {
        return word.equalsIgnoreCase("true") || word.equalsIgnoreCase("false");
    }

    /** {@code datetime(...)}, {@code int(null)}, {@code dynamic([...])}, {@code real(nan)}, ... */
    private Expr typedLiteral(Token t) {
        KqlType type = KqlType.byName(t.text()).orElseThrow();
        String inner = ((String) t.value()).trim();
        int at = t.start();
        if (inner.equalsIgnoreCase("null")) {
            return new Expr.Literal(type, type == KqlType.STRING ? "" : null, at);
        }
        try {
            Object value = switch (type) {
                case BOOL -> switch (inner.toLowerCase(Locale.ROOT)) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException();
                };
                case INT -> Integer.parseInt(inner.startsWith("+") ? inner.substring(1) : inner);
                case LONG -> Long.parseLong(inner.startsWith("+") ? inner.substring(1) : inner);
                case REAL -> KqlValues.parse(KqlType.REAL, inner);
                case DECIMAL -> new BigDecimal(inner);
                case STRING -> unquote(inner);
                case DATETIME -> KqlValues.parseDateTime(unquote(inner));
                case TIMESPAN -> Ticks.toDuration(timespanTicks(unquote(inner)));
                case GUID -> UUID.fromString(inner);
                case DYNAMIC -> DYNAMIC_LITERAL.readTree(unwrapNestedDynamic(inner));
            };
            return new Expr.Literal(type, value, at);
        } catch (Exception e) {
            throw tokens.error("'" + inner + "' is not a valid " + type.kustoName() + " literal", t);
        }
    }

    /**
     * A dynamic literal may hold dynamic literals ({@code dynamic({'a': dynamic({})})}, the dynamic_to_json page):
     * each inner {@code dynamic(...)} outside quotes stands for its content.
     */
    static String unwrapNestedDynamic(String text) {
        if (!text.contains("dynamic")) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        java.util.Deque<Boolean> parens = new java.util.ArrayDeque<>(); // true: the paren of a dynamic( wrapper
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                out.append(c);
            } else if (text.startsWith("dynamic", i) && text.substring(i + "dynamic".length()).stripLeading()
                    .startsWith("(")) {
                i = text.indexOf('(', i);
                parens.push(true);
            } else if (c == '(') {
                parens.push(false);
                out.append(c);
            } else if (c == ')') {
                if (parens.isEmpty() || !parens.pop()) {
                    out.append(c);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && (text.charAt(0) == '"' || text.charAt(0) == '\'')
                && text.charAt(text.length() - 1) == text.charAt(0)) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    /** {@code 1d}, {@code 1.5h}, {@code 2} (days), {@code [-][d.]hh:mm[:ss[.fffffff]]}. */
    private static long timespanTicks(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([+-]?[0-9]*\\.?[0-9]+)\\s*([a-zA-Z]*)")
                .matcher(text);
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            String unit = m.group(2).isEmpty() ? "d" : m.group(2);
            if (TimespanUnits.ticksPer(unit).isEmpty()) {
                throw new IllegalArgumentException(unit);
            }
            return TimespanUnits.ticks(amount, unit);
        }
        String t = text.split(":").length == 2 ? text + ":00" : text;
        return Ticks.of(KqlValues.parseTimespan(t));
    }
}

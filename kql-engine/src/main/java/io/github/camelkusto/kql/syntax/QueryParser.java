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
import java.util.UUID;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.Suggestions;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.syntax.ast.Expr;
import io.github.camelkusto.kql.syntax.ast.NamedExpr;
import io.github.camelkusto.kql.syntax.ast.Query;
import io.github.camelkusto.kql.syntax.ast.SortKey;
import io.github.camelkusto.kql.syntax.ast.TabularExpression;
import io.github.camelkusto.kql.syntax.ast.TabularOperator;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;
import io.github.camelkusto.kql.types.Ticks;

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
    /** Operators of the language that this parser does not know the arguments of. */
    private static final Set<String> OTHER_OPERATORS = Set.of(
            "render", "facet", "fork", "partition",
            "sample", "sample-distinct", "top-hitters", "invoke", "find", "reduce",
            "consume", "extend-schema", "project-smart", "externaldata", "graph-match", "assert-schema");
    private static final List<String> OPERATOR_NAMES = List.of(
            "where", "filter", "project", "project-away", "project-keep", "project-rename", "project-reorder",
            "extend", "summarize", "take", "limit", "sort", "order", "top", "distinct", "count", "union", "join",
            "lookup", "mv-expand", "mv-apply", "evaluate", "parse", "parse-where", "parse-kv", "search", "as",
            "serialize", "getschema", "make-series", "top-nested", "scan");
    /** Kusto's dynamic literals are relaxed JSON: single quotes and unquoted names are fine. */
    private static final JsonMapper DYNAMIC_LITERAL = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
                    JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private final SourceText source;
    private final List<Token> tokens;
    private final Set<String> tabularLets = new HashSet<>();
    private final Set<String> scalarLets = new HashSet<>();
    private final QueryNesting nesting;
    private int index;

    private QueryParser(SourceText source) {
        this.source = source;
        this.tokens = Lexer.tokenize(source);
        this.nesting = new QueryNesting(source);
    }

    public static Query parse(String query) {
        return parse(new SourceText(query));
    }

    public static Query parse(SourceText source) {
        QueryParser parser = new QueryParser(source);
        Query query = parser.query();
        parser.expectEnd();
        return query;
    }

    /** One scalar expression alone (for tests and tools). */
    public static Expr parseExpression(SourceText source) {
        QueryParser parser = new QueryParser(source);
        Expr e = parser.expression();
        parser.expectEnd();
        return e;
    }

    // ------------------------------------------------------------------ statements

    private Query query() {
        List<Query.Let> lets = new ArrayList<>();
        while (peek().isKeyword("let")) {
            lets.add(let());
            expectSymbol(";");
            while (acceptSymbol(";")) {
                // empty statements are allowed
            }
        }
        if (peek().kind() == TokenKind.END) {
            throw error("expected a tabular expression (the query's result) but found " + peek().describe(), peek());
        }
        TabularExpression body = tabularExpression();
        while (acceptSymbol(";")) {
            if (peek().kind() != TokenKind.END) {
                throw error("only the last statement may be a tabular expression: expected the end of the query"
                        + " but found " + peek().describe(), peek());
            }
        }
        return new Query(lets, body);
    }

    private Query.Let let() {
        Token keyword = advance();
        Token name = expectName("a name after 'let'");
        expectSymbol("=");
        if (peek().isSymbol("(") && (peek(1).isSymbol(")") && peek(2).isSymbol("{")
                || peek(1).kind() == TokenKind.IDENTIFIER && peek(2).isSymbol(":"))) {
            throw error("user-defined functions (let " + name.text() + " = (...) { ... }) are not supported by"
                    + " the embedded engine yet", keyword);
        }
        int mark = nesting.mark();
        if (isTabularStart(index)) {
            TabularExpression value = tabularExpression();
            nesting.let(name.text(), nesting.levelsSince(mark));
            tabularLets.add(name.text());
            return new Query.TabularLet(name.text(), value, keyword.start());
        }
        Expr value = expression();
        nesting.let(name.text(), nesting.levelsSince(mark));
        scalarLets.add(name.text());
        return new Query.ScalarLet(name.text(), value, keyword.start());
    }

    /** Does a tabular expression start at token {@code i}? (let values may be either kind) */
    private boolean isTabularStart(int i) {
        while (tokens.get(i).isSymbol("(")) {
            i++;
        }
        Token t = tokens.get(i);
        if (t.kind() != TokenKind.IDENTIFIER) {
            return false;
        }
        String word = t.text();
        Token next = tokens.get(Math.min(i + 1, tokens.size() - 1));
        if (Set.of("datatable", "range", "print", "union", "materialize").contains(word)) {
            return true;
        }
        if (next.isSymbol("(")) {
            return false;
        }
        if (tabularLets.contains(word) || next.isSymbol("|")) {
            return true;
        }
        return !scalarLets.contains(word) && !isBoolWord(word) && (next.isSymbol(";") || next.isSymbol(")"));
    }

    // ------------------------------------------------------------------ tabular expressions

    private TabularExpression tabularExpression() {
        nesting.enter(1, peek().start());
        int mark = nesting.mark();
        TabularExpression expression = tabularSource();
        int sourceLevels = nesting.levelsSince(mark);
        int pipes = 0;
        while (peek().isSymbol("|")) {
            chain(advance(), sourceLevels); // each pipe nests the expression before it one level deeper
            pipes++;
            expression = new TabularExpression.Pipe(expression, tabularOperator());
        }
        nesting.leave(1 + pipes);
        return expression;
    }

    private TabularExpression tabularSource() {
        Token t = peek();
        if (t.isSymbol("(")) {
            advance();
            TabularExpression inner = tabularExpression();
            expectSymbol(")");
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
                case "union": {
                    advance();
                    TabularOperator.UnionOptions options = unionOptions();
                    return new TabularExpression.Union(options, unionTables(), t.start());
                }
                case "materialize": {
                    advance();
                    expectSymbol("(");
                    TabularExpression inner = tabularExpression();
                    expectSymbol(")");
                    return inner;
                }
                default:
                    advance();
                    nesting.use(t.text(), t.start());
                    return new TabularExpression.TableReference(t.text(), t.start());
            }
        }
        if (t.isSymbol("[") && peek(1).kind() == TokenKind.STRING && peek(2).isSymbol("]")) {
            advance();
            Token name = advance();
            advance();
            return new TabularExpression.TableReference((String) name.value(), t.start());
        }
        throw error("expected a table name, datatable, range, print, union or '(' but found " + t.describe(), t);
    }

    private TabularExpression range() {
        Token keyword = advance();
        Token column = expectName("the column name of range");
        expectKeyword("from");
        Expr from = expression();
        expectKeyword("to");
        Expr to = expression();
        expectKeyword("step");
        Expr step = expression();
        return new TabularExpression.Range(column.text(), from, to, step, keyword.start());
    }

    private TabularExpression print() {
        Token keyword = advance();
        return new TabularExpression.Print(namedExpressions(), keyword.start());
    }

    private TabularOperator.UnionOptions unionOptions() {
        Map<String, Token> options = options(Set.of("kind", "withsource", "isfuzzy"));
        boolean outer = true;
        if (options.containsKey("kind")) {
            Token kind = options.get("kind");
            String k = kind.text().toLowerCase(Locale.ROOT);
            if (!k.equals("inner") && !k.equals("outer")) {
                throw error("union kind must be inner or outer, not " + kind.describe(), kind);
            }
            outer = k.equals("outer");
        }
        String withSource = options.containsKey("withsource") ? options.get("withsource").text() : null;
        return new TabularOperator.UnionOptions(outer, withSource);
    }

    private List<TabularExpression> unionTables() {
        List<TabularExpression> tables = new ArrayList<>();
        do {
            Token t = peek();
            if (t.isSymbol("(")) {
                advance();
                tables.add(tabularExpression());
                expectSymbol(")");
            } else if (t.kind() == TokenKind.IDENTIFIER) {
                advance();
                nesting.use(t.text(), t.start());
                tables.add(new TabularExpression.TableReference(t.text(), t.start()));
            } else {
                throw error("expected a table name or a parenthesised tabular expression but found "
                        + t.describe(), t);
            }
        } while (acceptSymbol(","));
        return tables;
    }

    /** {@code name=value} options before an operator's arguments; {@code hint.*} are accepted and ignored. */
    private Map<String, Token> options(Set<String> names) {
        Map<String, Token> options = new LinkedHashMap<>();
        while (peek().kind() == TokenKind.IDENTIFIER) {
            Token name = peek();
            String key = name.text().toLowerCase(Locale.ROOT);
            int valueAt;
            if (key.equals("hint") && peek(1).isSymbol(".") && peek(2).kind() == TokenKind.IDENTIFIER
                    && peek(3).isSymbol("=")) {
                key = "hint." + peek(2).text();
                valueAt = 4;
            } else if (names.contains(key) && peek(1).isSymbol("=")) {
                valueAt = 2;
            } else {
                break;
            }
            index += valueAt;
            Token value = advance();
            if (value.kind() == TokenKind.END || value.kind() == TokenKind.SYMBOL) {
                throw error("expected a value for " + key + " but found " + value.describe(), value);
            }
            options.put(key, value);
        }
        return options;
    }

    private TabularOperator tabularOperator() {
        Token t = peek();
        if (t.kind() != TokenKind.IDENTIFIER) {
            throw error("expected a tabular operator after '|' but found " + t.describe(), t);
        }
        String name = operatorName();
        int at = t.start();
        switch (name) {
            case "where", "filter":
                return new TabularOperator.Where(expression(), at);
            case "project":
                return new TabularOperator.Project(namedExpressions(), at);
            case "extend":
                return new TabularOperator.Extend(namedExpressions(), at);
            case "project-away":
                return new TabularOperator.ProjectAway(namePatterns(), at);
            case "project-keep":
                return new TabularOperator.ProjectKeep(namePatterns(), at);
            case "project-reorder":
                return new TabularOperator.ProjectReorder(namePatterns(), at);
            case "project-rename":
                return projectRename(at);
            case "summarize":
                return summarize(at);
            case "take", "limit":
                return new TabularOperator.Take(expression(), at);
            case "sort", "order":
                expectKeyword("by");
                return new TabularOperator.Sort(sortKeys(), at);
            case "top": {
                Expr count = expression();
                expectKeyword("by");
                return new TabularOperator.Top(count, sortKeys(), at);
            }
            case "distinct":
                if (acceptSymbol("*")) {
                    return new TabularOperator.Distinct(List.of(), at);
                }
                return new TabularOperator.Distinct(namedExpressions(), at);
            case "count":
                return new TabularOperator.Count(at);
            case "union": {
                TabularOperator.UnionOptions options = unionOptions();
                return new TabularOperator.Union(options, unionTables(), at);
            }
            case "join":
                return join(at);
            case "lookup":
                return lookup(at);
            case "mv-expand":
                return mvExpand(at);
            case "mv-apply":
                return mvApply(at);
            case "evaluate": {
                options(Set.of());
                Token plugin = peek();
                if (plugin.kind() != TokenKind.IDENTIFIER || !peek(1).isSymbol("(")
                        || !(primary() instanceof Expr.Call call)) {
                    throw error("expected a plugin call such as bag_unpack(column) after 'evaluate' but found "
                            + plugin.describe(), plugin);
                }
                return new TabularOperator.Evaluate(plugin.text(), call.args(), at);
            }
            case "parse":
                return parseOperator(at, false);
            case "parse-where":
                return parseOperator(at, true);
            case "parse-kv":
                return parseKv(at);
            case "search":
                return search(at);
            case "as": {
                options(Set.of());
                Token n = expectName("a name after 'as'");
                tabularLets.add(n.text());
                return new TabularOperator.As(n.text(), at);
            }
            case "serialize":
                return new TabularOperator.Serialize(atOperatorEnd() ? List.of() : namedExpressions(), at);
            case "getschema":
                return new TabularOperator.GetSchema(at);
            case "make-series":
                return makeSeries(at);
            case "top-nested":
                return topNested(at);
            case "scan":
                return scan(at);
            default:
                if (OTHER_OPERATORS.contains(name)) {
                    throw error("the '" + name + "' operator is not supported by the embedded engine yet", t);
                }
                throw error("unknown tabular operator '" + name + "'" + Suggestions.didYouMean(name, OPERATOR_NAMES),
                        t);
        }
    }

    /** An operator's name; {@code project-away}, {@code mv-expand}... are words joined by adjacent dashes. */
    private String operatorName() {
        Token first = advance();
        StringBuilder name = new StringBuilder(first.text());
        Token last = first;
        while (peek().isSymbol("-") && peek().start() == last.end() && peek(1).kind() == TokenKind.IDENTIFIER
                && peek(1).start() == peek().end()) {
            advance();
            last = advance();
            name.append('-').append(last.text());
        }
        return name.toString();
    }

    private boolean atOperatorEnd() {
        Token t = peek();
        return t.kind() == TokenKind.END || t.isSymbol("|") || t.isSymbol(")") || t.isSymbol(";");
    }

    private TabularOperator projectRename(int at) {
        List<TabularOperator.Rename> renames = new ArrayList<>();
        do {
            Token newName = expectName("the new column name");
            expectSymbol("=");
            Token oldName = expectName("the column to rename");
            renames.add(new TabularOperator.Rename(nameOf(newName), nameOf(oldName), newName.start()));
        } while (acceptSymbol(","));
        return new TabularOperator.ProjectRename(renames, at);
    }

    private List<TabularOperator.NamePattern> namePatterns() {
        List<TabularOperator.NamePattern> patterns = new ArrayList<>();
        do {
            Token first = peek();
            StringBuilder pattern = new StringBuilder();
            Token last = null;
            while ((peek().kind() == TokenKind.IDENTIFIER || peek().isSymbol("*"))
                    && (last == null || peek().start() == last.end())) {
                last = advance();
                pattern.append(last.text());
            }
            if (last == null) {
                if (first.isSymbol("[") && peek(1).kind() == TokenKind.STRING) {
                    pattern.append(nameOf(expectName("a column name")));
                } else {
                    throw error("expected a column name but found " + first.describe(), first);
                }
            }
            patterns.add(new TabularOperator.NamePattern(pattern.toString(), first.start()));
        } while (acceptSymbol(","));
        return patterns;
    }

    private TabularOperator summarize(int at) {
        options(Set.of());
        List<NamedExpr> aggregates = List.of();
        if (!peek().isKeyword("by")) {
            aggregates = namedExpressions();
        }
        List<NamedExpr> by = List.of();
        if (acceptKeyword("by")) {
            by = namedExpressions();
        }
        return new TabularOperator.Summarize(aggregates, by, at);
    }

    private TabularOperator makeSeries(int at) {
        Map<String, Token> options = options(Set.of("kind"));
        if (options.containsKey("kind")) {
            throw error("make-series kind=" + options.get("kind").text() + " is not supported by the embedded engine"
                    + " yet", options.get("kind"));
        }
        List<TabularOperator.SeriesAggregate> aggregates = new ArrayList<>();
        do {
            NamedExpr aggregate = namedExpression();
            Expr defaultValue = null;
            if (peek().kind() == TokenKind.IDENTIFIER && peek().text().equals("default") && peek(1).isSymbol("=")) {
                index += 2;
                defaultValue = expression();
            }
            aggregates.add(new TabularOperator.SeriesAggregate(aggregate, defaultValue));
        } while (acceptSymbol(","));
        expectKeyword("on");
        Expr axis = expression();
        Expr from = null;
        Expr to = null;
        if (acceptKeyword("in")) {
            throw error("make-series ... in range(...) is not supported by the embedded engine yet; write from a to b"
                    + " step s", tokenAt(at));
        }
        if (acceptKeyword("from")) {
            from = expression();
        }
        if (acceptKeyword("to")) {
            to = expression();
        }
        expectKeyword("step");
        Expr step = expression();
        List<NamedExpr> by = List.of();
        if (acceptKeyword("by")) {
            by = namedExpressions();
        }
        return new TabularOperator.MakeSeries(aggregates, axis, from, to, step, by, at);
    }

    /** {@code top-nested [N] of key [with others = v] by [name =] agg [asc|desc], top-nested ...}. */
    private TabularOperator topNested(int at) {
        List<TabularOperator.TopNestedLevel> levels = new ArrayList<>();
        int levelAt = at;
        while (true) {
            Expr count = null;
            if (!peek().isKeyword("of")) {
                count = expression();
            }
            expectKeyword("of");
            NamedExpr key = namedExpression();
            if (peek().isKeyword("with")) {
                throw error("top-nested ... with others = v is not supported by the embedded engine yet", peek());
            }
            expectKeyword("by");
            NamedExpr aggregate = namedExpression();
            boolean ascending = false;
            if (acceptKeyword("asc")) {
                ascending = true;
            } else {
                acceptKeyword("desc");
            }
            levels.add(new TabularOperator.TopNestedLevel(count, key, aggregate, ascending, levelAt));
            if (!peek().isSymbol(",")) {
                break;
            }
            advance();
            Token next = peek();
            if (!operatorName().equals("top-nested")) {
                throw error("expected 'top-nested' after ',' but found " + next.describe(), next);
            }
            levelAt = next.start();
        }
        return new TabularOperator.TopNested(levels, at);
    }

    /** {@code scan [with_match_id = Id] [declare (v: type [= default], ...)] with (step s: p => v = e, ...; ...)}. */
    private TabularOperator scan(int at) {
        Map<String, Token> options = options(Set.of("with_match_id"));
        String matchId = options.containsKey("with_match_id") ? nameOf(options.get("with_match_id")) : null;
        List<TabularOperator.ScanVariable> declared = new ArrayList<>();
        if (acceptKeyword("declare")) {
            expectSymbol("(");
            do {
                Token name = expectName("a variable name");
                expectSymbol(":");
                Token typeName = advance();
                KqlType.byName(typeName.text()).orElseThrow(() -> unknownType(typeName));
                Expr defaultValue = acceptSymbol("=") ? expression() : null;
                declared.add(new TabularOperator.ScanVariable(nameOf(name), typeName.text(), defaultValue,
                        name.start()));
            } while (acceptSymbol(","));
            expectSymbol(")");
        }
        expectKeyword("with");
        expectSymbol("(");
        List<TabularOperator.ScanStep> steps = new ArrayList<>();
        while (!peek().isSymbol(")")) {
            Token stepWord = expectKeyword("step");
            Token name = expectName("the step's name");
            boolean optional = acceptKeyword("optional");
            expectSymbol(":");
            Expr predicate = expression();
            List<NamedExpr> assignments = new ArrayList<>();
            if (acceptSymbol("=>")) {
                do {
                    Token target = expectName("a declared variable");
                    expectSymbol("=");
                    assignments.add(new NamedExpr(nameOf(target), expression(), target.start()));
                } while (acceptSymbol(","));
            }
            expectSymbol(";");
            steps.add(new TabularOperator.ScanStep(nameOf(name), optional, predicate, assignments,
                    stepWord.start()));
        }
        expectSymbol(")");
        if (steps.isEmpty()) {
            throw error("scan needs at least one step", tokenAt(at));
        }
        return new TabularOperator.Scan(matchId, declared, steps, at);
    }

    private List<SortKey> sortKeys() {
        List<SortKey> keys = new ArrayList<>();
        do {
            Expr e = expression();
            boolean ascending = false;
            if (acceptKeyword("asc")) {
                ascending = true;
            } else {
                acceptKeyword("desc");
            }
            Boolean nullsFirst = null;
            if (acceptKeyword("nulls")) {
                if (acceptKeyword("first")) {
                    nullsFirst = true;
                } else if (acceptKeyword("last")) {
                    nullsFirst = false;
                } else {
                    throw error("expected 'first' or 'last' after 'nulls' but found " + peek().describe(), peek());
                }
            }
            keys.add(new SortKey(e, ascending, nullsFirst));
        } while (acceptSymbol(","));
        return keys;
    }

    private TabularOperator join(int at) {
        Map<String, Token> options = options(Set.of("kind"));
        String kind = options.containsKey("kind") ? options.get("kind").text().toLowerCase(Locale.ROOT)
                : "innerunique";
        Set<String> kinds = Set.of("innerunique", "inner", "leftouter", "rightouter", "fullouter", "leftanti",
                "anti", "leftantisemi", "rightanti", "rightantisemi", "leftsemi", "rightsemi");
        if (!kinds.contains(kind)) {
            Token k = options.get("kind");
            throw error("unknown join kind '" + k.text() + "'" + Suggestions.didYouMean(k.text(), kinds), k);
        }
        TabularExpression right = joinRight("join");
        return new TabularOperator.Join(kind, right, joinKeys(), at);
    }

    /** {@code lookup [kind=leftouter|inner] (right) on keys}. */
    private TabularOperator lookup(int at) {
        Map<String, Token> options = options(Set.of("kind"));
        String kind = options.containsKey("kind") ? options.get("kind").text().toLowerCase(Locale.ROOT)
                : "leftouter";
        if (!kind.equals("leftouter") && !kind.equals("inner")) {
            throw error("lookup kind must be leftouter or inner, not '" + options.get("kind").text() + "'",
                    options.get("kind"));
        }
        TabularExpression right = joinRight("lookup");
        return new TabularOperator.Lookup(kind, right, joinKeys(), at);
    }

    private TabularExpression joinRight(String operator) {
        Token t = peek();
        if (t.isSymbol("(")) {
            advance();
            TabularExpression right = tabularExpression();
            expectSymbol(")");
            return right;
        }
        if (t.kind() == TokenKind.IDENTIFIER) {
            return tabularSource();
        }
        throw error("expected the right side of " + operator + " (a table name or '(') but found " + t.describe(),
                t);
    }

    /** {@code on a, b} / {@code on $left.a == $right.b and ...}. */
    private List<TabularOperator.JoinKey> joinKeys() {
        expectKeyword("on");
        List<TabularOperator.JoinKey> keys = new ArrayList<>();
        do {
            Expr e = comparison();
            if (e instanceof Expr.NameRef n) {
                keys.add(new TabularOperator.JoinKey(n.name(), n.name(), n.offset()));
            } else if (e instanceof Expr.Binary b && b.op().equals("==") && b.left() instanceof Expr.SideRef l
                    && b.right() instanceof Expr.SideRef r && l.left() != r.left()) {
                Expr.SideRef left = l.left() ? l : r;
                Expr.SideRef rightRef = l.left() ? r : l;
                keys.add(new TabularOperator.JoinKey(left.name(), rightRef.name(), e.offset()));
            } else {
                throw error("a join key must be a column name or $left.a == $right.b", tokenAt(e.offset()));
            }
        } while (acceptSymbol(",") || acceptKeyword("and"));
        return keys;
    }

    private TabularOperator mvExpand(int at) {
        Map<String, Token> options = options(Set.of("bagexpansion", "with_itemindex", "kind"));
        String itemIndex = options.containsKey("with_itemindex") ? options.get("with_itemindex").text() : null;
        Token expansion = options.containsKey("bagexpansion") ? options.get("bagexpansion") : options.get("kind");
        if (expansion != null && !expansion.text().equalsIgnoreCase("bag")
                && !expansion.text().equalsIgnoreCase("array")) {
            throw error("mv-expand's bag expansion must be bag or array, not " + expansion.describe(), expansion);
        }
        boolean bagAsArray = expansion != null && expansion.text().equalsIgnoreCase("array");
        List<NamedExpr> columns = new ArrayList<>();
        List<String> toTypes = new ArrayList<>();
        do {
            columns.add(namedExpression());
            String type = null;
            if (acceptKeyword("to")) {
                expectKeyword("typeof");
                expectSymbol("(");
                Token typeName = expectName("a type name");
                type = KqlType.byName(typeName.text()).orElseThrow(() -> unknownType(typeName)).kustoName();
                expectSymbol(")");
            }
            toTypes.add(type);
        } while (acceptSymbol(","));
        Long limit = null;
        if (acceptKeyword("limit")) {
            Token n = advance();
            if (n.kind() != TokenKind.LONG) {
                throw error("mv-expand limit expects an integer but found " + n.describe(), n);
            }
            limit = (Long) n.value();
        }
        return new TabularOperator.MvExpand(columns, toTypes, bagAsArray, itemIndex, limit, at);
    }

    /** {@code mv-apply <mv-expand's arguments> on (operator | operator ...)}. */
    private TabularOperator mvApply(int at) {
        TabularOperator.MvExpand expansion = (TabularOperator.MvExpand) mvExpand(at);
        expectKeyword("on");
        Token open = expectSymbol("(");
        TabularExpression subquery = new TabularExpression.ApplyRows(open.start());
        do {
            subquery = new TabularExpression.Pipe(subquery, tabularOperator());
        } while (acceptSymbol("|"));
        expectSymbol(")");
        return new TabularOperator.MvApply(expansion, subquery, at);
    }

    private TabularOperator parseOperator(int at, boolean dropUnmatched) {
        Map<String, Token> options = options(Set.of("kind", "flags"));
        String kind = options.containsKey("kind") ? options.get("kind").text().toLowerCase(Locale.ROOT) : "simple";
        if (!Set.of("simple", "regex", "relaxed").contains(kind)) {
            throw error("unknown parse kind '" + options.get("kind").text() + "' (valid: simple, regex, relaxed)",
                    options.get("kind"));
        }
        String flags = options.containsKey("flags") ? options.get("flags").text() : null;
        if (flags != null && !kind.equals("regex")) {
            throw error("parse flags apply to kind=regex only", options.get("flags"));
        }
        Expr source = additive();
        expectKeyword("with");
        List<Object> parts = new ArrayList<>();
        while (!atOperatorEnd()) {
            Token t = advance();
            if (t.kind() == TokenKind.STRING) {
                parts.add(t.value());
            } else if (t.isSymbol("*")) {
                parts.add(new TabularOperator.ParseColumn(null, null, t.start()));
            } else if (t.kind() == TokenKind.IDENTIFIER) {
                checkNotReserved(t);
                String type = null;
                if (acceptSymbol(":")) {
                    Token typeName = expectName("a type name");
                    type = KqlType.byName(typeName.text()).orElseThrow(() -> unknownType(typeName)).kustoName();
                }
                parts.add(new TabularOperator.ParseColumn(t.text(), type, t.start()));
            } else {
                throw error("expected a string, a column name or '*' in the parse pattern but found "
                        + t.describe(), t);
            }
        }
        if (parts.isEmpty()) {
            throw error("parse expects a pattern after 'with'", peek());
        }
        return new TabularOperator.Parse(source, parts, kind, flags, dropUnmatched, at);
    }

    private TabularOperator parseKv(int at) {
        Expr source = additive();
        expectKeyword("as");
        expectSymbol("(");
        List<TabularOperator.ParseColumn> columns = new ArrayList<>();
        do {
            Token name = expectName("a column name");
            if (isBoolWord(name.text())) {
                throw error("'" + name.text() + "' is a literal, not a column name", name);
            }
            expectSymbol(":");
            Token typeName = expectName("a type name");
            String type = KqlType.byName(typeName.text()).orElseThrow(() -> unknownType(typeName)).kustoName();
            columns.add(new TabularOperator.ParseColumn(nameOf(name), type, name.start()));
        } while (acceptSymbol(","));
        expectSymbol(")");
        Map<String, String> options = new java.util.LinkedHashMap<>();
        if (acceptKeyword("with")) {
            expectSymbol("(");
            do {
                Token key = expectName("a parse-kv option");
                String k = key.text().toLowerCase(Locale.ROOT);
                Set<String> known = Set.of("pair_delimiter", "kv_delimiter", "quote", "escape", "greedy", "regex");
                if (!known.contains(k)) {
                    throw error("unknown parse-kv option '" + key.text() + "'" + Suggestions.didYouMean(k, known),
                            key);
                }
                expectSymbol("=");
                Token value = advance();
                if (value.kind() != TokenKind.STRING && value.kind() != TokenKind.IDENTIFIER) {
                    throw error("expected a string for parse-kv option " + k + " but found " + value.describe(),
                            value);
                }
                options.put(k, value.kind() == TokenKind.STRING ? (String) value.value() : value.text());
            } while (acceptSymbol(","));
            expectSymbol(")");
        }
        return new TabularOperator.ParseKv(source, columns, options, at);
    }

    private TabularOperator search(int at) {
        Map<String, Token> options = options(Set.of("kind"));
        boolean caseSensitive = false;
        if (options.containsKey("kind")) {
            Token kind = options.get("kind");
            switch (kind.text().toLowerCase(Locale.ROOT)) {
                case "case_sensitive" -> caseSensitive = true;
                case "case_insensitive" -> caseSensitive = false;
                default -> throw error("unknown search kind '" + kind.text()
                        + "' (valid: case_sensitive, case_insensitive)", kind);
            }
        }
        if (peek().isKeyword("in")) {
            throw error("search in (tables) is not supported by the embedded engine yet: pipe one table into search",
                    peek());
        }
        return new TabularOperator.Search(caseSensitive, expression(), at);
    }

    private TabularExpression dataTable() {
        Token keyword = advance();
        expectSymbol("(");
        List<Column> columns = new ArrayList<>();
        do {
            Token name = expectName("a column name");
            expectSymbol(":");
            Token typeName = advance();
            KqlType type = KqlType.byName(typeName.text()).orElseThrow(() -> unknownType(typeName));
            columns.add(new Column(nameOf(name), type));
        } while (acceptSymbol(","));
        expectSymbol(")");
        expectSymbol("[");
        List<Object> values = new ArrayList<>();
        if (!peek().isSymbol("]")) {
            do {
                int column = values.size() % columns.size();
                values.add(dataTableValue(columns.get(column).type()));
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
        return new TabularExpression.DataTableLiteral(new Schema(columns), rows, keyword.start());
    }

    /** A literal value for a datatable column of {@code type}, with Kusto's rules: numbers widen, typed nulls. */
    private Object dataTableValue(KqlType type) {
        Token at = peek();
        if (at.isSymbol("-") && peek(1).kind() == TokenKind.LONG && peek(1).text().equals(Lexer.LONG_MIN_MAGNITUDE)) {
            advance();
            advance();
            return coerce(Long.MIN_VALUE, KqlType.LONG, type, at);
        }
        Expr e = unary();
        boolean negate = false;
        if (e instanceof Expr.Unary u && u.operand() instanceof Expr.Literal) {
            negate = u.op().equals("-");
            e = u.operand();
        }
        if (!(e instanceof Expr.Literal literal)) {
            throw error("expected a " + type.kustoName() + " literal but found an expression", at);
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
        throw error("'-' cannot be applied to this literal", at);
    }

    private Object coerce(Object value, KqlType from, KqlType to, Token at) {
        if (from == to) {
            return value;
        }
        if (value instanceof Number n && (from == KqlType.LONG || from == KqlType.INT || from == KqlType.REAL)) {
            switch (to) {
                case INT:
                    if (from != KqlType.REAL && n.longValue() >= Integer.MIN_VALUE && n.longValue() <= Integer.MAX_VALUE) {
                        return n.intValue();
                    }
                    if (from != KqlType.REAL) {
                        throw error(n + " is out of the range of int", at);
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
                    return from == KqlType.REAL ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.valueOf(n.longValue());
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
                throw error(KustoException.reason(e) + " for a " + to.kustoName() + " column of datatable", at);
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
        return error("expected a " + expected.kustoName() + " value but found a " + found.kustoName() + " literal",
                at);
    }

    // ------------------------------------------------------------------ scalar expressions

    private List<NamedExpr> namedExpressions() {
        List<NamedExpr> list = new ArrayList<>();
        do {
            list.add(namedExpression());
        } while (acceptSymbol(","));
        return list;
    }

    private NamedExpr namedExpression() {
        Token t = peek();
        if (t.kind() == TokenKind.IDENTIFIER && peek(1).isSymbol("=")) {
            checkNotReserved(t);
            advance();
            advance();
            return new NamedExpr(t.text(), expression(), t.start());
        }
        if (t.isSymbol("[") && peek(1).kind() == TokenKind.STRING && peek(2).isSymbol("]") && peek(3).isSymbol("=")) {
            index += 4;
            return new NamedExpr((String) tokens.get(index - 3).value(), expression(), t.start());
        }
        if (t.isSymbol("(") && peek(1).kind() == TokenKind.IDENTIFIER
                && (peek(2).isSymbol(",") || peek(2).isSymbol(")") && peek(3).isSymbol("="))) {
            throw error("tuple names (a, b) = ... are not supported by the embedded engine yet", t);
        }
        return new NamedExpr(null, expression(), t.start());
    }

    /** Words Kusto reserves: a column named so must be written ['first']. */
    private Expr expression() {
        nesting.enter(1, peek().start());
        Expr e = logical("or");
        nesting.leave(1);
        return e;
    }

    /** {@code a or b or ...} ({@code op} "or") of and-chains, or {@code a and b and ...} of comparisons. */
    private Expr logical(String op) {
        Expr first = op.equals("or") ? logical("and") : comparison();
        if (!peek().isKeyword(op)) {
            return first;
        }
        List<Expr> operands = new ArrayList<>(List.of(first));
        List<Integer> offsets = new ArrayList<>();
        while (peek().isKeyword(op)) {
            offsets.add(advance().start());
            operands.add(op.equals("or") ? logical("and") : comparison());
        }
        return Expr.Binary.associative(op, operands, offsets);
    }

    private Expr comparison() {
        Expr left = additive();
        Token t = peek();
        if (t.kind() == TokenKind.SYMBOL && COMPARISONS.contains(t.text())) {
            advance();
            String op = t.text().equals("<>") ? "!=" : t.text();
            return new Expr.Binary(op, left, additive(), t.start());
        }
        boolean negated = false;
        Token word = t;
        if (t.isSymbol("!") && peek(1).kind() == TokenKind.IDENTIFIER && peek(1).start() == t.end()
                && WORD_OPERATORS.contains(peek(1).text().toLowerCase(Locale.ROOT))
                && !NOT_NEGATABLE.contains(peek(1).text().toLowerCase(Locale.ROOT))) {
            negated = true;
            word = peek(1);
        }
        if (word.kind() != TokenKind.IDENTIFIER || !WORD_OPERATORS.contains(word.text().toLowerCase(Locale.ROOT))) {
            return left;
        }
        if (negated) {
            advance();
        }
        advance();
        String op = word.text().toLowerCase(Locale.ROOT);
        if (op.equals("matches")) {
            expectKeyword("regex");
            op = "matches regex";
        }
        if (op.equals("in") && peek().isSymbol("~") && peek().start() == word.end()) {
            advance();
            op = "in~";
        }
        String full = (negated ? "!" : "") + op;
        if (op.equals("between")) {
            expectSymbol("(");
            Expr low = additive();
            expectSymbol("..");
            Expr high = additive();
            expectSymbol(")");
            return new Expr.Between(negated, left, low, high, t.start());
        }
        if (op.startsWith("in") || op.equals("has_any") || op.equals("has_all")) {
            expectSymbol("(");
            List<Expr> items = new ArrayList<>();
            if (isTabularStart(index) && !(peek().kind() == TokenKind.IDENTIFIER && peek(1).isSymbol(")")
                    && !tabularLets.contains(peek().text()))) {
                throw error("'" + full + "' over a tabular expression is not supported by the embedded engine yet",
                        peek());
            }
            if (!peek().isSymbol(")")) {
                do {
                    items.add(expression());
                } while (acceptSymbol(","));
            }
            expectSymbol(")");
            return new Expr.ListOp(full, left, items, t.start());
        }
        return new Expr.Binary(full, left, additive(), t.start());
    }

    /** Left-associative arithmetic: each operator nests the chain before it one level deeper. */
    private Expr additive() {
        int mark = nesting.mark();
        Expr left = multiplicative();
        int firstLevels = nesting.levelsSince(mark);
        int chained = 0;
        while (peek().isSymbol("+") || peek().isSymbol("-")) {
            Token op = advance();
            chain(op, firstLevels);
            chained++;
            left = new Expr.Binary(op.text(), left, multiplicative(), op.start());
        }
        nesting.leave(chained);
        return left;
    }

    private Expr multiplicative() {
        int mark = nesting.mark();
        Expr left = unary();
        int firstLevels = nesting.levelsSince(mark);
        int chained = 0;
        while (peek().isSymbol("*") || peek().isSymbol("/") || peek().isSymbol("%")) {
            Token op = advance();
            chain(op, firstLevels);
            chained++;
            left = new Expr.Binary(op.text(), left, unary(), op.start());
        }
        nesting.leave(chained);
        return left;
    }

    private Expr unary() {
        Token t = peek();
        if (t.isSymbol("-") || t.isSymbol("+")) {
            advance();
            nesting.enter(1, t.start());
            Expr operand = unary();
            nesting.leave(1);
            return new Expr.Unary(t.text(), operand, t.start());
        }
        int mark = nesting.mark();
        Expr primary = primary();
        return postfix(primary, nesting.levelsSince(mark));
    }

    /**
     * One more link of a left-associative chain ({@code a + b + c}, pipes, {@code d.a.b}): the chain so far
     * nests one level deeper, its first operand ({@code firstLevels} deep) with it.
     */
    private void chain(Token link, int firstLevels) {
        nesting.enter(1, link.start());
        nesting.reach(firstLevels, link.start());
    }

    private Expr postfix(Expr e, int firstLevels) {
        int chained = 0;
        while (true) {
            Token t = peek();
            if (t.isSymbol(".") && (peek(1).kind() == TokenKind.IDENTIFIER)) {
                advance();
                Token name = advance();
                chain(t, firstLevels);
                chained++;
                e = new Expr.Member(e, name.text(), t.start());
            } else if (t.isSymbol(".") && peek(1).isSymbol("[")) {
                advance(); // d.['a b']
            } else if (t.isSymbol("[")) {
                advance();
                chain(t, firstLevels);
                chained++;
                Expr i = expression();
                expectSymbol("]");
                e = new Expr.Index(e, i, t.start());
            } else {
                nesting.leave(chained);
                return e;
            }
        }
    }

    private Expr primary() {
        Token t = advance();
        switch (t.kind()) {
            case LONG:
            case REAL: {
                Token unit = peek();
                if (unit.kind() == TokenKind.IDENTIFIER && unit.start() == t.end()
                        && TimespanUnits.ticksPer(unit.text()).isPresent()) {
                    advance();
                    double amount = ((Number) t.value()).doubleValue();
                    return new Expr.Literal(KqlType.TIMESPAN,
                            Ticks.toDuration(TimespanUnits.ticks(amount, unit.text())), t.start());
                }
                if (t.kind() == TokenKind.LONG) {
                    if (t.text().equals(Lexer.LONG_MIN_MAGNITUDE)) {
                        throw error("integer literal " + t.text() + " is out of the range of long", t);
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
                if (isBoolWord(t.text())) {
                    return new Expr.Literal(KqlType.BOOL, Boolean.parseBoolean(t.text().toLowerCase(Locale.ROOT)),
                            t.start());
                }
                if (t.text().equals("toscalar") && peek().isSymbol("(")) {
                    advance();
                    options(Set.of("kind"));
                    if (!isTabularStart(index)) {
                        Expr scalar = expression(); // toscalar of a scalar is that scalar
                        expectSymbol(")");
                        return scalar;
                    }
                    TabularExpression query = tabularExpression();
                    expectSymbol(")");
                    return new Expr.ToScalar(query, t.start());
                }
                if (peek().isSymbol("(")) {
                    advance();
                    List<Expr> args = new ArrayList<>();
                    if (!peek().isSymbol(")")) {
                        do {
                            Token a = peek();
                            if (a.isSymbol("*") && (peek(1).isSymbol(")") || peek(1).isSymbol(","))) {
                                advance();
                                args.add(new Expr.Star(a.start()));
                            } else {
                                args.add(expression());
                            }
                        } while (acceptSymbol(","));
                    }
                    expectSymbol(")");
                    return new Expr.Call(t.text(), args, t.start());
                }
                nesting.use(t.text(), t.start());
                return new Expr.NameRef(t.text(), t.start());
            }
            case SYMBOL:
                if (t.isSymbol("(")) {
                    Expr inner = expression();
                    expectSymbol(")");
                    return inner;
                }
                if (t.isSymbol("[") && peek().kind() == TokenKind.STRING && peek(1).isSymbol("]")) {
                    Token name = advance();
                    advance();
                    return new Expr.NameRef((String) name.value(), t.start());
                }
                if (t.isSymbol("$") && (peek().isKeyword("left") || peek().isKeyword("right"))
                        && peek(1).isSymbol(".")) {
                    Token side = advance();
                    advance();
                    Token name = expectName("a column name after $" + side.text() + ".");
                    return new Expr.SideRef(side.text().equalsIgnoreCase("left"), nameOf(name), t.start());
                }
                if (t.isSymbol("*")) {
                    return new Expr.Star(t.start()); // any column: where * has "x" (the binder says where it fits)
                }
                break;
            default:
                break;
        }
        throw error("expected an expression but found " + t.describe(), t);
    }

    /** A bare new column name must not be one of Kusto's {@link #RESERVED_NAMES}. */
    private void checkNotReserved(Token name) {
        if (RESERVED_NAMES.contains(name.text())) {
            throw error("'" + name.text() + "' is a keyword: write ['" + name.text() + "'] to use it as a column name",
                    name);
        }
    }

    private static boolean isBoolWord(String word) {
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
                case DYNAMIC -> DYNAMIC_LITERAL.readTree(inner);
            };
            return new Expr.Literal(type, value, at);
        } catch (Exception e) {
            throw error("'" + inner + "' is not a valid " + type.kustoName() + " literal", t);
        }
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

    // ------------------------------------------------------------------ tokens

    private Token tokenAt(int offset) {
        for (Token t : tokens) {
            if (t.start() == offset) {
                return t;
            }
        }
        return peek();
    }

    private static String nameOf(Token t) {
        return t.kind() == TokenKind.STRING ? (String) t.value() : t.text();
    }

    /** An identifier, or {@code ['any name']}. */
    private Token expectName(String what) {
        Token t = advance();
        if (t.kind() == TokenKind.IDENTIFIER) {
            return t;
        }
        if (t.isSymbol("[") && peek().kind() == TokenKind.STRING && peek(1).isSymbol("]")) {
            Token name = advance();
            advance();
            return name;
        }
        throw error("expected " + what + " but found " + t.describe(), t);
    }

    private KustoSyntaxException unknownType(Token typeName) {
        return error("unknown type '" + typeName.text() + "' (valid types: " + KqlType.validNames() + ")", typeName);
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
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

    private boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            advance();
            return true;
        }
        return false;
    }

    private Token expectKeyword(String keyword) {
        Token t = advance();
        if (!t.isKeyword(keyword)) {
            throw error("expected '" + keyword + "' but found " + t.describe(), t);
        }
        return t;
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

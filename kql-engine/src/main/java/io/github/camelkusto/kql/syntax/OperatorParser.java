package io.github.camelkusto.kql.syntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import io.github.camelkusto.kql.Suggestions;
import io.github.camelkusto.kql.syntax.ast.Expr;
import io.github.camelkusto.kql.syntax.ast.NamedExpr;
import io.github.camelkusto.kql.syntax.ast.SortKey;
import io.github.camelkusto.kql.syntax.ast.TabularExpression;
import io.github.camelkusto.kql.syntax.ast.TabularOperator;
import io.github.camelkusto.kql.types.KqlType;

/** Parses one tabular operator after a {@code |}: its name, options and arguments (see {@link QueryParser}). */
final class OperatorParser {
    final QueryParser parser;
    final TokenCursor tokens;

    final SearchParser searches;

    OperatorParser(QueryParser parser) {
        this.parser = parser;
        this.tokens = parser.tokens;
        this.searches = new SearchParser(parser);
    }

    /** Operators of the language that this parser does not know the arguments of. */
    private static final Set<String> OTHER_OPERATORS = Set.of(
            "render", "facet", "fork",
            "sample", "sample-distinct", "top-hitters", "find", "reduce",
            "consume", "extend-schema", "project-smart", "externaldata", "graph-match", "assert-schema");

    private static final List<String> OPERATOR_NAMES = List.of(
            "where", "filter", "project", "project-away", "project-keep", "project-rename", "project-reorder",
            "extend", "summarize", "take", "limit", "sort", "order", "top", "distinct", "count", "union", "join",
            "lookup", "mv-expand", "mv-apply", "evaluate", "parse", "parse-where", "parse-kv", "search", "as",
            "serialize", "getschema", "make-series", "top-nested", "scan", "partition", "invoke");

    TabularOperator tabularOperator() {
        Token t = tokens.peek();
        if (t.kind() != TokenKind.IDENTIFIER) {
            throw tokens.error("expected a tabular operator after '|' but found " + t.describe(), t);
        }
        String name = operatorName();
        int at = t.start();
        switch (name) {
            case "where", "filter":
                return new TabularOperator.Where(parser.expressions.expression(), at);
            case "project":
                return new TabularOperator.Project(parser.expressions.namedExpressions(), at);
            case "extend":
                return new TabularOperator.Extend(parser.expressions.namedExpressions(), at);
            case "project-away":
                return new TabularOperator.ProjectAway(namePatterns(), at);
            case "project-keep":
                return new TabularOperator.ProjectKeep(namePatterns(), at);
            case "project-reorder":
                return projectReorder(at);
            case "project-rename":
                return projectRename(at);
            case "summarize":
                return summarize(at);
            case "take", "limit":
                return new TabularOperator.Take(parser.expressions.expression(), at);
            case "sort", "order":
                tokens.expectKeyword("by");
                return new TabularOperator.Sort(sortKeys(), at);
            case "top": {
                Expr count = parser.expressions.expression();
                tokens.expectKeyword("by");
                return new TabularOperator.Top(count, sortKeys(), at);
            }
            case "distinct":
                if (tokens.acceptSymbol("*")) {
                    return new TabularOperator.Distinct(List.of(), at);
                }
                return new TabularOperator.Distinct(parser.expressions.namedExpressions(), at);
            case "count":
                return new TabularOperator.Count(at);
            case "union": {
                TabularOperator.UnionOptions options = parser.unionOptions();
                return new TabularOperator.Union(options, parser.unionTables(), at);
            }
            case "join":
                return join(at);
            case "lookup":
                return lookup(at);
            case "mv-expand":
                return mvExpand(at);
            case "mv-apply":
                return mvApply(at);
            case "evaluate":
                return evaluate(at);
            case "partition":
                return partition(at);
            case "invoke": {
                Token function = parser.expectName("a function call after 'invoke'");
                return new TabularOperator.Invoke(function.text(), parser.functions.arguments(), at);
            }
            case "parse":
                return parseOperator(at, false);
            case "parse-where":
                return parseOperator(at, true);
            case "parse-kv":
                return parseKv(at);
            case "search":
                return searches.search(at);
            case "as": {
                parser.options(Set.of());
                Token n = parser.expectName("a name after 'as'");
                parser.tabularLets.add(n.text());
                return new TabularOperator.As(n.text(), at);
            }
            case "serialize":
                return new TabularOperator.Serialize(atOperatorEnd() ? List.of()
                        : parser.expressions.namedExpressions(), at);
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
                    throw tokens.error("the '" + name + "' operator is not supported by the embedded engine yet", t);
                }
                throw tokens.error("unknown tabular operator '" + name + "'" + Suggestions.didYouMean(name,
                        OPERATOR_NAMES),
                        t);
        }
    }

    /** {@code evaluate [hints] plugin(args) [: (col:type, ...)]}. */
    private TabularOperator evaluate(int at) {
        parser.options(Set.of());
        Token plugin = tokens.peek();
        if (plugin.kind() != TokenKind.IDENTIFIER || !tokens.peek(1).isSymbol("(")
                || !(parser.expressions.primary() instanceof Expr.Call call)) {
            throw tokens.error("expected a plugin call such as bag_unpack(column) after 'evaluate' but found "
                    + plugin.describe(), plugin);
        }
        List<io.github.camelkusto.kql.data.Column> schema = null;
        boolean keepInputColumns = false;
        if (tokens.acceptSymbol(":")) {
            tokens.expectSymbol("(");
            schema = new ArrayList<>();
            keepInputColumns = tokens.acceptSymbol("*");
            if (keepInputColumns && !tokens.acceptSymbol(",")) {
                tokens.expectSymbol(")");
                return new TabularOperator.Evaluate(plugin.text(), call.args(), schema, true, at);
            }
            do {
                Token name = parser.expectName("a column name");
                tokens.expectSymbol(":");
                Token typeName = parser.expectName("a type name");
                schema.add(new io.github.camelkusto.kql.data.Column(QueryParser.nameOf(name),
                        KqlType.byName(typeName.text()).orElseThrow(() -> parser.unknownType(typeName))));
            } while (tokens.acceptSymbol(","));
            tokens.expectSymbol(")");
        }
        return new TabularOperator.Evaluate(plugin.text(), call.args(), schema, keepInputColumns, at);
    }

    /** {@code partition [hint.strategy=S] [hints] by column ( subquery )} or {@code { subquery with source }}. */
    private TabularOperator partition(int at) {
        Map<String, Token> options = parser.options(Set.of());
        String strategy = options.containsKey("hint.strategy")
                ? options.get("hint.strategy").text().toLowerCase(Locale.ROOT) : "legacy";
        if (!Set.of("native", "shuffle", "legacy").contains(strategy)) {
            throw tokens.error("partition hint.strategy must be native, shuffle or legacy, not '" + strategy + "'",
                    options.get("hint.strategy"));
        }
        tokens.expectKeyword("by");
        Token column = parser.expectName("the partition column");
        if (tokens.acceptSymbol("{")) {
            if (!strategy.equals("legacy")) {
                throw tokens.error("partition by column { subquery with its own source } needs the legacy strategy,"
                        + " not " + strategy, column);
            }
            TabularExpression subquery = parser.tabularExpression();
            tokens.expectSymbol("}");
            return new TabularOperator.Partition(strategy, QueryParser.nameOf(column), subquery, true, at);
        }
        Token open = tokens.expectSymbol("(");
        TabularExpression subquery = new TabularExpression.ApplyRows(open.start());
        tokens.acceptSymbol("|"); // a leading pipe is allowed
        do {
            subquery = new TabularExpression.Pipe(subquery, tabularOperator());
        } while (tokens.acceptSymbol("|"));
        tokens.expectSymbol(")");
        return new TabularOperator.Partition(strategy, QueryParser.nameOf(column), subquery, false, at);
    }

    /** An operator's name; {@code project-away}, {@code mv-expand}... are words joined by adjacent dashes. */
    private String operatorName() {
        Token first = tokens.advance();
        StringBuilder name = new StringBuilder(first.text());
        Token last = first;
        while (tokens.peek().isSymbol("-") && tokens.peek().start() == last.end()
                && tokens.peek(1).kind() == TokenKind.IDENTIFIER
                && tokens.peek(1).start() == tokens.peek().end()) {
            tokens.advance();
            last = tokens.advance();
            name.append('-').append(last.text());
        }
        return name.toString();
    }

    private boolean atOperatorEnd() {
        Token t = tokens.peek();
        return t.kind() == TokenKind.END || t.isSymbol("|") || t.isSymbol(")") || t.isSymbol(";");
    }

    private TabularOperator projectRename(int at) {
        List<TabularOperator.Rename> renames = new ArrayList<>();
        do {
            Token newName = parser.expectName("the new column name");
            tokens.expectSymbol("=");
            Token oldName = parser.expectName("the column to rename");
            renames.add(new TabularOperator.Rename(QueryParser.nameOf(newName), QueryParser.nameOf(oldName),
                    newName.start()));
        } while (tokens.acceptSymbol(","));
        return new TabularOperator.ProjectRename(renames, at);
    }

    /** project-reorder: patterns, each optionally followed by how its columns are ordered by name. */
    private TabularOperator projectReorder(int at) {
        List<TabularOperator.NamePattern> patterns = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        do {
            patterns.addAll(namePattern());
            String order = null;
            Token t = tokens.peek();
            if (t.kind() == TokenKind.IDENTIFIER && Set.of("asc", "desc").contains(t.text())) {
                order = tokens.advance().text();
            } else if (t.kind() == TokenKind.IDENTIFIER && t.text().equals("granny") && tokens.peek(1).isSymbol("-")) {
                tokens.advance();
                tokens.advance();
                Token direction = tokens.advance();
                if (!Set.of("asc", "desc").contains(direction.text())) {
                    throw tokens.error("expected granny-asc or granny-desc but found granny-" + direction.text(),
                            direction);
                }
                order = "granny-" + direction.text();
            }
            orders.add(order);
        } while (tokens.acceptSymbol(","));
        return new TabularOperator.ProjectReorder(patterns, orders, at);
    }

    private List<TabularOperator.NamePattern> namePattern() {
        List<TabularOperator.NamePattern> one = new ArrayList<>();
        Token first = tokens.peek();
        StringBuilder pattern = new StringBuilder(parser.wildcardName());
        if (pattern.isEmpty()) {
            if (first.isSymbol("[") && tokens.peek(1).kind() == TokenKind.STRING) {
                pattern.append(QueryParser.nameOf(parser.expectName("a column name")));
            } else {
                throw tokens.error("expected a column name but found " + first.describe(), first);
            }
        }
        one.add(new TabularOperator.NamePattern(pattern.toString(), first.start()));
        return one;
    }

    private List<TabularOperator.NamePattern> namePatterns() {
        List<TabularOperator.NamePattern> patterns = new ArrayList<>();
        do {
            patterns.addAll(namePattern());
        } while (tokens.acceptSymbol(","));
        return patterns;
    }

    private TabularOperator summarize(int at) {
        parser.options(Set.of());
        List<NamedExpr> aggregates = List.of();
        if (!tokens.peek().isKeyword("by")) {
            aggregates = parser.expressions.namedExpressions();
        }
        List<NamedExpr> by = List.of();
        if (tokens.acceptKeyword("by")) {
            by = parser.expressions.namedExpressions();
        }
        return new TabularOperator.Summarize(aggregates, by, at);
    }

    private TabularOperator makeSeries(int at) {
        Map<String, Token> options = parser.options(Set.of("kind"));
        Token kind = options.get("kind");
        if (kind != null && !kind.text().equals("nonempty")) {
            throw tokens.error("make-series kind=" + kind.text() + " is not supported (valid: kind=nonempty)", kind);
        }
        List<TabularOperator.SeriesAggregate> aggregates = new ArrayList<>();
        do {
            NamedExpr aggregate = parser.expressions.namedExpression();
            Expr defaultValue = null;
            if (tokens.peek().kind() == TokenKind.IDENTIFIER && tokens.peek().text().equals("default")
                    && tokens.peek(1).isSymbol("=")) {
                tokens.skip(2);
                defaultValue = parser.expressions.expression();
            }
            aggregates.add(new TabularOperator.SeriesAggregate(aggregate, defaultValue));
        } while (tokens.acceptSymbol(","));
        tokens.expectKeyword("on");
        Expr axis = parser.expressions.expression();
        Expr from = null;
        Expr to = null;
        if (tokens.acceptKeyword("in")) {
            throw tokens.error("make-series ... in range(...) is not supported by the embedded engine yet; write from a to b"
                    + " step s", tokens.tokenAt(at));
        }
        if (tokens.acceptKeyword("from")) {
            from = parser.expressions.expression();
        }
        if (tokens.acceptKeyword("to")) {
            to = parser.expressions.expression();
        }
        tokens.expectKeyword("step");
        Expr step = parser.expressions.expression();
        List<NamedExpr> by = List.of();
        if (tokens.acceptKeyword("by")) {
            by = parser.expressions.namedExpressions();
        }
        if (kind != null && !by.isEmpty()) {
            throw tokens.error("make-series kind=nonempty with 'by' is not supported by the embedded engine", kind);
        }
        return new TabularOperator.MakeSeries(aggregates, axis, from, to, step, by, kind != null, at);
    }

    /** {@code top-nested [N] of key [with others = v] by [name =] agg [asc|desc], top-nested ...}. */
    private TabularOperator topNested(int at) {
        List<TabularOperator.TopNestedLevel> levels = new ArrayList<>();
        int levelAt = at;
        while (true) {
            Expr count = null;
            if (!tokens.peek().isKeyword("of")) {
                count = parser.expressions.expression();
            }
            tokens.expectKeyword("of");
            NamedExpr key = parser.expressions.namedExpression();
            if (tokens.peek().isKeyword("with")) {
                throw tokens.error("top-nested ... with others = v is not supported by the embedded engine yet",
                        tokens.peek());
            }
            tokens.expectKeyword("by");
            NamedExpr aggregate = parser.expressions.namedExpression();
            boolean ascending = false;
            if (tokens.acceptKeyword("asc")) {
                ascending = true;
            } else {
                tokens.acceptKeyword("desc");
            }
            levels.add(new TabularOperator.TopNestedLevel(count, key, aggregate, ascending, levelAt));
            if (!tokens.peek().isSymbol(",")) {
                break;
            }
            tokens.advance();
            Token next = tokens.peek();
            if (!operatorName().equals("top-nested")) {
                throw tokens.error("expected 'top-nested' after ',' but found " + next.describe(), next);
            }
            levelAt = next.start();
        }
        return new TabularOperator.TopNested(levels, at);
    }

    /** {@code scan [with_match_id = Id] [declare (v: type [= default], ...)] with (step s: p => v = e, ...; ...)}. */
    private TabularOperator scan(int at) {
        Map<String, Token> options = parser.options(Set.of("with_match_id"));
        String matchId = options.containsKey("with_match_id") ? QueryParser.nameOf(options.get("with_match_id")) : null;
        List<TabularOperator.ScanVariable> declared = new ArrayList<>();
        if (tokens.acceptKeyword("declare")) {
            tokens.expectSymbol("(");
            do {
                Token name = parser.expectName("a variable name");
                tokens.expectSymbol(":");
                Token typeName = tokens.advance();
                KqlType.byName(typeName.text()).orElseThrow(() -> parser.unknownType(typeName));
                Expr defaultValue = tokens.acceptSymbol("=") ? parser.expressions.expression() : null;
                declared.add(new TabularOperator.ScanVariable(QueryParser.nameOf(name), typeName.text(), defaultValue,
                        name.start()));
            } while (tokens.acceptSymbol(","));
            tokens.expectSymbol(")");
        }
        tokens.expectKeyword("with");
        tokens.expectSymbol("(");
        List<TabularOperator.ScanStep> steps = new ArrayList<>();
        while (!tokens.peek().isSymbol(")")) {
            Token stepWord = tokens.expectKeyword("step");
            Token name = parser.expectName("the step's name");
            boolean optional = tokens.acceptKeyword("optional");
            String output = "all";
            if (tokens.acceptKeyword("output")) {
                tokens.expectSymbol("=");
                output = parser.expectName("all, last or none after 'output ='").text();
            }
            tokens.expectSymbol(":");
            Expr predicate = parser.expressions.expression();
            List<NamedExpr> assignments = new ArrayList<>();
            if (tokens.acceptSymbol("=>")) {
                do {
                    Token target = parser.expectName("a declared variable");
                    tokens.expectSymbol("=");
                    assignments.add(new NamedExpr(QueryParser.nameOf(target), parser.expressions.expression(),
                            target.start()));
                } while (tokens.acceptSymbol(","));
            }
            tokens.expectSymbol(";");
            steps.add(new TabularOperator.ScanStep(QueryParser.nameOf(name), optional, output, predicate, assignments,
                    stepWord.start()));
        }
        tokens.expectSymbol(")");
        if (steps.isEmpty()) {
            throw tokens.error("scan needs at least one step", tokens.tokenAt(at));
        }
        return new TabularOperator.Scan(matchId, declared, steps, at);
    }

    private List<SortKey> sortKeys() {
        List<SortKey> keys = new ArrayList<>();
        do {
            Expr e = parser.expressions.expression();
            boolean ascending = false;
            if (tokens.acceptKeyword("asc")) {
                ascending = true;
            } else {
                tokens.acceptKeyword("desc");
            }
            Boolean nullsFirst = null;
            if (tokens.acceptKeyword("nulls")) {
                if (tokens.acceptKeyword("first")) {
                    nullsFirst = true;
                } else if (tokens.acceptKeyword("last")) {
                    nullsFirst = false;
                } else {
                    throw tokens.error("expected 'first' or 'last' after 'nulls' but found "
                            + tokens.peek().describe(), tokens.peek());
                }
            }
            keys.add(new SortKey(e, ascending, nullsFirst));
        } while (tokens.acceptSymbol(","));
        return keys;
    }

    private TabularOperator join(int at) {
        Map<String, Token> options = parser.options(Set.of("kind"));
        String kind = options.containsKey("kind") ? options.get("kind").text().toLowerCase(Locale.ROOT)
                : "innerunique";
        Set<String> kinds = Set.of("innerunique", "inner", "leftouter", "rightouter", "fullouter", "leftanti",
                "anti", "leftantisemi", "rightanti", "rightantisemi", "leftsemi", "rightsemi");
        if (!kinds.contains(kind)) {
            Token k = options.get("kind");
            throw tokens.error("unknown join kind '" + k.text() + "'" + Suggestions.didYouMean(k.text(), kinds), k);
        }
        TabularExpression right = joinRight("join");
        return new TabularOperator.Join(kind, right, joinKeys(), at);
    }

    /** {@code lookup [kind=leftouter|inner] (right) on keys}. */
    private TabularOperator lookup(int at) {
        Map<String, Token> options = parser.options(Set.of("kind"));
        String kind = options.containsKey("kind") ? options.get("kind").text().toLowerCase(Locale.ROOT)
                : "leftouter";
        if (!kind.equals("leftouter") && !kind.equals("inner")) {
            throw tokens.error("lookup kind must be leftouter or inner, not '" + options.get("kind").text() + "'",
                    options.get("kind"));
        }
        TabularExpression right = joinRight("lookup");
        return new TabularOperator.Lookup(kind, right, joinKeys(), at);
    }

    private TabularExpression joinRight(String operator) {
        Token t = tokens.peek();
        if (t.isSymbol("(")) {
            tokens.advance();
            TabularExpression right = parser.tabularExpression();
            tokens.expectSymbol(")");
            return right;
        }
        if (t.kind() == TokenKind.IDENTIFIER) {
            return parser.tabularSource();
        }
        throw tokens.error("expected the right side of " + operator + " (a table name or '(') but found "
                + t.describe(),
                t);
    }

    /** {@code on a, b} / {@code on $left.a == $right.b and ...}. */
    private List<TabularOperator.JoinKey> joinKeys() {
        tokens.expectKeyword("on");
        List<TabularOperator.JoinKey> keys = new ArrayList<>();
        do {
            Expr e = parser.expressions.comparison();
            if (e instanceof Expr.NameRef n) {
                keys.add(new TabularOperator.JoinKey(n.name(), n.name(), n.offset()));
            } else if (e instanceof Expr.Binary b && b.op().equals("==") && b.left() instanceof Expr.SideRef l
                    && b.right() instanceof Expr.SideRef r && l.left() != r.left()) {
                Expr.SideRef left = l.left() ? l : r;
                Expr.SideRef rightRef = l.left() ? r : l;
                keys.add(new TabularOperator.JoinKey(left.name(), rightRef.name(), e.offset()));
            } else {
                throw tokens.error("a join key must be a column name or $left.a == $right.b",
                        tokens.tokenAt(e.offset()));
            }
        } while (tokens.acceptSymbol(",") || tokens.acceptKeyword("and"));
        return keys;
    }

    private TabularOperator mvExpand(int at) {
        Map<String, Token> options = parser.options(Set.of("bagexpansion", "with_itemindex", "kind"));
        String itemIndex = options.containsKey("with_itemindex") ? options.get("with_itemindex").text() : null;
        Token expansion = options.containsKey("bagexpansion") ? options.get("bagexpansion") : options.get("kind");
        if (expansion != null && !expansion.text().equalsIgnoreCase("bag")
                && !expansion.text().equalsIgnoreCase("array")) {
            throw tokens.error("mv-expand's bag expansion must be bag or array, not " + expansion.describe(),
                    expansion);
        }
        boolean bagAsArray = expansion != null && expansion.text().equalsIgnoreCase("array");
        List<NamedExpr> columns = new ArrayList<>();
        List<String> toTypes = new ArrayList<>();
        do {
            columns.add(parser.expressions.namedExpression());
            String type = null;
            if (tokens.acceptKeyword("to")) {
                tokens.expectKeyword("typeof");
                tokens.expectSymbol("(");
                Token typeName = parser.expectName("a type name");
                type = KqlType.byName(typeName.text()).orElseThrow(() -> parser.unknownType(typeName)).kustoName();
                tokens.expectSymbol(")");
            }
            toTypes.add(type);
        } while (tokens.acceptSymbol(","));
        Long limit = null;
        if (tokens.acceptKeyword("limit")) {
            Token n = tokens.advance();
            if (n.kind() != TokenKind.LONG) {
                throw tokens.error("mv-expand limit expects an integer but found " + n.describe(), n);
            }
            limit = (Long) n.value();
        }
        return new TabularOperator.MvExpand(columns, toTypes, bagAsArray, itemIndex, limit, at);
    }

    /** {@code mv-apply <mv-expand's arguments> on (operator | operator ...)}. */
    private TabularOperator mvApply(int at) {
        TabularOperator.MvExpand expansion = (TabularOperator.MvExpand) mvExpand(at);
        tokens.expectKeyword("on");
        Token open = tokens.expectSymbol("(");
        TabularExpression subquery = new TabularExpression.ApplyRows(open.start());
        do {
            subquery = new TabularExpression.Pipe(subquery, tabularOperator());
        } while (tokens.acceptSymbol("|"));
        tokens.expectSymbol(")");
        return new TabularOperator.MvApply(expansion, subquery, at);
    }

    private TabularOperator parseOperator(int at, boolean dropUnmatched) {
        Map<String, Token> options = parser.options(Set.of("kind", "flags"));
        String kind = options.containsKey("kind") ? options.get("kind").text().toLowerCase(Locale.ROOT) : "simple";
        if (!Set.of("simple", "regex", "relaxed").contains(kind)) {
            throw tokens.error("unknown parse kind '" + options.get("kind").text()
                    + "' (valid: simple, regex, relaxed)",
                    options.get("kind"));
        }
        String flags = options.containsKey("flags") ? options.get("flags").text() : null;
        if (flags != null && !kind.equals("regex")) {
            throw tokens.error("parse flags apply to kind=regex only", options.get("flags"));
        }
        Expr source = parser.expressions.additive();
        tokens.expectKeyword("with");
        List<Object> parts = new ArrayList<>();
        while (!atOperatorEnd()) {
            Token t = tokens.advance();
            if (t.kind() == TokenKind.STRING) {
                parts.add(t.value());
            } else if (t.isSymbol("*")) {
                parts.add(new TabularOperator.ParseColumn(null, null, t.start()));
            } else if (t.kind() == TokenKind.IDENTIFIER) {
                parser.expressions.checkNotReserved(t);
                String type = null;
                if (tokens.acceptSymbol(":")) {
                    Token typeName = parser.expectName("a type name");
                    type = KqlType.byName(typeName.text()).orElseThrow(() -> parser.unknownType(typeName)).kustoName();
                }
                parts.add(new TabularOperator.ParseColumn(t.text(), type, t.start()));
            } else {
                throw tokens.error("expected a string, a column name or '*' in the parse pattern but found "
                        + t.describe(), t);
            }
        }
        if (parts.isEmpty()) {
            throw tokens.error("parse expects a pattern after 'with'", tokens.peek());
        }
        return new TabularOperator.Parse(source, parts, kind, flags, dropUnmatched, at);
    }

    private TabularOperator parseKv(int at) {
        Expr source = parser.expressions.additive();
        tokens.expectKeyword("as");
        tokens.expectSymbol("(");
        List<TabularOperator.ParseColumn> columns = new ArrayList<>();
        do {
            Token name = parser.expectName("a column name");
            if (ExpressionParser.isBoolWord(name.text())) {
                throw tokens.error("'" + name.text() + "' is a literal, not a column name", name);
            }
            tokens.expectSymbol(":");
            Token typeName = parser.expectName("a type name");
            String type = KqlType.byName(typeName.text()).orElseThrow(() -> parser.unknownType(typeName)).kustoName();
            columns.add(new TabularOperator.ParseColumn(QueryParser.nameOf(name), type, name.start()));
        } while (tokens.acceptSymbol(","));
        tokens.expectSymbol(")");
        Map<String, String> options = new java.util.LinkedHashMap<>();
        if (tokens.acceptKeyword("with")) {
            tokens.expectSymbol("(");
            do {
                Token key = parser.expectName("a parse-kv option");
                String k = key.text().toLowerCase(Locale.ROOT);
                Set<String> known = Set.of("pair_delimiter", "kv_delimiter", "quote", "escape", "greedy", "regex");
                if (!known.contains(k)) {
                    throw tokens.error("unknown parse-kv option '" + key.text() + "'" + Suggestions.didYouMean(k,
                            known),
                            key);
                }
                tokens.expectSymbol("=");
                Token value = tokens.advance();
                if (value.kind() != TokenKind.STRING && value.kind() != TokenKind.IDENTIFIER) {
                    throw tokens.error("expected a string for parse-kv option " + k + " but found " + value.describe(),
                            value);
                }
                String text = value.kind() == TokenKind.STRING ? (String) value.value() : value.text();
                // quote and escape may be repeated: their values are kept, separated by NUL
                options.merge(k, text, (a, b) -> Set.of("quote", "escape").contains(k) ? a + '\0' + b : b);
            } while (tokens.acceptSymbol(","));
            tokens.expectSymbol(")");
        }
        return new TabularOperator.ParseKv(source, columns, options, at);
    }
}

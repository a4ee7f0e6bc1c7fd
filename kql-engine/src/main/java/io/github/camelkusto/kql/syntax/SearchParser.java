package io.github.camelkusto.kql.syntax;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import io.github.camelkusto.kql.syntax.ast.Expr;
import io.github.camelkusto.kql.syntax.ast.TabularExpression;
import io.github.camelkusto.kql.syntax.ast.TabularOperator;
import io.github.camelkusto.kql.types.KqlType;

/** Parses {@code search}: as an operator after a {@code |}, and as a query's source (see {@link QueryParser}). */
final class SearchParser {
    private final QueryParser parser;
    private final TokenCursor tokens;

    SearchParser(QueryParser parser) {
        this.parser = parser;
        this.tokens = parser.tokens;
    }

    /**
     * search as a query's source: {@code search [kind=...] [in (T, ...)] predicate} over the tables named, or
     * every table and view, as {@code union withsource=$table} of them piped into search (the search page).
     */
    TabularExpression searchSource(Token keyword) {
        boolean caseSensitive = searchKind();
        List<TabularExpression> tables;
        if (tokens.acceptKeyword("in")) {
            tokens.expectSymbol("(");
            tables = parser.unionTables();
            tokens.expectSymbol(")");
        } else {
            tables = List.of(new TabularExpression.TablePattern("*", keyword.start()));
        }
        TabularExpression union = new TabularExpression.Union(new TabularOperator.UnionOptions(true, "$table", false),
                tables, keyword.start());
        return new TabularExpression.Pipe(union, searchPredicate(caseSensitive, keyword.start()));
    }

    /** {@code T | search [kind=...] predicate}. */
    TabularOperator search(int at) {
        boolean caseSensitive = searchKind();
        if (tokens.peek().isKeyword("in")) {
            throw tokens.error("T | search in (tables) is not supported: search in (tables) starts a query",
                    tokens.peek());
        }
        return searchPredicate(caseSensitive, at);
    }

    private boolean searchKind() {
        Map<String, Token> options = parser.options(Set.of("kind"));
        boolean caseSensitive = false;
        if (options.containsKey("kind")) {
            Token kind = options.get("kind");
            switch (kind.text().toLowerCase(Locale.ROOT)) {
                case "case_sensitive" -> caseSensitive = true;
                case "case_insensitive" -> caseSensitive = false;
                default -> throw tokens.error("unknown search kind '" + kind.text()
                        + "' (valid: case_sensitive, case_insensitive)", kind);
            }
        }
        return caseSensitive;
    }

    private TabularOperator.Search searchPredicate(boolean caseSensitive, int at) {
        if (tokens.peek().isSymbol("*") && (tokens.peek(1).isSymbol("|") || tokens.peek(1).isSymbol(")")
                || tokens.peek(1).kind() == TokenKind.END)) {
            Token star = tokens.advance(); // search * keeps every row (the search page: where 0 == 0)
            return new TabularOperator.Search(caseSensitive, new Expr.Literal(KqlType.BOOL, true, star.start()), at);
        }
        parser.expressions.searchPredicate = true;
        try {
            return new TabularOperator.Search(caseSensitive, parser.expressions.expression(), at);
        } finally {
            parser.expressions.searchPredicate = false;
        }
    }
}

package io.github.camelkusto.kql.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.syntax.ast.Expr;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;

/**
 * search's bare terms ({@code search "x"}, {@code search "err*" and not "debug"}) as string operators over every
 * column, and {@code * op x} (some column has x).
 */
final class SearchTerms {
    private SearchTerms() {
    }

    static Expr searchTerms(Expr e, Schema schema, boolean caseSensitive, int offset) {
        if (e instanceof Expr.Literal l && l.value() != null && l.type() != KqlType.BOOL) {
            String term = l.value() instanceof String s ? s : KqlValues.toKustoString(l.value());
            if (isInnerWildcard(term)) {
                return anyColumn(schema, "matches regex", innerWildcardRegex(term, caseSensitive, l.offset()),
                        l.offset());
            }
            return anyColumn(schema, termOperator(term, caseSensitive), new Expr.Literal(KqlType.STRING,
                    stripWildcards(term), l.offset()), l.offset());
        }
        if (e instanceof Expr.Call c && c.name().equals(io.github.camelkusto.kql.syntax.ast.TabularOperator.Search.COLUMN_TERM)) {
            String term = (String) ((Expr.Literal) c.args().get(1)).value();
            Expr column = c.args().get(0);
            Expr text = column instanceof Expr.NameRef ref && schema.indexOf(ref.name()).map(i -> schema.column(i)
                    .type() == KqlType.STRING).orElse(true) ? column : new Expr.Call("tostring", List.of(column), offset);
            return test(text, term, caseSensitive, c.offset());
        }
        if (e instanceof Expr.Binary b && (b.op().equals("and") || b.op().equals("or"))) {
            return new Expr.Binary(b.op(), searchTerms(b.left(), schema, caseSensitive, offset),
                    searchTerms(b.right(), schema, caseSensitive, offset), b.offset());
        }
        if (e instanceof Expr.Call c && c.name().equals("not") && c.args().size() == 1) {
            return new Expr.Call("not", List.of(searchTerms(c.args().get(0), schema, caseSensitive, offset)),
                    c.offset());
        }
        return e;
    }

    /** One column's test for a term: has / hasprefix / hassuffix / contains, or a regex for an inner *. */
    private static Expr test(Expr text, String term, boolean caseSensitive, int offset) {
        if (isInnerWildcard(term)) {
            return new Expr.Binary("matches regex", text, innerWildcardRegex(term, caseSensitive, offset), offset);
        }
        return new Expr.Binary(termOperator(term, caseSensitive), text, new Expr.Literal(KqlType.STRING,
                stripWildcards(term), offset), offset);
    }

    /** A * inside the term ({@code "Lab*PC"}): the search page reads it as {@code matches regex @"\bLab.*PC\b"}. */
    private static boolean isInnerWildcard(String term) {
        return term.length() > 2 && term.substring(1, term.length() - 1).contains("*");
    }

    private static Expr innerWildcardRegex(String term, boolean caseSensitive, int offset) {
        StringBuilder regex = new StringBuilder(caseSensitive ? "" : "(?i)").append("\\b");
        String[] parts = term.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            regex.append(i > 0 ? ".*" : "").append(java.util.regex.Pattern.quote(parts[i]));
        }
        return new Expr.Literal(KqlType.STRING, regex.append("\\b").toString(), offset);
    }

    private static String termOperator(String term, boolean caseSensitive) {
        boolean prefix = term.length() > 1 && term.endsWith("*");
        boolean suffix = term.length() > 1 && term.startsWith("*");
        String op = prefix && suffix ? "contains" : prefix ? "hasprefix" : suffix ? "hassuffix" : "has";
        return caseSensitive ? op + "_cs" : op;
    }

    private static String stripWildcards(String term) {
        String t = term.length() > 1 && term.endsWith("*") ? term.substring(0, term.length() - 1) : term;
        return t.length() > 1 && t.startsWith("*") ? t.substring(1) : t;
    }

    /**
     * {@code tostring(col) op right} for every column of {@code schema}, or-ed: {@code * has "x"}; and-ed for a
     * negated operator ({@code * !has "x"}: no column has it).
     */
    static Expr anyColumn(Schema schema, String op, Expr right, int offset) {
        String combine = op.startsWith("!") ? "and" : "or";
        List<Expr> tests = new ArrayList<>();
        for (Column c : schema.columns()) {
            Expr col = new Expr.NameRef(c.name(), offset);
            Expr text = c.type() == KqlType.STRING ? col : new Expr.Call("tostring", List.of(col), offset);
            tests.add(new Expr.Binary(op, text, right, offset));
        }
        return tests.isEmpty() ? new Expr.Literal(KqlType.BOOL, false, offset)
                : Expr.Binary.associative(combine, tests, Collections.nCopies(tests.size() - 1, offset));
    }
}

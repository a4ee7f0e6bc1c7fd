package io.github.camelkusto.kql.conformance;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a query fixes the order of its result rows, by one textual rule: the query (string literals
 * blanked) has an ordering operator ({@code | sort}, {@code | order}, {@code | top}, {@code | serialize})
 * and no operator that makes a new, unordered row set ({@code summarize}, {@code distinct}, {@code join},
 * {@code union}, ...) comes after the last one. Anything else is compared as a multiset. {@code top-nested}
 * and {@code top-hitters} are not ordering operators.
 */
final class RowOrder {
    private static final Pattern STRING_LITERAL = Pattern.compile("@?\"(?:[^\"\\\\]|\\\\.)*\"|@?'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern ORDERING = Pattern.compile("\\|\\s*(?:sort|order|top|serialize)(?![-\\w])");
    private static final Pattern UNORDERING = Pattern.compile("\\|\\s*(?:summarize|distinct|join|union|lookup|"
            + "make-series|sample|sample-distinct|top-hitters|top-nested|evaluate|facet|fork|partition|count|"
            + "reduce)(?![-\\w])");

    private RowOrder() {
    }

    static boolean matters(String query) {
        String code = STRING_LITERAL.matcher(query).replaceAll("\"\"");
        int lastOrdering = last(ORDERING.matcher(code));
        return lastOrdering >= 0 && last(UNORDERING.matcher(code)) < lastOrdering;
    }

    private static int last(Matcher matcher) {
        int at = -1;
        while (matcher.find()) {
            at = matcher.start();
        }
        return at;
    }
}

package io.github.camelkusto.kql.golden;

import java.util.List;
import java.util.Map;

/**
 * One case of a {@code .kql-cases} file: a query over some tables and either the table it must return or the
 * error it must raise. {@code pending} (a reason, or null) marks a case the engine cannot pass yet; {@code skip}
 * (a reason, or null) one that is not run at all, because its expected output cannot be checked (it depends on
 * the clock, on randomness, or its source is ambiguous). {@code source} cites where the case comes from (a
 * documentation page), or is null.
 *
 * @param tables the file's shared tables overlaid with the case's own, by name
 * @param errors texts the error message must all contain (none when a table is expected)
 * @param errorLine with {@code errorColumn}, where the error must point (0 when not checked)
 */
record GoldenCase(String file, String title, int line, Map<String, TableText> tables, String query, TableText expected,
        boolean ordered, List<String> errors, int errorLine, int errorColumn, String pending, String skip,
        String source) {

    String name() {
        return file + " :: " + title;
    }

    boolean expectsError() {
        return !errors.isEmpty();
    }

    @Override
    public String toString() {
        return name();
    }
}

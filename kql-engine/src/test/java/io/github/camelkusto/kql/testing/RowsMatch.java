package io.github.camelkusto.kql.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.github.camelkusto.kql.types.KqlType;

/**
 * Compares the rows of a result with the expected rows, in order or as multisets (each expected row matched
 * by one distinct actual row), and says briefly where they differ.
 */
public final class RowsMatch {
    private static final int SHOWN_ROWS = 3;

    private RowsMatch() {
    }

    /** Why the rows differ, or empty when they match. {@code types} tells how to compare each column. */
    public static Optional<String> mismatch(List<KqlType> types, List<List<Object>> expected,
            List<List<Object>> actual, boolean ordered) {
        return ordered ? orderedMismatch(types, expected, actual) : multisetMismatch(types, expected, actual);
    }

    private static Optional<String> orderedMismatch(List<KqlType> types, List<List<Object>> expected,
            List<List<Object>> actual) {
        for (int r = 0; r < Math.min(expected.size(), actual.size()); r++) {
            if (!rowMatches(types, expected.get(r), actual.get(r))) {
                return Optional.of(countNote(expected, actual) + "row " + (r + 1) + ": expected " + render(expected.get(r))
                        + " got " + render(actual.get(r)));
            }
        }
        if (expected.size() != actual.size()) {
            List<List<Object>> extra = expected.size() > actual.size()
                    ? expected.subList(actual.size(), expected.size()) : actual.subList(expected.size(), actual.size());
            return Optional.of(countNote(expected, actual) + (expected.size() > actual.size() ? "missing " : "unexpected ")
                    + renderRows(extra));
        }
        return Optional.empty();
    }

    /** Which expected rows the result lacks, each matched by a distinct actual row; empty when it has them all. */
    public static Optional<String> missing(List<KqlType> types, List<List<Object>> expected, List<List<Object>> actual) {
        List<List<Object>> unmatched = new ArrayList<>(actual);
        List<List<Object>> missing = new ArrayList<>();
        for (List<Object> row : expected) {
            int at = indexOf(types, row, unmatched);
            if (at < 0) {
                missing.add(row);
            } else {
                unmatched.remove(at);
            }
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of("missing " + renderRows(missing));
    }

    private static Optional<String> multisetMismatch(List<KqlType> types, List<List<Object>> expected,
            List<List<Object>> actual) {
        List<List<Object>> unmatched = new ArrayList<>(actual);
        List<List<Object>> missing = new ArrayList<>();
        for (List<Object> row : expected) {
            int at = indexOf(types, row, unmatched);
            if (at < 0) {
                missing.add(row);
            } else {
                unmatched.remove(at);
            }
        }
        if (missing.isEmpty() && unmatched.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder why = new StringBuilder(countNote(expected, actual));
        if (!missing.isEmpty()) {
            why.append("missing ").append(renderRows(missing));
        }
        if (!unmatched.isEmpty()) {
            why.append(missing.isEmpty() ? "" : "; ").append("unexpected ").append(renderRows(unmatched));
        }
        return Optional.of(why.toString());
    }

    private static int indexOf(List<KqlType> types, List<Object> row, List<List<Object>> rows) {
        for (int i = 0; i < rows.size(); i++) {
            if (rowMatches(types, row, rows.get(i))) {
                return i;
            }
        }
        return -1;
    }

    public static boolean rowMatches(List<KqlType> types, List<Object> expected, List<Object> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int c = 0; c < expected.size(); c++) {
            if (!ValueMatch.matches(types.get(c), expected.get(c), actual.get(c))) {
                return false;
            }
        }
        return true;
    }

    private static String countNote(List<List<Object>> expected, List<List<Object>> actual) {
        return expected.size() == actual.size() ? ""
                : "expected " + expected.size() + " rows, got " + actual.size() + "; ";
    }

    private static String renderRows(List<List<Object>> rows) {
        String shown = rows.stream().limit(SHOWN_ROWS).map(RowsMatch::render).collect(Collectors.joining(", "));
        return rows.size() > SHOWN_ROWS ? shown + " and " + (rows.size() - SHOWN_ROWS) + " more" : shown;
    }

    public static String render(List<Object> row) {
        return row.stream().map(ValueMatch::render).collect(Collectors.joining(", ", "(", ")"));
    }
}

package io.github.camelkusto.kql.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.node.NullNode;
import io.github.camelkusto.kql.testing.ExpectedValues;
import io.github.camelkusto.kql.types.KqlType;

/**
 * Reads a row as the conformance file renders it: {@code (1, 'x', [\n  1\n], null, 2020-01-01T00:00:00.0000000Z)}.
 * Strings (and guids) are in single quotes with nothing escaped, so {@code 'O'Brien'} is one string and a
 * string may hold {@code ', '}; the column types resolve that: a string ends at a quote after which the rest
 * of the row still reads as the remaining columns (tried nearest first, backtracking). Dynamic values are JSON
 * (strings in it escaped), other values bare tokens without {@code ", "}.
 */
final class KustoTuple {
    private static final String SEPARATOR = ", ";

    private final String text;
    private final List<KqlType> types;
    private final int end;

    private KustoTuple(String text, List<KqlType> types) {
        this.text = text;
        this.types = types;
        this.end = text.length() - 1;
    }

    /**
     * The values of {@code text} read as {@code types}: Long for int and long, Double for real, String,
     * Boolean, Instant, Duration, UUID, a JsonNode for dynamic (JSON null for {@code null}), Java null for a
     * null of the other types.
     *
     * @throws IllegalArgumentException when the text is not such a row
     */
    static List<Object> parse(String text, List<KqlType> types) {
        if (!text.startsWith("(") || !text.endsWith(")")) {
            throw new IllegalArgumentException("not a (...) row: " + text);
        }
        List<Object> values = new KustoTuple(text, types).from(1, 0);
        if (values == null) {
            throw new IllegalArgumentException("cannot read " + text + " as " + types);
        }
        return values;
    }

    /** The values of the columns from {@code column} on, starting at {@code pos}; null when they do not read. */
    private List<Object> from(int pos, int column) {
        if (column == types.size()) {
            return pos == end ? new ArrayList<>() : null;
        }
        if (column > 0) {
            if (!text.startsWith(SEPARATOR, pos)) {
                return null;
            }
            pos += SEPARATOR.length();
        }
        for (Candidate candidate : candidates(pos, types.get(column))) {
            List<Object> rest = from(candidate.end(), column + 1);
            if (rest != null) {
                rest.add(0, candidate.value());
                return rest;
            }
        }
        return null;
    }

    private record Candidate(Object value, int end) {
    }

    /** The ways a value of {@code type} can be read at {@code pos}, nearest end first. */
    private List<Candidate> candidates(int pos, KqlType type) {
        if (text.startsWith("null", pos) && endsValue(pos + 4)) {
            return List.of(new Candidate(type == KqlType.DYNAMIC ? NullNode.getInstance() : null, pos + 4));
        }
        try {
            return switch (type) {
                case STRING, GUID -> quoted(pos, type);
                case DYNAMIC -> {
                    int valueEnd = jsonEnd(pos);
                    yield List.of(new Candidate(ExpectedValues.parse(type, text.substring(pos, valueEnd)), valueEnd));
                }
                default -> {
                    int valueEnd = text.indexOf(SEPARATOR, pos);
                    valueEnd = valueEnd < 0 || valueEnd > end ? end : valueEnd;
                    yield List.of(new Candidate(ExpectedValues.parse(type, text.substring(pos, valueEnd)), valueEnd));
                }
            };
        } catch (IllegalArgumentException e) {
            return Collections.emptyList(); // this column does not read here: the caller backtracks
        }
    }

    private List<Candidate> quoted(int pos, KqlType type) {
        if (pos > end || text.charAt(pos) != '\'') {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int close = text.indexOf('\'', pos + 1); close >= 0 && close <= end; close = text.indexOf('\'', close + 1)) {
            if (endsValue(close + 1)) {
                try {
                    candidates.add(new Candidate(ExpectedValues.parse(type, text.substring(pos + 1, close)), close + 1));
                } catch (IllegalArgumentException e) {
                    // not a guid up to this quote: a later quote may close it
                }
            }
        }
        return candidates;
    }

    /** Whether a value may end at {@code pos}: the row ends or the next value starts there. */
    private boolean endsValue(int pos) {
        return pos == end || text.startsWith(SEPARATOR, pos);
    }

    /** Where the JSON value starting at {@code pos} ends: brackets balanced, strings with their escapes skipped. */
    private int jsonEnd(int pos) {
        char first = text.charAt(pos);
        if (first == '"') {
            return stringEnd(pos);
        }
        if (first != '[' && first != '{') {
            int valueEnd = text.indexOf(SEPARATOR, pos);
            return valueEnd < 0 || valueEnd > end ? end : valueEnd;
        }
        int depth = 0;
        for (int i = pos; i < end; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                i = stringEnd(i) - 1;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if ((c == ']' || c == '}') && --depth == 0) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("unbalanced JSON at " + pos);
    }

    private int stringEnd(int quote) {
        for (int i = quote + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("unterminated JSON string at " + quote);
    }
}

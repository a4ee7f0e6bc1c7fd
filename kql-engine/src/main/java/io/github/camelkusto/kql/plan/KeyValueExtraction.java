package io.github.camelkusto.kql.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.types.KqlType;

/**
 * The {@code parse-kv} operator, in its three modes as ADX documents them:
 * <ul>
 * <li>delimiters ({@code pair_delimiter}, {@code kv_delimiter}): the text is read as
 * {@code key<kv>value<pair>key<kv>value...}; a value runs to the next pair delimiter (further kv delimiters are
 * part of it: {@code a==b} gives a = "=b") or, with {@code greedy=true}, to the next pair delimiter that is
 * followed by a key and a kv delimiter;</li>
 * <li>no delimiters: a listed key is found as a word, any run of characters that are not letters or digits
 * separates it from its value, and an unquoted value is a run of letters and digits;</li>
 * <li>{@code regex}: each match's first group is a key and its second group the value.</li>
 * </ul>
 * Keys and values may be quoted ({@code quote='"'}, or {@code quote='()'} for different opening and closing
 * quotes; repeatable), and a quoted one may hold an escaped character ({@code escape='\\'}). Spaces around keys and
 * values are dropped; the first occurrence of a key wins; a key that is not there, or a value that does not
 * convert, gives "" in a string column and null in others.
 */
public final class KeyValueExtraction implements TextExtraction {
    private final List<Column> columns;
    private final Map<String, Integer> slots = new HashMap<>();
    private final String pairDelimiter;
    private final String kvDelimiter;
    private final String openQuotes;
    private final String closeQuotes;
    private final String escapes;
    private final boolean greedy;
    private final Pattern regex;

    /** A value or key read from the text, and the position after it. */
    private record Read(String text, int end) {
    }

    /**
     * @param quotes one- or two-character quote specifications, or null
     * @param escapes one-character escape specifications, or null
     * @param regex a pattern with two groups (key, value), or null for the delimiter modes
     */
    public KeyValueExtraction(List<Column> columns, String pairDelimiter, String kvDelimiter, List<String> quotes,
            List<String> escapes, boolean greedy, String regex) {
        if (pairDelimiter != null && pairDelimiter.isEmpty() || kvDelimiter != null && kvDelimiter.isEmpty()) {
            throw new IllegalArgumentException("parse-kv delimiters must not be empty");
        }
        if ((pairDelimiter == null) != (kvDelimiter == null)) {
            throw new IllegalArgumentException("parse-kv needs with (pair_delimiter=..., kv_delimiter=...): both delimiters, or neither");
        }
        this.columns = List.copyOf(columns);
        for (int c = 0; c < columns.size(); c++) {
            slots.putIfAbsent(columns.get(c).name(), c);
        }
        this.pairDelimiter = pairDelimiter;
        this.kvDelimiter = kvDelimiter;
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (String q : quotes == null ? List.<String>of() : quotes) {
            if (q.length() != 1 && q.length() != 2) {
                throw new IllegalArgumentException("parse-kv quote must be one or two characters, not '" + q + "'");
            }
            open.append(q.charAt(0));
            close.append(q.charAt(q.length() - 1));
        }
        this.openQuotes = open.toString();
        this.closeQuotes = close.toString();
        StringBuilder escape = new StringBuilder();
        for (String e : escapes == null ? List.<String>of() : escapes) {
            if (e.length() != 1) {
                throw new IllegalArgumentException("parse-kv escape must be one character, not '" + e + "'");
            }
            escape.append(e);
        }
        this.escapes = escape.toString();
        this.greedy = greedy;
        this.regex = regex == null ? null : Pattern.compile(regex);
        if (this.regex != null && this.regex.matcher("").groupCount() != 2) {
            throw new IllegalArgumentException("parse-kv regex must have exactly two capturing groups (key, value)");
        }
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public boolean extract(String text, Object[] out) {
        boolean[] seen = new boolean[columns.size()];
        if (regex != null) {
            Matcher m = regex.matcher(text);
            while (m.find()) {
                if (m.group(1) != null && m.group(2) != null) {
                    assign(m.group(1).strip(), m.group(2).strip(), seen, out);
                }
            }
        } else if (pairDelimiter != null) {
            delimited(text, seen, out);
        } else {
            undelimited(text, seen, out);
        }
        for (int c = 0; c < out.length; c++) {
            if (!seen[c]) {
                out[c] = null;
            }
            if (out[c] == null && columns.get(c).type() == KqlType.STRING) {
                out[c] = "";
            }
        }
        return true;
    }

    private void assign(String key, String value, boolean[] seen, Object[] out) {
        Integer slot = slots.get(key);
        if (slot != null && !seen[slot]) {
            seen[slot] = true;
            out[slot] = PatternExtraction.convert(value, columns.get(slot).type());
        }
    }

    private void delimited(String text, boolean[] seen, Object[] out) {
        int pos = 0;
        int n = text.length();
        while (pos < n) {
            pos = skipSpaces(text, pos);
            Read key = key(text, pos);
            int at = skipSpaces(text, key.end());
            if (!text.startsWith(kvDelimiter, at)) {
                int pair = text.indexOf(pairDelimiter, key.end());
                pos = key.end() >= n || pair < 0 ? n : pair + pairDelimiter.length(); // a word without a value
                continue;
            }
            int valueStart = skipSpaces(text, at + kvDelimiter.length());
            String value;
            int next;
            if (valueStart < n && openQuotes.indexOf(text.charAt(valueStart)) >= 0) {
                Read quoted = quoted(text, valueStart);
                value = quoted.text();
                int pair = text.indexOf(pairDelimiter, quoted.end());
                next = pair < 0 ? n : pair + pairDelimiter.length();
            } else {
                int pair = greedy ? nextKey(text, valueStart) : text.indexOf(pairDelimiter, valueStart);
                value = text.substring(valueStart, pair < 0 ? n : pair).strip();
                next = pair < 0 ? n : pair + pairDelimiter.length();
            }
            assign(key.text(), value, seen, out);
            pos = next;
        }
    }

    /** A key at {@code pos}: quoted, or up to the next delimiter. */
    private Read key(String text, int pos) {
        if (pos < text.length() && openQuotes.indexOf(text.charAt(pos)) >= 0) {
            return quoted(text, pos);
        }
        int end = pos;
        while (end < text.length() && !text.startsWith(kvDelimiter, end) && !text.startsWith(pairDelimiter, end)) {
            end++;
        }
        return new Read(text.substring(pos, end).strip(), end);
    }

    /** Greedy mode: the next pair delimiter that a key and a kv delimiter follow, or -1. */
    private int nextKey(String text, int from) {
        for (int pair = text.indexOf(pairDelimiter, from); pair >= 0;
                pair = text.indexOf(pairDelimiter, pair + 1)) {
            int keyStart = skipSpaces(text, pair + pairDelimiter.length());
            Read key = key(text, keyStart);
            if (!key.text().isEmpty() && text.startsWith(kvDelimiter, skipSpaces(text, key.end()))) {
                return pair;
            }
        }
        return -1;
    }

    /** A quoted text starting at {@code pos} (an opening quote), escapes resolved; unclosed: to the end. */
    private Read quoted(String text, int pos) {
        char close = closeQuotes.charAt(openQuotes.indexOf(text.charAt(pos)));
        StringBuilder value = new StringBuilder();
        int i = pos + 1;
        while (i < text.length() && text.charAt(i) != close) {
            if (escapes.indexOf(text.charAt(i)) >= 0 && i + 1 < text.length()) {
                i++;
            }
            value.append(text.charAt(i++));
        }
        return new Read(value.toString(), Math.min(i + 1, text.length()));
    }

    /** No delimiters: each listed key where it first appears as a word, then separators, then its value. */
    private void undelimited(String text, boolean[] seen, Object[] out) {
        List<String> keys = new ArrayList<>(slots.keySet());
        int n = text.length();
        int pos = 0;
        while (pos < n) {
            if (!isWordChar(text.charAt(pos)) || pos > 0 && isWordChar(text.charAt(pos - 1))) {
                pos++;
                continue;
            }
            int wordEnd = pos;
            while (wordEnd < n && isWordChar(text.charAt(wordEnd))) {
                wordEnd++;
            }
            String word = text.substring(pos, wordEnd);
            int valueStart = wordEnd;
            while (valueStart < n && !isWordChar(text.charAt(valueStart))
                    && openQuotes.indexOf(text.charAt(valueStart)) < 0) {
                valueStart++;
            }
            if (keys.contains(word) && valueStart > wordEnd && valueStart < n) {
                Read value;
                if (openQuotes.indexOf(text.charAt(valueStart)) >= 0) {
                    value = quoted(text, valueStart);
                } else {
                    int end = valueStart;
                    while (end < n && isWordChar(text.charAt(end))) {
                        end++;
                    }
                    value = new Read(text.substring(valueStart, end), end);
                }
                assign(word, value.text().strip(), seen, out);
                pos = value.end();
                continue;
            }
            pos = wordEnd;
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    private static int skipSpaces(String text, int pos) {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }
}

package io.github.camelkusto.kql.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.types.KqlType;

/**
 * The {@code parse-kv} operator with delimiters: the text is read as {@code key<kv>value<pair>key<kv>value...}.
 * Spaces around keys and values are dropped; a value runs to the next pair delimiter (further kv delimiters are
 * part of it: {@code a==b} gives a = "=b"), or between quotes when it starts with one; the first occurrence of
 * a key wins; a key that is not there, or a value that does not convert, gives "" in a string column and null
 * in others.
 */
public final class KeyValueExtraction implements TextExtraction {
    private final List<Column> columns;
    private final Map<String, Integer> slots = new HashMap<>();
    private final String pairDelimiter;
    private final String kvDelimiter;
    private final String quotes;

    public KeyValueExtraction(List<Column> columns, String pairDelimiter, String kvDelimiter, String quotes) {
        if (pairDelimiter.isEmpty() || kvDelimiter.isEmpty()) {
            throw new IllegalArgumentException("parse-kv delimiters must not be empty");
        }
        this.columns = List.copyOf(columns);
        for (int c = 0; c < columns.size(); c++) {
            slots.putIfAbsent(columns.get(c).name(), c);
        }
        this.pairDelimiter = pairDelimiter;
        this.kvDelimiter = kvDelimiter;
        this.quotes = quotes == null ? "" : quotes;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public boolean extract(String text, Object[] out) {
        boolean[] seen = new boolean[columns.size()];
        int pos = 0;
        int n = text.length();
        while (pos < n) {
            pos = skipSpaces(text, pos);
            int keyEnd = pos;
            while (keyEnd < n && !text.startsWith(kvDelimiter, keyEnd) && !text.startsWith(pairDelimiter, keyEnd)) {
                keyEnd++;
            }
            String key = text.substring(pos, keyEnd).strip();
            int at = skipSpaces(text, keyEnd);
            if (!text.startsWith(kvDelimiter, at)) {
                pos = keyEnd >= n ? n : keyEnd + pairDelimiter.length(); // a word without a value: next pair
                continue;
            }
            int valueStart = skipSpaces(text, at + kvDelimiter.length());
            String value;
            int next;
            if (valueStart < n && quotes.indexOf(text.charAt(valueStart)) >= 0) {
                char quote = text.charAt(valueStart);
                int close = text.indexOf(quote, valueStart + 1);
                int valueEnd = close < 0 ? n : close;
                value = text.substring(valueStart + 1, valueEnd);
                int after = close < 0 ? n : close + 1;
                int pair = text.indexOf(pairDelimiter, after);
                next = pair < 0 ? n : pair + pairDelimiter.length();
            } else {
                int pair = text.indexOf(pairDelimiter, valueStart);
                int valueEnd = pair < 0 ? n : pair;
                value = text.substring(valueStart, valueEnd).strip();
                next = pair < 0 ? n : pair + pairDelimiter.length();
            }
            Integer slot = slots.get(key);
            if (slot != null && !seen[slot]) {
                seen[slot] = true;
                out[slot] = PatternExtraction.convert(value, columns.get(slot).type());
            }
            pos = next;
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

    private static int skipSpaces(String text, int pos) {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }
}

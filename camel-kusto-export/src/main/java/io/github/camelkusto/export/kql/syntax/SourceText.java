package io.github.camelkusto.export.kql.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * The text a user wrote, able to point at a place in it: {@code line 2, column 14} and the line itself with a
 * caret under the place. Ranges marked secret (obfuscated literals, account keys) are shown as {@code ****}.
 */
public final class SourceText {
    static final String MASK = "****";

    private final String text;
    private final List<int[]> secrets = new ArrayList<>();

    public SourceText(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** Marks {@code [start, end)} as secret: it is never shown in an excerpt. */
    public synchronized void markSecret(int start, int end) {
        if (end > start) {
            secrets.add(new int[] {start, end});
        }
    }

    public int line(int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    public int column(int offset) {
        return Math.min(offset, text.length()) - lineStart(offset) + 1;
    }

    /** {@code line L, column C}, 1-based. */
    public String position(int offset) {
        return "line " + line(offset) + ", column " + column(offset);
    }

    /** The line holding {@code offset}, secrets masked, and a caret under {@code offset} on the next line. */
    public synchronized String excerpt(int offset) {
        int start = lineStart(offset);
        int end = text.indexOf('\n', start);
        if (end < 0) {
            end = text.length();
        }
        StringBuilder line = new StringBuilder();
        int caret = -1;
        int i = start;
        while (i <= end) {
            if (i == Math.min(offset, text.length())) {
                caret = line.length();
            }
            if (i == end) {
                break;
            }
            int secretEnd = secretEndingAfter(i);
            if (secretEnd > i) {
                line.append(MASK);
                if (offset > i && offset < secretEnd) {
                    caret = line.length() - MASK.length();
                }
                i = secretEnd;
            } else {
                char c = text.charAt(i);
                line.append(c == '\t' ? ' ' : c);
                i++;
            }
        }
        String trimmed = line.toString().stripTrailing();
        return "  " + trimmed + "\n  " + " ".repeat(Math.max(0, caret)) + "^";
    }

    private int secretEndingAfter(int i) {
        for (int[] s : secrets) {
            if (i >= s[0] && i < s[1]) {
                return s[1];
            }
        }
        return -1;
    }

    private int lineStart(int offset) {
        int o = Math.min(offset, text.length());
        int nl = o == 0 ? -1 : text.lastIndexOf('\n', o - 1);
        return nl + 1;
    }
}

package io.github.camelkusto.kql.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * The text a user wrote, able to point at a place in it: {@code line 2, column 14} and the line itself with a
 * caret under the place. Every string literal of the shown line is masked as {@code ****}: connection strings
 * carry keys and SAS tokens, obfuscated literals carry anything, and a line is shown before all of its literals
 * have been parsed, so no literal is shown at all.
 */
public final class SourceText {
    static final String MASK = "****";
    /** Characters an excerpt shows on either side of the caret when its line is long. */
    private static final int EXCERPT_CONTEXT = 100;

    private final String text;

    /** {@code text} with its obfuscated literals ({@code h'..'}, {@code h@".."}, ...) masked: safe to log. */
    public static String maskObfuscatedLiterals(String text) {
        StringBuilder masked = new StringBuilder(text.length());
        int copied = 0;
        for (int start = nextLiteral(text, 0); start >= 0; start = nextLiteral(text, copied)) {
            int end = literalEnd(text, start);
            char first = text.charAt(start);
            masked.append(text, copied, start);
            if (first == 'h' || first == 'H') {
                masked.append("h'").append(MASK).append('\'');
            } else {
                masked.append(text, start, end);
            }
            copied = end;
        }
        return masked.append(text, copied, text.length()).toString();
    }

    /**
     * Where the next string literal at or after {@code from} starts, -1 when none does. A literal is one of
     * Kusto's forms ({@code '..'}, {@code ".."} with escapes, verbatim {@code @'..'} with doubled quotes,
     * obfuscated {@code h'..'}); the {@code h} belongs to it only at the start of a word.
     */
    private static int nextLiteral(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean wordStart = i == 0 || !isWordChar(text.charAt(i - 1));
            if ((c == 'h' || c == 'H') && wordStart && opensLiteral(text, i + 1)) {
                return i;
            }
            if (c == '\'' || c == '"' || c == '@' && opensLiteral(text, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean opensLiteral(String text, int at) {
        char c = at < text.length() ? text.charAt(at) : 0;
        char next = at + 1 < text.length() ? text.charAt(at + 1) : 0;
        return c == '\'' || c == '"' || c == '@' && (next == '\'' || next == '"');
    }

    /**
     * The end (exclusive) of the literal starting at {@code start}: after its closing quote, or at the end of
     * its line when it is unterminated. A loop, not a regex: a long literal must not deepen the stack.
     */
    private static int literalEnd(String text, int start) {
        int at = start;
        if (text.charAt(at) == 'h' || text.charAt(at) == 'H') {
            at++;
        }
        boolean verbatim = text.charAt(at) == '@';
        if (verbatim) {
            at++;
        }
        char quote = text.charAt(at++);
        while (at < text.length() && text.charAt(at) != '\n') {
            char c = text.charAt(at);
            if (c == quote) {
                if (verbatim && at + 1 < text.length() && text.charAt(at + 1) == quote) {
                    at += 2;
                    continue;
                }
                return at + 1;
            }
            at += !verbatim && c == '\\' && at + 1 < text.length() && text.charAt(at + 1) != '\n' ? 2 : 1;
        }
        return at;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    public SourceText(String text) {
        this.text = text;
    }

    public String text() {
        return text;
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

    /**
     * The line holding {@code offset}, with a caret under {@code offset} on the next line. Masked: every string
     * literal, and what follows the first {@code ;} or {@code ?} of an unquoted URL-like word (a connection string
     * written without quotes carries its key or SAS there). A long line is cut to a window around the caret.
     */
    public String excerpt(int offset) {
        int at = Math.min(offset, text.length());
        int start = lineStart(at);
        int end = text.indexOf('\n', start);
        String line = text.substring(start, end < 0 ? text.length() : end);
        StringBuilder shown = new StringBuilder();
        int caret = -1;
        int copied = 0;
        for (int[] secret : secretSpans(line)) {
            shown.append(line, copied, secret[0]);
            if (caret < 0 && at - start < secret[1]) {
                // the caret points into or before this span: at its start when inside, where it is before it
                caret = at - start < secret[0] ? shown.length() - (secret[0] - (at - start)) : shown.length();
            }
            shown.append(MASK);
            copied = secret[1];
        }
        shown.append(line, copied, line.length());
        if (caret < 0) {
            caret = shown.length() - (line.length() - (at - start));
        }
        caret = Math.max(0, caret);
        String display = shown.toString().replace('\t', ' ').stripTrailing();
        if (display.length() > 2 * EXCERPT_CONTEXT) {
            int from = Math.max(0, Math.min(caret, display.length()) - EXCERPT_CONTEXT);
            int to = Math.min(display.length(), from + 2 * EXCERPT_CONTEXT);
            display = (from > 0 ? "..." : "") + display.substring(from, to) + (to < display.length() ? "..." : "");
            caret = caret - from + (from > 0 ? 3 : 0);
        }
        return "  " + display + "\n  " + " ".repeat(caret) + "^";
    }

    /** The spans [start, end) of {@code line} an excerpt masks, in order: literals and unquoted URL secrets. */
    private static List<int[]> secretSpans(String line) {
        List<int[]> spans = new ArrayList<>();
        int from = 0;
        while (from < line.length()) {
            int literal = nextLiteral(line, from);
            int unquotedEnd = literal < 0 ? line.length() : literal;
            urlSecrets(line, from, unquotedEnd, spans);
            if (literal < 0) {
                break;
            }
            from = literalEnd(line, literal);
            spans.add(new int[] {literal, from});
        }
        return spans;
    }

    /** In unquoted text: each word holding {@code ://}, from its first {@code ;} or {@code ?} to its end. */
    private static void urlSecrets(String line, int from, int to, List<int[]> spans) {
        int word = from;
        while (word < to) {
            while (word < to && isWordBreak(line.charAt(word))) {
                word++;
            }
            int wordEnd = word;
            while (wordEnd < to && !isWordBreak(line.charAt(wordEnd))) {
                wordEnd++;
            }
            boolean urlLike = false;
            for (int i = word; i < wordEnd; i++) {
                urlLike |= line.startsWith("://", i);
                if (urlLike && (line.charAt(i) == ';' || line.charAt(i) == '?')) {
                    spans.add(new int[] {i + 1, wordEnd});
                    break;
                }
            }
            word = wordEnd;
        }
    }

    private static boolean isWordBreak(char c) {
        return Character.isWhitespace(c) || c == ',' || c == '(' || c == ')';
    }

    private int lineStart(int offset) {
        int o = Math.min(offset, text.length());
        int nl = o == 0 ? -1 : text.lastIndexOf('\n', o - 1);
        return nl + 1;
    }
}

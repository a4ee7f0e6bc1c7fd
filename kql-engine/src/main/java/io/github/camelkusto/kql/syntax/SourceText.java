package io.github.camelkusto.kql.syntax;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text a user wrote, able to point at a place in it: {@code line 2, column 14} and the line itself with a
 * caret under the place. Every string literal of the shown line is masked as {@code ****}: connection strings
 * carry keys and SAS tokens, obfuscated literals carry anything, and a line is shown before all of its literals
 * have been parsed, so no literal is shown at all.
 */
public final class SourceText {
    static final String MASK = "****";

    /**
     * A string literal in any of Kusto's forms ({@code '..'}, {@code ".."} with escapes, verbatim {@code @'..'}
     * with doubled quotes, obfuscated {@code h'..'}), or an unterminated one running to the end of the line.
     */
    private static final Pattern STRING_LITERAL = Pattern.compile(
            "(?:\\b[hH])?(?:@'(?:[^'\\n]|'')*(?:'|$)|@\"(?:[^\"\\n]|\"\")*(?:\"|$)"
                    + "|'(?:[^'\\\\\\n]|\\\\.)*(?:'|\\\\?$)|\"(?:[^\"\\\\\\n]|\\\\.)*(?:\"|\\\\?$))",
            Pattern.MULTILINE);

    private final String text;

    /** {@code text} with its obfuscated literals ({@code h'..'}, {@code h@".."}, ...) masked: safe to log. */
    public static String maskObfuscatedLiterals(String text) {
        return STRING_LITERAL.matcher(text).replaceAll(literal -> {
            char first = literal.group().charAt(0);
            return first == 'h' || first == 'H' ? "h'" + MASK + "'" : Matcher.quoteReplacement(literal.group());
        });
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

    /** The line holding {@code offset}, string literals masked, and a caret under {@code offset} on the next line. */
    public String excerpt(int offset) {
        int at = Math.min(offset, text.length());
        int start = lineStart(at);
        int end = text.indexOf('\n', start);
        String line = text.substring(start, end < 0 ? text.length() : end);
        StringBuilder shown = new StringBuilder();
        int caret = -1;
        int copied = 0;
        Matcher literal = STRING_LITERAL.matcher(line);
        while (literal.find()) {
            shown.append(line, copied, literal.start());
            if (caret < 0 && at - start < literal.end()) {
                // the caret points into or before this literal: at its start when inside, where it is before it
                caret = at - start < literal.start() ? shown.length() - (literal.start() - (at - start))
                        : shown.length();
            }
            shown.append(MASK);
            copied = literal.end();
        }
        shown.append(line, copied, line.length());
        if (caret < 0) {
            caret = shown.length() - (line.length() - (at - start));
        }
        String display = shown.toString().replace('\t', ' ').stripTrailing();
        return "  " + display + "\n  " + " ".repeat(Math.max(0, caret)) + "^";
    }

    private int lineStart(int offset) {
        int o = Math.min(offset, text.length());
        int nl = o == 0 ? -1 : text.lastIndexOf('\n', o - 1);
        return nl + 1;
    }
}

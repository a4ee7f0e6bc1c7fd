package io.github.camelkusto.kql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;

/**
 * The {@code parse} operator's pattern as one regex, compiled once. Kinds, as Kusto runs them:
 * <ul>
 *   <li>{@code simple} (default): literal texts are matched as written, from the start of the text; each column
 *       takes the shortest run up to the next text (the last one, the rest of the text); a typed value that does
 *       not convert fails the whole row.</li>
 *   <li>{@code relaxed}: as simple, but a value that does not convert only nulls its own column.</li>
 *   <li>{@code regex}: texts are regexes, found anywhere; a string, datetime or other column takes the longest
 *       run ({@code flags=U} makes it the shortest), an int/long column digits, a real column a number.</li>
 * </ul>
 */
public final class PatternExtraction implements TextExtraction {
    private static final String GROUP = "kqlcolumn";
    private final Pattern pattern;
    private final List<Column> columns;
    private final boolean relaxed;

    private PatternExtraction(Pattern pattern, List<Column> columns, boolean relaxed) {
        this.pattern = pattern;
        this.columns = List.copyOf(columns);
        this.relaxed = relaxed;
    }

    /** A literal text of the pattern, or a column (a null name is {@code *}, a null type is string). */
    public record Part(String text, String columnName, KqlType columnType) {
        boolean isText() {
            return text != null;
        }
    }

    /**
     * @throws java.util.regex.PatternSyntaxException for a regex kind pattern that is no regex
     */
    public static PatternExtraction of(String kind, String flags, List<Part> parts) {
        boolean regex = kind.equals("regex");
        boolean lazyStrings = flags != null && flags.contains("U");
        StringBuilder sb = new StringBuilder(regex ? "" : "^");
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            boolean last = i == parts.size() - 1;
            if (p.isText()) {
                sb.append(regex ? "(?:" + p.text() + ")" : Pattern.quote(p.text()));
            } else if (p.columnName() == null) {
                sb.append(last ? "(?:.*)" : "(?:.*?)");
            } else {
                columns.add(new Column(p.columnName(), p.columnType()));
                // a named group: the pattern's own regex texts may hold groups of their own ("(.*?)[a-zA-Z]*=")
                sb.append("(?<").append(GROUP).append(columns.size() - 1).append('>').append(regex ? regexFor(p.columnType(), lazyStrings)
                        : isNumber(p.columnType()) ? regexFor(p.columnType(), lazyStrings) + "|.*?"
                        : last ? ".*" : ".*?").append(')');
            }
        }
        return new PatternExtraction(Pattern.compile(sb.toString(), javaFlags(flags)), columns, kind.equals("relaxed"));
    }

    /**
     * A number column takes the number's digits where there are (else the shortest run, which then fails to
     * convert): before a {@code *} a lazy run would take nothing
     * (the parse page's {@code totalSlices: long * "sliceNumber="} takes 27).
     */
    private static boolean isNumber(KqlType type) {
        return type == KqlType.INT || type == KqlType.LONG || type == KqlType.REAL || type == KqlType.DECIMAL;
    }

    private static String regexFor(KqlType type, boolean lazyStrings) {
        return switch (type) {
            case INT, LONG -> "-?\\d+";
            case REAL, DECIMAL -> "-?\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?";
            case BOOL -> "(?i:true|false)";
            // datetime, timespan and the others take the longest run as a string does (the parse page's regex
            // example with flags=s takes "lockTime=" to the line's end)
            default -> lazyStrings ? ".*?" : ".*";
        };
    }

    private static int javaFlags(String flags) {
        int f = Pattern.DOTALL;
        if (flags == null) {
            return f;
        }
        for (char c : flags.toLowerCase(Locale.ROOT).toCharArray()) {
            f |= switch (c) {
                case 'i' -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                case 'm' -> Pattern.MULTILINE;
                default -> 0;
            };
        }
        if (flags.contains("s")) {
            f |= Pattern.DOTALL;
        }
        return f;
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public boolean extract(String text, Object[] out) {
        Matcher m = pattern.matcher(text);
        boolean matched = m.find();
        for (int c = 0; c < columns.size(); c++) {
            KqlType type = columns.get(c).type();
            Object value = matched ? convert(m.group(GROUP + c), type) : null;
            if (matched && value == null && type != KqlType.STRING && !relaxed) {
                matched = false; // a typed value that does not convert fails the row (kind=simple/regex)
                c = -1;
                continue;
            }
            out[c] = value == null && type == KqlType.STRING ? "" : value;
        }
        return matched;
    }

    /** The captured text as a value of {@code type}, or null when it is not one. */
    static Object convert(String captured, KqlType type) {
        if (captured == null) {
            return null;
        }
        if (type == KqlType.STRING) {
            return captured;
        }
        try {
            return KqlValues.parse(type, captured);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

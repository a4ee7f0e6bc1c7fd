package io.github.camelkusto.kql;

/**
 * User text made safe to quote in a one-line message: control characters escaped as Kusto writes them, and
 * invisible ones (format characters such as the bidi override U+202E, line separators, lone surrogates) as
 * {@code \}{@code uXXXX}, so a message shows what was written and cannot be reordered by it.
 */
public final class Printable {
    private Printable() {
    }

    public static String escapeControls(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(switch (c) {
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            default -> isInvisible(c) ? String.format("\\u%04x", c) : String.valueOf((char) c);
        }));
        return out.toString();
    }

    /** A control, format, line or paragraph separator, or surrogate character: one a name must not hold. */
    public static boolean isInvisible(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE -> true;
            default -> false;
        };
    }
}

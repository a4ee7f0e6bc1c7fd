package io.github.camelkusto.kql;

/** User text made safe to quote in a one-line message: control characters escaped as Kusto writes them. */
public final class Printable {
    private Printable() {
    }

    public static String escapeControls(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(switch (c) {
            case '\n' -> "\\n";
            case '\t' -> "\\t";
            case '\r' -> "\\r";
            default -> Character.isISOControl(c) ? String.format("\\u%04x", c) : String.valueOf((char) c);
        }));
        return out.toString();
    }
}

package io.github.camelkusto.kql.syntax;

/**
 * A token of Kusto text. {@code start}/{@code end} are offsets in the source; {@code value} is the decoded
 * literal (String, Long, Double) or the text itself; {@code obfuscated} marks {@code h"..."} strings, whose
 * value must never be shown.
 */
public record Token(TokenKind kind, String text, Object value, int start, int end, boolean obfuscated) {

    public boolean is(TokenKind k, String s) {
        return kind == k && text.equalsIgnoreCase(s);
    }

    public boolean isSymbol(String s) {
        return kind == TokenKind.SYMBOL && text.equals(s);
    }

    /** An identifier matching {@code keyword}, case-insensitively (the command language's keywords). */
    public boolean isKeyword(String keyword) {
        return is(TokenKind.IDENTIFIER, keyword);
    }

    /** What to call this token in an error message: strings are never spelled out, they may hold secrets. */
    public String describe() {
        return switch (kind) {
            case END -> "the end of the text";
            case STRING -> "a string literal";
            default -> "'" + text + "'";
        };
    }
}

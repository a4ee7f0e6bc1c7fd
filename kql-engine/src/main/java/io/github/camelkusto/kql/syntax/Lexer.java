package io.github.camelkusto.kql.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits Kusto text (queries and control commands share one lexical grammar) into tokens. Handles every
 * string literal form: {@code '..'}, {@code ".."} with escapes, verbatim {@code @'..'}, and obfuscated
 * {@code h'..'}/{@code h@".."}, whose tokens say so (their values are never to be shown). Skips whitespace and
 * {@code //} comments.
 */
public final class Lexer {
    /** 2^63: the magnitude of the smallest long, which a datatable may hold as -9223372036854775808. */
    static final String LONG_MIN_MAGNITUDE = "9223372036854775808";

    private static final Set<String> TYPED_LITERALS = Set.of(
            "datetime", "date", "timespan", "time", "guid", "uniqueid", "int", "long", "real", "double",
            "decimal", "bool", "boolean", "string", "dynamic");
    private static final List<String> SYMBOLS = List.of(
            "<|", "==", "!=", "<>", "<=", ">=", "=~", "!~", "=>", "..",
            "(", ")", "[", "]", "{", "}", ",", ";", "|", "=", "<", ">", "+", "-", "*", "/", "%", ".", ":", "$",
            "!", "?", "~");

    private final SourceText source;
    private final String text;
    private int pos;

    public Lexer(SourceText source) {
        this.source = source;
        this.text = source.text();
    }

    public static List<Token> tokenize(SourceText source) {
        Lexer lexer = new Lexer(source);
        List<Token> tokens = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            tokens.add(t);
        } while (t.kind() != TokenKind.END);
        return tokens;
    }

    /** Continues lexing at {@code offset}: for parsers that read a span of raw text themselves. */
    public void seek(int offset) {
        pos = offset;
    }

    public Token next() {
        skipTrivia();
        if (pos >= text.length()) {
            return new Token(TokenKind.END, "", null, pos, pos, false);
        }
        char c = text.charAt(pos);
        if (isStringStart(pos)) {
            return spliced(string(pos, false));
        }
        if ((c == 'h' || c == 'H') && isStringStart(pos + 1)) {
            return spliced(string(pos + 1, true));
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1))
                && !previousIsIdentifierChar())) {
            return number();
        }
        if (isIdentifierStart(c)) {
            return identifierOrTypedLiteral();
        }
        for (String symbol : SYMBOLS) {
            if (text.startsWith(symbol, pos)) {
                int start = pos;
                pos += symbol.length();
                return new Token(TokenKind.SYMBOL, symbol, symbol, start, pos, false);
            }
        }
        throw new KustoSyntaxException("unexpected character '" + c + "'", source, pos);
    }

    /** {@code first} joined with the string literals that follow it with only whitespace and comments between. */
    private Token spliced(Token first) {
        Token joined = first;
        while (true) {
            int save = pos;
            skipTrivia();
            Token next;
            if (pos < text.length() && isStringStart(pos)) {
                next = string(pos, false);
            } else if (pos < text.length() && (text.charAt(pos) == 'h' || text.charAt(pos) == 'H')
                    && isStringStart(pos + 1)) {
                next = string(pos + 1, true);
            } else {
                pos = save;
                return joined;
            }
            joined = new Token(TokenKind.STRING, text.substring(joined.start(), next.end()),
                    (String) joined.value() + next.value(), joined.start(), next.end(),
                    joined.obfuscated() || next.obfuscated());
        }
    }

    private boolean previousIsIdentifierChar() {
        return pos > 0 && isIdentifierPart(text.charAt(pos - 1));
    }

    private void skipTrivia() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (text.startsWith("//", pos)) {
                int nl = text.indexOf('\n', pos);
                pos = nl < 0 ? text.length() : nl + 1;
            } else {
                return;
            }
        }
    }

    private boolean isStringStart(int at) {
        if (at >= text.length()) {
            return false;
        }
        char c = text.charAt(at);
        if (c == '\'' || c == '"') {
            return true;
        }
        return c == '@' && at + 1 < text.length() && (text.charAt(at + 1) == '\'' || text.charAt(at + 1) == '"');
    }

    /** A string literal whose quote (or {@code @}) is at {@code at}; {@code pos} may point at an {@code h}. */
    private Token string(int at, boolean obfuscated) {
        int start = pos;
        boolean verbatim = text.charAt(at) == '@';
        int quoteAt = verbatim ? at + 1 : at;
        char quote = text.charAt(quoteAt);
        StringBuilder value = new StringBuilder();
        int i = quoteAt + 1;
        while (true) {
            if (i >= text.length() || text.charAt(i) == '\n') {
                throw new KustoSyntaxException("unterminated string literal", source, start);
            }
            char c = text.charAt(i);
            if (c == quote) {
                if (verbatim && i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    value.append(quote);
                    i += 2;
                    continue;
                }
                i++;
                break;
            }
            if (c == '\\' && !verbatim) {
                i = escape(i, value, start);
                continue;
            }
            value.append(c);
            i++;
        }
        pos = i;
        return new Token(TokenKind.STRING, text.substring(start, pos), value.toString(), start, pos, obfuscated);
    }

    private int escape(int i, StringBuilder value, int literalStart) {
        if (i + 1 >= text.length()) {
            throw new KustoSyntaxException("unterminated string literal", source, literalStart);
        }
        char e = text.charAt(i + 1);
        switch (e) {
            case '\\', '\'', '"' -> value.append(e);
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case '0' -> value.append('\0');
            case 'u' -> {
                if (i + 6 > text.length() || !text.substring(i + 2, i + 6).matches("[0-9a-fA-F]{4}")) {
                    throw new KustoSyntaxException("\\u must be followed by four hex digits", source, i);
                }
                value.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                return i + 6;
            }
            default -> throw new KustoSyntaxException("unknown escape sequence '\\" + e + "' in a string literal"
                    + " (use a verbatim string @'...' for backslashes)", source, i);
        }
        return i + 2;
    }

    private Token number() {
        int start = pos;
        boolean real = false;
        if (text.startsWith("0x", pos) || text.startsWith("0X", pos)) {
            pos += 2;
            while (pos < text.length() && Character.digit(text.charAt(pos), 16) >= 0) {
                pos++;
            }
            String hex = text.substring(start + 2, pos);
            if (hex.isEmpty() || hex.length() > 16) {
                throw new KustoSyntaxException(hex.isEmpty() ? "'0x' must be followed by hex digits"
                        : "hex literal " + text.substring(start, pos) + " is out of the range of long", source, start);
            }
            return new Token(TokenKind.LONG, text.substring(start, pos), Long.parseUnsignedLong(hex, 16), start, pos,
                    false);
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        // "1..5" is a range, not the real "1." followed by ".5"
        if (pos < text.length() && text.charAt(pos) == '.' && !text.startsWith("..", pos)) {
            real = true;
            pos++;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                real = true;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        String digits = text.substring(start, pos);
        if (real) {
            return new Token(TokenKind.REAL, digits, Double.parseDouble(digits), start, pos, false);
        }
        try {
            if (digits.equals(LONG_MIN_MAGNITUDE)) {
                // Only valid negated in a datatable; the parser rejects it everywhere else.
                return new Token(TokenKind.LONG, digits, Long.MIN_VALUE, start, pos, false);
            }
            return new Token(TokenKind.LONG, digits, Long.parseLong(digits), start, pos, false);
        } catch (NumberFormatException e) {
            throw new KustoSyntaxException("integer literal " + digits + " is out of the range of long", source,
                    start);
        }
    }

    private Token identifierOrTypedLiteral() {
        int start = pos;
        while (pos < text.length() && isIdentifierPart(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(start, pos);
        if (TYPED_LITERALS.contains(word.toLowerCase(Locale.ROOT)) && pos < text.length() && text.charAt(pos) == '(') {
            int close = closingParenthesis(pos);
            if (close < 0) {
                throw new KustoSyntaxException("missing ')' after " + word + "(", source, pos);
            }
            String inner = text.substring(pos + 1, close).trim();
            pos = close + 1;
            return new Token(TokenKind.TYPED_LITERAL, word.toLowerCase(Locale.ROOT), inner, start, pos, false);
        }
        return new Token(TokenKind.IDENTIFIER, word, word, start, pos, false);
    }

    /** The ')' closing the '(' at {@code open}, skipping nested parentheses and string literals; -1 if none. */
    private int closingParenthesis(int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != c && text.charAt(j) != '\n') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                i = j;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}

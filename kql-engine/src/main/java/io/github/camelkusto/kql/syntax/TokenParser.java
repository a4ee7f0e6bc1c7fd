package io.github.camelkusto.kql.syntax;

import java.util.Locale;

/**
 * Base of the hand-written parsers of control commands ({@code .export}, {@code .show}, {@code .create table},
 * ...) over the shared {@link TokenCursor}: {@link #current} is the cursor's current token.
 */
public abstract class TokenParser {
    protected final SourceText source;
    protected final TokenCursor tokens;
    protected Token current;

    protected TokenParser(SourceText source, int offset) {
        this.source = source;
        this.tokens = new TokenCursor(source, offset);
        this.current = tokens.peek();
    }

    /** Consumes the current token (the end stays the end) and returns it. */
    protected Token advance() {
        Token t = tokens.advance();
        current = tokens.peek();
        return t;
    }

    /** Continues at {@code offset}: for parsers that read a span of raw text themselves. */
    protected void seek(int offset) {
        tokens.seek(offset);
        current = tokens.peek();
    }

    protected boolean acceptSymbol(String symbol) {
        boolean accepted = tokens.acceptSymbol(symbol);
        current = tokens.peek();
        return accepted;
    }

    protected boolean acceptKeyword(String keyword) {
        boolean accepted = tokens.acceptKeyword(keyword);
        current = tokens.peek();
        return accepted;
    }

    /** @param problem what was expected, e.g. {@code expected '(' after 'with'}; "but found ..." is added */
    protected void expectSymbol(String symbol, String problem) {
        tokens.expectSymbol(symbol, problem);
        current = tokens.peek();
    }

    /** @param problem what was expected; "but found ..." is added */
    protected void expectKeyword(String keyword, String problem) {
        tokens.expectKeyword(keyword, problem);
        current = tokens.peek();
    }

    /** @param where where the text should have ended, e.g. {@code at the end of the command} */
    protected void expectEnd(String where) {
        tokens.expectEnd(where);
    }

    protected KustoSyntaxException error(String problem, Token at) {
        return tokens.error(problem, at);
    }

    /** A word of a command name: {@code set-or-append} is written without blanks around its dashes. */
    protected String commandWord() {
        Token first = current;
        if (first.kind() != TokenKind.IDENTIFIER) {
            return "";
        }
        advance();
        StringBuilder word = new StringBuilder(first.text().toLowerCase(Locale.ROOT));
        int end = first.end();
        while (current.isSymbol("-") && current.start() == end) {
            Token dash = advance();
            if (current.kind() != TokenKind.IDENTIFIER || current.start() != dash.end()) {
                throw error("expected a command name after '-'", current);
            }
            Token part = advance();
            word.append('-').append(part.text().toLowerCase(Locale.ROOT));
            end = part.end();
        }
        return word.toString();
    }

    /** A table or column name: an identifier or {@code ['any name']}. */
    protected String name(String what) {
        Token t = current;
        if (t.kind() == TokenKind.IDENTIFIER) {
            advance();
            return t.text();
        }
        if (t.isSymbol("[")) {
            advance();
            Token literal = advance();
            if (literal.kind() != TokenKind.STRING || literal.obfuscated()) {
                throw error("expected a quoted name inside [ ] but found " + literal.describe(), literal);
            }
            expectSymbol("]", "expected ']' after the quoted name");
            String name = (String) literal.value();
            if (name.isEmpty()) {
                throw error("a name cannot be empty", literal);
            }
            return name;
        }
        throw error("expected " + what + " but found " + t.describe(), t);
    }
}

package io.github.camelkusto.kql.syntax;

import java.util.Locale;

/**
 * The token cursor of the hand-written parsers of control commands ({@code .export}, {@code .show},
 * {@code .create table}, ...): look at the current token, accept or expect a symbol or keyword, fail at a token
 * with its place in the text.
 */
public abstract class TokenParser {
    protected final SourceText source;
    protected final Lexer lexer;
    protected Token current;

    protected TokenParser(SourceText source, int offset) {
        this.source = source;
        this.lexer = new Lexer(source);
        lexer.seek(offset);
        this.current = lexer.next();
    }

    /** Consumes the current token (the end stays the end) and returns it. */
    protected Token advance() {
        Token t = current;
        if (t.kind() != TokenKind.END) {
            current = lexer.next();
        }
        return t;
    }

    protected boolean acceptSymbol(String symbol) {
        if (current.isSymbol(symbol)) {
            advance();
            return true;
        }
        return false;
    }

    protected boolean acceptKeyword(String keyword) {
        if (current.isKeyword(keyword)) {
            advance();
            return true;
        }
        return false;
    }

    /** @param problem what was expected, e.g. {@code expected '(' after 'with'}; "but found ..." is added */
    protected void expectSymbol(String symbol, String problem) {
        if (!acceptSymbol(symbol)) {
            throw error(problem + " but found " + current.describe(), current);
        }
    }

    /** @param problem what was expected; "but found ..." is added */
    protected void expectKeyword(String keyword, String problem) {
        if (!acceptKeyword(keyword)) {
            throw error(problem + " but found " + current.describe(), current);
        }
    }

    /** @param where where the text should have ended, e.g. {@code at the end of the command} */
    protected void expectEnd(String where) {
        if (current.kind() != TokenKind.END) {
            throw error("unexpected " + current.describe() + " " + where, current);
        }
    }

    protected KustoSyntaxException error(String problem, Token at) {
        return new KustoSyntaxException(problem, source, at.start());
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

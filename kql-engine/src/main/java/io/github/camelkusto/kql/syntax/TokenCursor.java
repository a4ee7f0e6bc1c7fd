package io.github.camelkusto.kql.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * The one token cursor of every hand-written parser (queries, control commands, {@code .export}): look at the
 * current token or a few ahead, accept or expect a symbol or keyword, fail at a token with its place in the text.
 * Tokens are lexed as far as they are looked at ({@link #lexAll} lexes the whole text first, so a lexical error
 * anywhere in a query is reported before any syntax error).
 */
public final class TokenCursor {
    private final SourceText source;
    private final List<Token> tokens = new ArrayList<>();
    private Lexer lexer;
    private int position;

    /** A cursor at {@code offset} of {@code source}. */
    public TokenCursor(SourceText source, int offset) {
        this.source = source;
        seek(offset);
    }

    public SourceText source() {
        return source;
    }

    /** Lexes the rest of the text now. */
    public TokenCursor lexAll() {
        while (last() == null || last().kind() != TokenKind.END) {
            tokens.add(lexer.next());
        }
        return this;
    }

    /** Continues at {@code offset}: for parsers that read a span of raw text themselves. */
    public void seek(int offset) {
        lexer = new Lexer(source);
        lexer.seek(offset);
        tokens.clear();
        position = 0;
    }

    /** The current token. */
    public Token peek() {
        return position < tokens.size() ? tokens.get(position) : at(position);
    }

    /** The token {@code ahead} places after the current one (the end token past the end). */
    public Token peek(int ahead) {
        return at(position + ahead);
    }

    /** The index of the current token, for {@link #at} and {@link #skip}. */
    public int position() {
        return position;
    }

    /** The token at {@code index} (the end token past the end). */
    public Token at(int index) {
        if (index < tokens.size()) {
            return tokens.get(index);
        }
        while (tokens.size() <= index && (last() == null || last().kind() != TokenKind.END)) {
            tokens.add(lexer.next());
        }
        return tokens.get(Math.min(index, tokens.size() - 1));
    }

    /** The token read so far that starts at {@code offset}, else the current one. */
    public Token tokenAt(int offset) {
        for (Token t : tokens) {
            if (t.start() == offset) {
                return t;
            }
        }
        return peek();
    }

    /** Consumes {@code count} tokens. */
    public void skip(int count) {
        for (int i = 0; i < count; i++) {
            advance();
        }
    }

    /** Consumes the current token (the end stays the end) and returns it. */
    public Token advance() {
        Token t = peek();
        if (t.kind() != TokenKind.END) {
            position++;
        }
        return t;
    }

    public boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            advance();
            return true;
        }
        return false;
    }

    public boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            advance();
            return true;
        }
        return false;
    }

    /** Consumes {@code symbol}, else fails with "expected 'symbol' but found ...". */
    public Token expectSymbol(String symbol) {
        Token t = advance();
        if (!t.isSymbol(symbol)) {
            throw error("expected '" + symbol + "' but found " + t.describe(), t);
        }
        return t;
    }

    /** Consumes {@code keyword}, else fails with "expected 'keyword' but found ...". */
    public Token expectKeyword(String keyword) {
        Token t = advance();
        if (!t.isKeyword(keyword)) {
            throw error("expected '" + keyword + "' but found " + t.describe(), t);
        }
        return t;
    }

    /** @param problem what was expected, e.g. {@code expected '(' after 'with'}; "but found ..." is added */
    public Token expectSymbol(String symbol, String problem) {
        Token t = peek();
        if (!acceptSymbol(symbol)) {
            throw error(problem + " but found " + t.describe(), t);
        }
        return t;
    }

    /** @param problem what was expected; "but found ..." is added */
    public Token expectKeyword(String keyword, String problem) {
        Token t = peek();
        if (!acceptKeyword(keyword)) {
            throw error(problem + " but found " + t.describe(), t);
        }
        return t;
    }

    /** @param where where the text should have ended, e.g. {@code at the end of the command} */
    public void expectEnd(String where) {
        Token t = peek();
        if (t.kind() != TokenKind.END) {
            throw error("unexpected " + t.describe() + " " + where, t);
        }
    }

    public KustoSyntaxException error(String problem, Token at) {
        return new KustoSyntaxException(problem, source, at.start());
    }

    private Token last() {
        return tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
    }
}

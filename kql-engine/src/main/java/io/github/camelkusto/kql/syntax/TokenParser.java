package io.github.camelkusto.kql.syntax;

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
}

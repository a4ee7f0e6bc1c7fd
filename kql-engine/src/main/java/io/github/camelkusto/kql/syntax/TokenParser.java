package io.github.camelkusto.kql.syntax;

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
}

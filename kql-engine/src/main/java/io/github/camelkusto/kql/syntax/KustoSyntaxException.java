package io.github.camelkusto.kql.syntax;

import io.github.camelkusto.kql.KustoException;

/**
 * A problem at a place in what the user wrote. The message names the problem and the place
 * ({@code line:column}) and shows the offending line with a caret, secrets masked.
 */
public class KustoSyntaxException extends KustoException {
    private final String problem;
    private final int offset;
    private final int line;
    private final int column;

    public KustoSyntaxException(String problem, SourceText source, int offset) {
        super(problem + " (" + source.position(offset) + ")\n" + source.excerpt(offset));
        this.problem = problem;
        this.offset = offset;
        this.line = source.line(offset);
        this.column = source.column(offset);
    }

    /**
     * The same problem, placed in the text that contains the text it was found in: a query's error placed in
     * the {@code .export} command the query is part of, {@code start} being where the query starts there.
     */
    public KustoSyntaxException within(SourceText enclosing, int start) {
        return new KustoSyntaxException(problem, enclosing, start + offset);
    }

    /** The problem alone, without the place. */
    public String problem() {
        return problem;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}

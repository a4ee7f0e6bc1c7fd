package io.github.camelkusto.export.kql.syntax.ast;

/** {@code input | operator}. */
public record Pipe(TabularExpression input, TabularOperator operator) implements TabularExpression {
    @Override
    public int offset() {
        return input.offset();
    }
}

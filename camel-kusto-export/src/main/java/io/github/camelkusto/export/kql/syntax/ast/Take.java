package io.github.camelkusto.export.kql.syntax.ast;

/** {@code take N} (alias {@code limit N}): at most N rows, any N. */
public record Take(long count, int offset) implements TabularOperator {
}

package io.github.camelkusto.kql.syntax.ast;

/** {@code [name =] expr}, as in project, extend, summarize, print; {@code name} is null when not given. */
public record NamedExpr(String name, Expr expr, int offset) {
}

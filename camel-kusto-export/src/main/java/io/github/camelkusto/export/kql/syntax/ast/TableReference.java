package io.github.camelkusto.export.kql.syntax.ast;

/** A table of the database, by name. */
public record TableReference(String name, int offset) implements TabularExpression {
}

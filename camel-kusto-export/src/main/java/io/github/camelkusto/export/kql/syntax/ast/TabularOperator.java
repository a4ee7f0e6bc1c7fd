package io.github.camelkusto.export.kql.syntax.ast;

/** An operator applied to a table after {@code |}. */
public sealed interface TabularOperator permits Take {
    int offset();
}

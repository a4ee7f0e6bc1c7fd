package io.github.camelkusto.kql.syntax.ast;

import java.util.List;

/** A query: {@code let} statements, then the tabular expression whose result is the query's result. */
public record Query(List<Let> lets, TabularExpression body) {
    public Query {
        lets = List.copyOf(lets);
    }

    /** {@code let name = value;} where value is an {@link Expr} (scalar) or a {@link TabularExpression}. */
    public sealed interface Let {
        String name();

        int offset();
    }

    public record ScalarLet(String name, Expr value, int offset) implements Let {
    }

    public record TabularLet(String name, TabularExpression value, int offset) implements Let {
    }
}

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

    /**
     * A parameter of a user-defined function: a scalar of {@code type} (with a {@code defaultValue} or null), or a
     * table ({@code type} null) whose {@code columns} it must have ({@code (*)}: empty, any table).
     */
    public record Parameter(String name, io.github.camelkusto.kql.types.KqlType type,
                            List<io.github.camelkusto.kql.data.Column> columns, Expr defaultValue, int offset) {
        public Parameter {
            columns = columns == null ? null : List.copyOf(columns);
        }

        public boolean tabular() {
            return type == null;
        }
    }

    /**
     * {@code let name = (parameters) { lets; body }}: a user-defined function whose body is a scalar {@link Expr}
     * or a {@link TabularExpression}, after the body's own {@code let}s. A {@code view} (written
     * {@code let V = view () {...}}) is also found by the wildcards of {@code union}.
     */
    public record FunctionLet(String name, List<Parameter> parameters, List<Let> bodyLets, Object body, boolean view,
                              int offset) implements Let {
        public FunctionLet {
            parameters = List.copyOf(parameters);
            bodyLets = List.copyOf(bodyLets);
        }

        public boolean tabular() {
            return body instanceof TabularExpression;
        }
    }
}

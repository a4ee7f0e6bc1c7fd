package io.github.camelkusto.kql.syntax.ast;

import java.util.List;

import io.github.camelkusto.kql.data.Schema;

/** A KQL expression whose value is a table: a source, possibly followed by {@code | operator}s. */
public sealed interface TabularExpression {

    /** Offset in the query text where this expression starts, for error messages. */
    int offset();

    /** A table of the database, or a tabular {@code let}, by name. */
    record TableReference(String name, int offset) implements TabularExpression {
    }

    /** {@code external_table('T')}: an external table, read by the database's resolver. */
    record ExternalTableReference(String name, int offset) implements TabularExpression {
    }

    /** {@code datatable(a:long, b:string)[1, "x", 2, "y"]}: rows whose values the parser has already typed. */
    record DataTableLiteral(Schema schema, List<List<Object>> rows, int offset) implements TabularExpression {
        public DataTableLiteral {
            rows = List.copyOf(rows);
        }
    }

    /** {@code range column from start to stop step step}. */
    record Range(String column, Expr from, Expr to, Expr step, int offset) implements TabularExpression {
    }

    /** {@code print [name =] expr, ...}: one row. */
    record Print(List<NamedExpr> columns, int offset) implements TabularExpression {
        public Print {
            columns = List.copyOf(columns);
        }
    }

    /** {@code union [kind=] [withsource=] T1, T2, ...} as a source. */
    record Union(TabularOperator.UnionOptions options, List<TabularExpression> tables, int offset)
            implements TabularExpression {
        public Union {
            tables = List.copyOf(tables);
        }
    }

    /**
     * {@code f(args)} of a user-defined tabular function as a source; each argument is an {@link Expr} or a
     * {@link TabularExpression}. {@code invoke} puts its input first.
     */
    record FunctionCall(String name, List<Object> args, int offset) implements TabularExpression {
        public FunctionCall {
            args = List.copyOf(args);
        }
    }

    /** {@code union T*}: every table whose name matches the wildcard pattern. */
    record TablePattern(String pattern, int offset) implements TabularExpression {
    }

    /** The rows an {@code mv-apply} sub-query runs over (its implicit source). */
    record ApplyRows(int offset) implements TabularExpression {
    }

    /** {@code input | operator}. */
    record Pipe(TabularExpression input, TabularOperator operator) implements TabularExpression {
        @Override
        public int offset() {
            return input.offset();
        }
    }
}

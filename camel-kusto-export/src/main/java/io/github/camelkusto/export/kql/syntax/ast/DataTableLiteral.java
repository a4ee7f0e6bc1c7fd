package io.github.camelkusto.export.kql.syntax.ast;

import java.util.List;

import io.github.camelkusto.export.kql.data.Schema;

/** {@code datatable(a:long, b:string)[1, "x", 2, "y"]}: rows whose values the parser has already typed. */
public record DataTableLiteral(Schema schema, List<List<Object>> rows, int offset) implements TabularExpression {
    public DataTableLiteral {
        rows = List.copyOf(rows);
    }
}

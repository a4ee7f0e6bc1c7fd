package io.github.camelkusto.kql.syntax.ast;

/**
 * {@code expr [asc|desc] [nulls first|last]}. Kusto's default is descending; nulls come first when ascending
 * and last when descending unless {@code nullsFirst} says otherwise (null = default).
 */
public record SortKey(Expr expr, boolean ascending, Boolean nullsFirst) {
    public boolean effectiveNullsFirst() {
        return nullsFirst != null ? nullsFirst : ascending;
    }
}

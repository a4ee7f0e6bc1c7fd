package io.github.camelkusto.export.kql.syntax.ast;

/** A KQL expression whose value is a table: a source, possibly followed by {@code | operator}s. */
public sealed interface TabularExpression permits TableReference, DataTableLiteral, Pipe {

    /** Offset in the query text where this expression starts, for error messages. */
    int offset();
}

package io.github.camelkusto.export.command;

/** {@code .show tables}: the tables of the database. */
public record ShowTablesCommand() implements KustoCommand {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.showTables(this);
    }
}

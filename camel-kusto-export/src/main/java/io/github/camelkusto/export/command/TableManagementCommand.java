package io.github.camelkusto.export.command;

import io.github.camelkusto.kql.control.TableCommand;

/** A table command of the embedded database ({@code .create table}, {@code .ingest}, {@code .set-or-append}...). */
public record TableManagementCommand(TableCommand command) implements KustoCommand {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.tableManagement(this);
    }
}

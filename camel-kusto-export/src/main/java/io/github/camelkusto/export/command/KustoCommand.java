package io.github.camelkusto.export.command;

/**
 * A command the component runs: an export (a bare query becomes one, with the endpoint's options), or one of
 * the {@code .show}/{@code .cancel} commands (a {@code .show} may be piped into a query), or a table command of the
 * embedded database.
 */
public sealed interface KustoCommand
        permits ExportCommand, ShowTablesCommand, ShowOperationsCommand, ShowOperationDetailsCommand,
        CancelOperationCommand, TableManagementCommand, PipedShowCommand, ExternalTableCommand, ExportToTableCommand {
}

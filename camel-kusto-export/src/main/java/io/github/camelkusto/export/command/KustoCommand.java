package io.github.camelkusto.export.command;

/**
 * A command the component runs: an export (a bare query becomes one, with the endpoint's options), or one of
 * the {@code .show}/{@code .cancel} commands (a {@code .show} may be piped into a query), or a table command of the
 * embedded database.
 */
public sealed interface KustoCommand
        permits ExportCommand, ShowTablesCommand, ShowOperationsCommand, ShowOperationDetailsCommand,
        CancelOperationCommand, TableManagementCommand, PipedShowCommand, ExternalTableCommand, ExportToTableCommand,
        ContinuousExportCommand {

    /** Dispatches to the visitor's method for this kind of command. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of command. Java 17 has no pattern matching over a sealed type in a switch: a new kind
     * must implement {@link #accept}, which needs a method here, which every visitor must then implement.
     */
    interface Visitor<R> {
        R export(ExportCommand command);

        R showTables(ShowTablesCommand command);

        R showOperations(ShowOperationsCommand command);

        R showOperationDetails(ShowOperationDetailsCommand command);

        R cancelOperation(CancelOperationCommand command);

        R tableManagement(TableManagementCommand command);

        R pipedShow(PipedShowCommand command);

        R externalTable(ExternalTableCommand command);

        R exportToTable(ExportToTableCommand command);

        R continuousExport(ContinuousExportCommand command);
    }
}

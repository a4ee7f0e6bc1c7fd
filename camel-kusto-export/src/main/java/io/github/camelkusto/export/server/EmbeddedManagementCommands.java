package io.github.camelkusto.export.server;

import java.util.List;
import java.util.Map;

import io.github.camelkusto.export.command.CommandParser;
import io.github.camelkusto.export.command.ExportFormat;
import io.github.camelkusto.export.command.ExportOptions;
import io.github.camelkusto.export.command.KustoCommand;
import io.github.camelkusto.export.command.ShowTablesCommand;
import io.github.camelkusto.export.command.TableManagementCommand;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.control.TableCommandRunner;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.exec.QueryEngine;

/**
 * The management commands the engine runs by itself: {@code .show tables} and the table commands
 * ({@code .create table}, {@code .set}, {@code .append}, {@code .show table ... schema} ...). {@code .export} and
 * the operation commands need the exporter: they fail with a message saying so.
 */
public final class EmbeddedManagementCommands implements ManagementCommands {
    /** Only parses: a server-side command carries everything it needs in its text. */
    private static final ExportOptions NO_ENDPOINT_OPTIONS =
            new ExportOptions(ExportFormat.CSV, false, false, List.of(), Map.of());

    private final TableCommandRunner tables;

    /** Commands on {@code database}, their queries ({@code .set <| ...}) run by {@code engine} (on its executor). */
    public EmbeddedManagementCommands(KustoDatabase database, QueryEngine engine) {
        this.tables = new TableCommandRunner(database, engine);
    }

    @Override
    public ResultTable execute(String command) {
        KustoCommand parsed = CommandParser.parse(command, NO_ENDPOINT_OPTIONS);
        if (parsed instanceof TableManagementCommand table) {
            return tables.run(table.command());
        }
        if (parsed instanceof ShowTablesCommand) {
            return tables.showTables();
        }
        throw new KustoException("this server runs only .show tables and table commands: .export and the operation"
                + " commands need the exporter (start the server with `kusto-export serve`)");
    }
}

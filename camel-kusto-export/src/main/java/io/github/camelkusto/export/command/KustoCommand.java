package io.github.camelkusto.export.command;

/** A command the component runs: an export (a bare query becomes one, with the endpoint's options) or a show. */
public sealed interface KustoCommand permits ExportCommand, ShowTablesCommand {
}

package io.github.camelkusto.export.server;

import io.github.camelkusto.kql.data.ResultTable;

/**
 * Runs the management commands (text starting with {@code .}) the server receives on {@code /v1/rest/mgmt}.
 * This is the seam through which {@code .export} and the operation commands reach the exporter, which lives in
 * the Camel component: the server itself knows only the engine ({@link EmbeddedManagementCommands}). The
 * {@code serve} command of the CLI plugs in one that sends the text through a {@code kusto-export:} endpoint.
 */
@FunctionalInterface
public interface ManagementCommands {

    /**
     * @param command a text starting with {@code .} (the server checks that)
     * @return the command's result table
     * @throws io.github.camelkusto.kql.KustoException when the command is invalid or fails; its message
     *                                                         goes back to the client
     */
    ResultTable execute(String command);
}

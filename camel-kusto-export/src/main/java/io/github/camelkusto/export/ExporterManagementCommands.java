package io.github.camelkusto.export;

import io.github.camelkusto.export.operation.ExportThrottledException;
import io.github.camelkusto.export.server.ManagementCommands;
import io.github.camelkusto.export.server.ThrottledCommandException;
import io.github.camelkusto.kql.data.ResultTable;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

/**
 * The management commands of a {@link io.github.camelkusto.export.server.KustoRestServer} run by a kusto-export
 * endpoint, exactly as a route runs them: {@code .export} (sync and async), the operation commands, {@code .show
 * tables} and the table commands. An export refused because every slot is busy is answered HTTP 429 (throttled).
 * This is how {@code kusto-export serve} and the tests make the server a cluster that exports.
 */
public final class ExporterManagementCommands implements ManagementCommands {
    private final ProducerTemplate template;
    private final String endpointUri;

    /** @param endpointUri a kusto-export endpoint of {@code context}, e.g. {@code kusto-export:csv} */
    public ExporterManagementCommands(CamelContext context, String endpointUri) {
        this.template = context.createProducerTemplate();
        this.endpointUri = endpointUri;
    }

    @Override
    public ResultTable execute(String command) {
        try {
            return template.requestBody(endpointUri, command, ResultTable.class);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof ExportThrottledException throttled) {
                throw new ThrottledCommandException(throttled.getMessage(), throttled);
            }
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}

package io.github.camelkusto.export;

import io.github.camelkusto.export.command.CommandParser;
import io.github.camelkusto.export.command.ExportCommand;
import io.github.camelkusto.export.command.KustoCommand;
import io.github.camelkusto.export.kql.data.ResultTable;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Runs the command of an exchange (header {@link KustoExportConstants#COMMAND}, else the endpoint's
 * {@code query}, else the body) and replaces the body with the result table.
 */
public class KustoExportProducer extends DefaultProducer {

    public KustoExportProducer(KustoExportEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public KustoExportEndpoint getEndpoint() {
        return (KustoExportEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        KustoExportConfiguration configuration = getEndpoint().getConfiguration();
        Message message = exchange.getMessage();
        String text = message.getHeader(KustoExportConstants.COMMAND, String.class);
        if (text == null) {
            text = configuration.getQuery() != null ? configuration.getQuery() : message.getBody(String.class);
        }
        KustoCommand command = CommandParser.parse(text, configuration.toExportOptions());
        ResultTable result = getEndpoint().getComponent().runner().run(command);
        message.setBody(result);
        if (command instanceof ExportCommand) {
            message.setHeader(KustoExportConstants.ARTIFACT_COUNT, result.rowCount());
            message.setHeader(KustoExportConstants.RECORD_COUNT, sum(result, "NumRecords"));
            message.setHeader(KustoExportConstants.SIZE_IN_BYTES, sum(result, "SizeInBytes"));
        }
    }

    private static long sum(ResultTable table, String column) {
        long total = 0;
        for (int row = 0; row < table.rowCount(); row++) {
            total += (Long) table.value(row, column);
        }
        return total;
    }
}

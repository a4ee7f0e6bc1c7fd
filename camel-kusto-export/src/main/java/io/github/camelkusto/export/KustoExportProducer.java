package io.github.camelkusto.export;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import io.github.camelkusto.export.artifact.RowBatches;
import io.github.camelkusto.export.command.CommandParser;
import io.github.camelkusto.export.continuous.ContinuousExports;
import io.github.camelkusto.export.command.ExportCommand;
import io.github.camelkusto.export.command.ExportToTableCommand;
import io.github.camelkusto.export.command.KustoCommand;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.export.operation.Operation;
import io.github.camelkusto.export.operation.OperationOrigin;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultProducer;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.util.InetAddressUtil;

/**
 * Runs the command of an exchange (header {@link KustoExportConstants#COMMAND}, else the endpoint's
 * {@code query}, else the body) and replaces the body with the result table.
 */
public class KustoExportProducer extends DefaultProducer {
    private Endpoint completion;
    /** This host's name, the first part of an operation's NodeId: looked up when the producer starts, not on load. */
    private String host;
    private WritableHealthCheckRepository healthChecks;
    private KustoExportHealthCheck healthCheck;

    public KustoExportProducer(KustoExportEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public KustoExportEndpoint getEndpoint() {
        return (KustoExportEndpoint) super.getEndpoint();
    }

    /**
     * Resolves the completionUri when the route starts, so that a wrong one fails the route, not an export; adds
     * the producer health check when Camel's producer health checks are on (camel-health, healthCheckProducerEnabled).
     */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        healthChecks = HealthCheckHelper.getHealthCheckRepository(getEndpoint().getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthChecks != null && getEndpoint().getComponent().isHealthCheckProducerEnabled()) {
            healthCheck = new KustoExportHealthCheck(getEndpoint());
            healthChecks.addHealthCheck(healthCheck);
        }
        host = InetAddressUtil.getLocalHostNameSafe();
        String uri = getEndpoint().getConfiguration().getCompletionUri();
        completion = uri == null || uri.isBlank() ? null : getEndpoint().getCamelContext().getEndpoint(uri);
    }

    @Override
    protected void doStop() throws Exception {
        if (healthChecks != null && healthCheck != null) {
            healthChecks.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    /**
     * Runs the command of the exchange. Every failure is an Exception a route's {@code doCatch(Exception)} or
     * {@code onException} handles: an Error would end the exchange past them and stop a polling consumer.
     */
    @Override
    public void process(Exchange exchange) throws Exception {
        try {
            run(exchange);
        } catch (StackOverflowError e) {
            throw KustoException.of(e);
        }
    }

    private void run(Exchange exchange) {
        KustoExportConfiguration configuration = getEndpoint().getConfiguration();
        Message message = exchange.getMessage();
        KustoExportComponent component = getEndpoint().getComponent();
        if (configuration.getContinuousExport() != null) {
            ContinuousExports.Run run = component.continuousExports().runOnce(configuration.getContinuousExport());
            message.setBody(run.artifacts());
            message.setHeader(KustoExportConstants.CONTINUOUS_EXPORT_OUTCOME, run.outcome().name());
            message.setHeader(KustoExportConstants.ARTIFACT_COUNT, run.artifacts().rowCount());
            message.setHeader(KustoExportConstants.RECORD_COUNT, sum(run.artifacts(), "NumRecords"));
            return;
        }
        String text = message.getHeader(KustoExportConstants.COMMAND, String.class);
        if (text == null) {
            text = configuration.getQuery() != null ? configuration.getQuery() : message.getBody(String.class);
        }
        if (configuration.getOutputType() == OutputType.BATCHES) {
            batches(exchange, CommandParser.query(text, configuration.toExportOptions(), "outputType=batches"),
                    component);
            return;
        }
        KustoCommand command = CommandParser.parse(text, configuration.toExportOptions());
        ClusterCommandRunner cluster = getEndpoint().clusterRunner();
        ExportRequest request = request(exchange, component);
        KustoCommandRunner.Result result = cluster != null ? cluster.run(text, command, request)
                : component.runner().run(command, request);
        ResultTable table = result.table();
        message.setBody(table);
        result.operationId().ifPresent(id -> message.setHeader(KustoExportConstants.OPERATION_ID, id));
        if (cluster != null && completion != null && command instanceof ExportCommand export && export.async()
                && cluster.pushesDown(export) && result.operationId().isPresent()) {
            // the cluster runs it: the component waits for its end, to fire the completionUri as for a local one
            component.watchClusterOperation(cluster.cluster(), result.operationId().get(), completion, configuration);
        }
        if (command instanceof ExportCommand export && !export.async()) {
            message.setHeader(KustoExportConstants.ARTIFACT_COUNT, table.rowCount());
            message.setHeader(KustoExportConstants.RECORD_COUNT, sum(table, "NumRecords"));
            message.setHeader(KustoExportConstants.SIZE_IN_BYTES, sum(table, "SizeInBytes"));
        }
        if (command instanceof ExportToTableCommand toTable && !toTable.async()) {
            message.setHeader(KustoExportConstants.ARTIFACT_COUNT, table.rowCount());
            message.setHeader(KustoExportConstants.RECORD_COUNT, sum(table, "NumRecords"));
        }
    }

    /**
     * Leaves the query's rows in the body as a {@link RowBatches} iterator. It is closed (the query stopped) when
     * the exchange completes, whether a split read it to the end or not; once its last batch is taken, the record
     * and batch counts are set on this message. With a clusterUri the query runs on the cluster, its rows streamed
     * back as a client-side export's are.
     */
    private void batches(Exchange exchange, ExportCommand query, KustoExportComponent component) {
        Message message = exchange.getMessage();
        ClusterCommandRunner cluster = getEndpoint().clusterRunner();
        RowBatches batches = component.runner().batches(query, request(exchange, component),
                DataFormats.limits(getEndpoint().getConfiguration()), (records, count) -> {
                    message.setHeader(KustoExportConstants.RECORD_COUNT, records);
                    message.setHeader(KustoExportConstants.BATCH_COUNT, count);
                }, () -> exchange.getException() != null || exchange.isRollbackOnly(),
                cluster != null ? cluster.rows() : null);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                batches.close();
            }
        });
        message.setHeader(KustoExportConstants.COLUMNS, batches.columns());
        message.setBody(batches);
    }

    private ExportRequest request(Exchange exchange, KustoExportComponent component) {
        String route = exchange.getFromRouteId();
        OperationOrigin origin = new OperationOrigin(host + "/" + getEndpoint().getCamelContext().getName(),
                exchange.getExchangeId(), component.getDatabase().name(),
                "camel-route:" + (route != null ? route : "(none)"), System.getProperty("user.name", ""));
        Endpoint target = completion;
        Consumer<Operation> onEnd = target == null ? operation -> { } : operation ->
                component.sendCompletion(target, operation);
        KustoExportConfiguration configuration = getEndpoint().getConfiguration();
        Duration progress = configuration.getProgressInterval();
        return new ExportRequest(origin, configuration.isCleanupOnFailure(), onEnd,
                Optional.ofNullable(configuration.getExportTimeout()), progress == null ? Duration.ZERO : progress,
                getEndpoint().dataFormat());
    }

    /** The sum of a long column of the artifact table (a cluster's answer included); 0 without that column. */
    private static long sum(ResultTable table, String column) {
        int index = table.schema().indexOf(column).orElse(-1);
        long total = 0;
        for (int row = 0; index >= 0 && row < table.rowCount(); row++) {
            Object value = table.rows().get(row).get(index);
            total += value instanceof Number n ? n.longValue() : 0;
        }
        return total;
    }
}

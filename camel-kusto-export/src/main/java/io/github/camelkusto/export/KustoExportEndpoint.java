package io.github.camelkusto.export;

import java.time.Duration;
import java.util.Optional;

import io.github.camelkusto.export.artifact.DataFormatSettings;

import java.net.URI;

import io.github.camelkusto.export.cluster.ClusterConnection;
import io.github.camelkusto.export.cluster.ClusterRetry;
import io.github.camelkusto.export.command.CommandParser;
import io.github.camelkusto.export.command.ExportFormat;
import io.github.camelkusto.export.command.ExportOptions;
import io.github.camelkusto.export.storage.ConnectionStrings;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Run a Kusto (KQL) query and export its result as csv, tsv, json or parquet artifacts to Azure Blob storage or
 * a local folder, as Azure Data Explorer's .export command does.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "kusto-export", title = "Kusto Export", syntax = "kusto-export:format",
        producerOnly = true, category = {Category.CLOUD, Category.FILE}, headersClass = KustoExportConstants.class)
public class KustoExportEndpoint extends DefaultEndpoint {

    @UriParam
    private KustoExportConfiguration configuration;
    /** With a clusterUri: runs the commands on the cluster (from start to stop); else null. */
    private ClusterCommandRunner clusterRunner;
    private DataFormatSettings dataFormat;

    public KustoExportEndpoint(String uri, KustoExportComponent component, KustoExportConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    /**
     * Checks the options when the endpoint starts, so that a bad one fails the route (and the context) with the
     * message an export would otherwise get: format, property values, connection strings (scheme, credential;
     * secrets masked) and durations. Nothing is connected to yet.
     */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (ExportFormat.byName(String.valueOf(configuration.getFormat())).isEmpty()) {
            throw new IllegalArgumentException("kusto-export: unknown format '" + configuration.getFormat()
                    + "' in the endpoint URI (valid formats: " + ExportFormat.validNames() + ")");
        }
        ExportOptions options = configuration.toExportOptions();
        CommandParser.checkOptions(options);
        options.storage().forEach(ConnectionStrings::parse);
        Duration timeout = configuration.getExportTimeout();
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("kusto-export: exportTimeout must be positive, not " + timeout);
        }
        DataFormats.checkOptions(configuration);
        Duration progress = configuration.getProgressInterval();
        if (progress != null && progress.isNegative()) {
            throw new IllegalArgumentException("kusto-export: progressInterval must be 0 (none) or positive, not "
                    + progress);
        }
        if (configuration.getClusterUri() != null && !configuration.getClusterUri().isBlank()) {
            URI cluster = ClusterConnection.checkUri(configuration.getClusterUri());
            configuration.clusterCredentials().check(cluster);
            clusterRetry();
            Duration poll = configuration.getClusterPollInterval();
            if (poll == null || poll.isNegative() || poll.isZero()) {
                throw new IllegalArgumentException("kusto-export: clusterPollInterval must be positive, not " + poll);
            }
        }
    }

    /**
     * Resolves the dataFormat (a name Camel cannot resolve fails the route) and connects the cluster client (nothing
     * is sent yet): the component's runner is there by now.
     */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        dataFormat = DataFormats.resolve(getCamelContext(), configuration);
        String uri = configuration.getClusterUri();
        if (uri != null && !uri.isBlank()) {
            if (configuration.getContinuousExport() != null) {
                throw new IllegalArgumentException("continuousExport=" + configuration.getContinuousExport()
                        + " runs a continuous export of the embedded database, not of the cluster at clusterUri:"
                        + " a cluster runs its continuous exports on their own schedule (send it the"
                        + " .create-or-alter continuous-export command)");
            }
            ClusterConnection cluster = ClusterConnection.open(ClusterConnection.checkUri(uri),
                    configuration.getClusterDatabase(), configuration.clusterCredentials(), clusterRetry());
            clusterRunner = new ClusterCommandRunner(cluster, configuration.getPushdown(),
                    configuration.toExportOptions(), getComponent().runner(), getComponent().clusterQuerySources());
        }
    }

    @Override
    protected void doStop() throws Exception {
        clusterRunner = null;
        super.doStop();
    }

    private ClusterRetry clusterRetry() {
        return new ClusterRetry(configuration.getClusterRetryAttempts(), configuration.getClusterRetryInitialBackoff());
    }

    /** The runner of the commands on the configured cluster; null without a clusterUri. */
    ClusterCommandRunner clusterRunner() {
        return clusterRunner;
    }

    /** The data format that encodes this endpoint's artifacts, if it has one (resolved once it started). */
    Optional<DataFormatSettings> dataFormat() {
        return Optional.ofNullable(dataFormat);
    }

    @Override
    public Producer createProducer() {
        return new KustoExportProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("kusto-export is a producer only: use it in to(...), not from(...)");
    }

    @Override
    public KustoExportComponent getComponent() {
        return (KustoExportComponent) super.getComponent();
    }

    public KustoExportConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(KustoExportConfiguration configuration) {
        this.configuration = configuration;
    }
}

package io.github.camelkusto.export;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.UUID;
import java.util.Optional;

import io.github.camelkusto.kql.catalog.DataFolderLoader;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.exec.QueryEngine;
import io.github.camelkusto.export.cluster.ClusterConnection;
import io.github.camelkusto.export.cluster.ClusterOperationWatch;
import io.github.camelkusto.export.cluster.ClusterQuerySources;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.export.continuous.ContinuousExportTriggers;
import io.github.camelkusto.export.continuous.ContinuousExports;
import io.github.camelkusto.export.operation.OperationOrigin;
import io.github.camelkusto.export.lake.ExternalTableCatalog;
import io.github.camelkusto.export.lake.ExternalTableReader;
import io.github.camelkusto.export.operation.ExportListener;
import io.github.camelkusto.export.operation.Operation;
import io.github.camelkusto.export.operation.OperationRegistry;
import io.github.camelkusto.export.operation.OperationSnapshot;
import io.github.camelkusto.export.server.KustoRestServer;
import io.github.camelkusto.export.server.ManagementCommands;
import io.github.camelkusto.export.server.ServerSettings;
import io.github.camelkusto.export.source.DatabaseFolder;
import io.github.camelkusto.export.source.EmbeddedQuerySource;
import io.github.camelkusto.export.storage.StorageRetry;
import io.github.camelkusto.export.storage.StorageTargets;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.InetAddressUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code kusto-export:} component: Azure Data Explorer's {@code .export} command as a Camel producer. */
@Component("kusto-export")
public class KustoExportComponent extends HealthCheckComponent {
    static final int DEFAULT_MAX_CONCURRENT_EXPORTS = 4;
    static final int DEFAULT_MAX_QUEUED_EXPORTS = 100;
    static final Duration DEFAULT_OPERATIONS_RETENTION = Duration.ofDays(14);
    /*
     * The ids of the thread-pool profiles of every thread the component starts. Register a profile with one of
     * these ids in the CamelContext (threadPoolProfile in XML, camel.threadpool.config[id] in Camel Main) to size
     * that pool; unset, the defaults below apply.
     */
    /** Async exports: maxConcurrentExports threads, maxQueuedExports waiting; more are Throttled. */
    public static final String EXPORT_POOL = "kustoExport";
    /** Artifact writers of distributed exports: one per core. */
    public static final String WRITER_POOL = "kustoExportWriter";
    /** gzip compression of text artifacts: one per core. */
    public static final String COMPRESSOR_POOL = "kustoExportCompressor";
    /** Blocks staged on Azure Blob storage: unbounded (each artifact bounds its blocks in flight). */
    public static final String BLOCK_STAGER_POOL = "kustoExportBlockStager";
    /** The progress lines of running exports: one scheduled thread. */
    public static final String PROGRESS_POOL = "kustoExportProgress";
    /** The JDK HTTP client's work for storage requests (Azure Blob, managed identity): grows as needed, idle threads end. */
    public static final String HTTP_POOL = "kustoExportHttp";
    /** Requests of the Kusto REST servers the component starts ({@link #serve}): {@value ServerSettings#DEFAULT_THREADS} at once. */
    public static final String SERVER_POOL = "kustoExportServer";
    /** How long stopping the component waits for running async exports to discard their uncommitted work. */
    private static final long STOP_TIMEOUT_MS = 30_000;
    /** Polls the operations of async exports pushed down to a cluster: one scheduled thread, started at first use. */
    public static final String CLUSTER_POLL_POOL = "kustoExportClusterPoll";
    /** The thread-pool profile id of the embedded engine's helper threads (override it to size them). */
    public static final String QUERY_POOL_PROFILE = "kustoExportQuery";
    private static final Logger LOG = LoggerFactory.getLogger(KustoExportComponent.class);

    @Metadata(description = "The component configuration: defaults for every endpoint's options.")
    private KustoExportConfiguration configuration = new KustoExportConfiguration();

    @Metadata(autowired = true, description = "The embedded database queries run on. Register a KustoDatabase"
            + " bean to share tables with the rest of the application; by default the component has its own.")
    private KustoDatabase database;

    @Metadata(description = "A data folder loaded into the database when the component starts: every"
            + " {Table}.csv, .tsv, .json (JSON lines) or .parquet file becomes a table (see the README for schemas).")
    private String dataDir;

    @Metadata(description = "A folder where the embedded database keeps its tables: each ingestion (its rows, its"
            + " cursor and time) is forced to disk before queries see it, and the tables are back after a restart or"
            + " a crash, as a continuous export's exactly-once runs need. The dataDir is loaded only into a new"
            + " database folder. Unset: the database lives in memory.")
    private String databaseDir;

    @Metadata(label = "advanced", defaultValue = "" + StorageTargets.DEFAULT_BLOCK_SIZE, description = "The size"
            + " in bytes of the blocks artifacts are staged in on Azure Blob storage; up to "
            + StorageTargets.DEFAULT_BLOCKS_IN_FLIGHT + " blocks per artifact being written are in memory (staged"
            + " concurrently).")
    private int blockSize = StorageTargets.DEFAULT_BLOCK_SIZE;

    @Metadata(label = "operations", defaultValue = "" + DEFAULT_MAX_CONCURRENT_EXPORTS, description = "How many async"
            + " exports run at once, on a Camel-managed thread pool. Sync exports run on the caller's thread and"
            + " do not count.")
    private int maxConcurrentExports = DEFAULT_MAX_CONCURRENT_EXPORTS;

    @Metadata(label = "operations", defaultValue = "" + DEFAULT_MAX_QUEUED_EXPORTS, description = "How many async"
            + " exports wait (state Scheduled) when maxConcurrentExports are running; beyond that an async export"
            + " is refused with state Throttled.")
    private int maxQueuedExports = DEFAULT_MAX_QUEUED_EXPORTS;

    @Metadata(label = "operations", description = "A folder where operations are journaled (operations.jsonl, one"
            + " JSON line per change, fsync'd) so that .show operations and details survive a restart; an"
            + " operation still InProgress at restart becomes Abandoned. Unset: operations are kept in memory"
            + " only.")
    private String operationsDir;

    @Metadata(label = "operations", javaType = "java.time.Duration", defaultValue = "14d", description = "How long"
            + " ended operations are kept, as a duration such as 14d, 12h, 30m or ISO-8601 P14D.")
    private Duration operationsRetention = DEFAULT_OPERATIONS_RETENTION;

    @Metadata(label = "operations", defaultValue = "false", description = "Run each enabled continuous export every"
            + " intervalBetweenRuns on a Camel Quartz trigger inside the component (camel-quartz must be on the"
            + " classpath). Off: runs happen only when a route sends to an endpoint with the continuousExport"
            + " option, e.g. from a quartz or timer consumer.")
    private boolean continuousExportScheduler;

    @Metadata(label = "advanced", defaultValue = "" + StorageRetry.DEFAULT_MAX_ATTEMPTS, description = "Attempts of"
            + " one storage request (staging a block, committing an artifact) when it fails transiently: HTTP 408,"
            + " 429, 5xx, timeouts, refused or reset connections. 1 means no retry.")
    private int storageRetryAttempts = StorageRetry.DEFAULT_MAX_ATTEMPTS;

    @Metadata(label = "advanced", defaultValue = "" + StorageRetry.DEFAULT_INITIAL_BACKOFF_MS, description = "The"
            + " backoff in milliseconds before the first storage retry; it doubles with each retry (with random"
            + " jitter), up to 30 seconds. With the default attempts an outage of at least 60 seconds is ridden out.")
    private long storageRetryInitialBackoff = StorageRetry.DEFAULT_INITIAL_BACKOFF_MS;

    @Metadata(label = "advanced", javaType = "java.time.Duration", defaultValue = "30s", description = "How long one"
            + " storage request (checking a container, staging a block, committing an artifact) may take; no answer"
            + " by then fails the attempt, which is retried. Also bounded by what is left of the export's"
            + " exportTimeout.")
    private Duration storageRequestTimeout = StorageRetry.DEFAULT_REQUEST_TIMEOUT;

    private StorageTargets storageTargets;
    private DatabaseFolder databaseFolder;
    private ComponentThreadPools pools;
    /** Each server {@link #serve} started: they stop with the component. */
    private final List<KustoRestServer> servers = new CopyOnWriteArrayList<>();
    private KustoCommandRunner runner;
    private OperationRegistry operations;
    private ContinuousExports continuousExports;
    private ContinuousExportTriggers continuousExportTriggers;
    private ProducerTemplate completionTemplate;
    /*
     * Where client-side exports from a cluster get their rows: the streaming ClusterQuerySource is wired in here;
     * until then such an export fails saying it is not available.
     */
    private final ClusterQuerySources clusterQuerySources = ClusterConnection::querySource;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        KustoExportConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setFormat(remaining);
        KustoExportEndpoint endpoint = new KustoExportEndpoint(EndpointUriMasking.maskSecrets(uri), this, endpointConfiguration);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        EndpointUriMasking.registerSensitiveKeywords(getCamelContext());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (database == null) {
            database = new KustoDatabase("default");
        }
        boolean freshDatabase = databaseDir == null || !DatabaseFolder.exists(Path.of(databaseDir));
        if (databaseDir != null) {
            databaseFolder = DatabaseFolder.open(Path.of(databaseDir), database);
            LOG.info("Loaded tables {} from database folder {}", databaseFolder.loaded(),
                    Path.of(databaseDir).toAbsolutePath());
        }
        if (dataDir != null && freshDatabase) { // a kept database has the data folder's tables already
            List<String> tables = DataFolderLoader.load(Path.of(dataDir), database);
            LOG.info("Loaded tables {} from data folder {}", tables, Path.of(dataDir).toAbsolutePath());
        }
        pools = new ComponentThreadPools(getCamelContext(), maxConcurrentExports, maxQueuedExports);
        int cores = Runtime.getRuntime().availableProcessors();
        storageTargets = new StorageTargets(getCamelContext(), blockSize, StorageRetry.of(storageRetryAttempts,
                Duration.ofMillis(storageRetryInitialBackoff), storageRequestTimeout), pools.blockStagers,
                pools.httpWorkers);
        var limits = new OperationRegistry.Limits(maxConcurrentExports, maxQueuedExports, operationsRetention);
        operations = new OperationRegistry(pools.exports, pools.progressTimer, limits,
                operationsDir != null ? Path.of(operationsDir) : null, Clock.systemUTC(), metrics());
        completionTemplate = getCamelContext().createProducerTemplate();
        ExternalTableCatalog externalTables = operationsDir != null
                ? ExternalTableCatalog.open(Path.of(operationsDir)) : ExternalTableCatalog.inMemory();
        database.setExternalTables(new ExternalTableReader(externalTables, storageTargets));
        runner = new KustoCommandRunner(database, new EmbeddedQuerySource(database, pools.queryWorkers),
                storageTargets, operations, pools.writers, cores, pools.compressors, pools.queryWorkers,
                externalTables);
        KustoCommandRunner exportRunner = runner;
        ContinuousExports.Exporter exporter = (command, view, tag) -> exportRunner.exportRun(command, view, tag,
                continuousExportRequest());
        continuousExports = operationsDir != null
                ? ContinuousExports.open(Path.of(operationsDir), database, externalTables, exporter, Clock.systemUTC())
                : ContinuousExports.inMemory(database, externalTables, exporter, Clock.systemUTC());
        runner.setContinuousExports(continuousExports);
        if (continuousExportScheduler) {
            continuousExportTriggers = new ContinuousExportTriggers(getCamelContext(), continuousExports);
            continuousExportTriggers.start();
        }
        registerDevConsole();
    }

    /**
     * Adds the kusto-export dev console to the context's dev console registry (camel-console) if its class-path
     * scan missed it: Camel JBang downloads this jar after the registry has scanned.
     */
    private void registerDevConsole() {
        DevConsoleRegistry consoles = DevConsoleRegistry.get(getCamelContext());
        if (consoles != null && consoles.getConsole(KustoExportDevConsole.ID).isEmpty()) {
            KustoExportDevConsole console = new KustoExportDevConsole();
            console.setCamelContext(getCamelContext());
            consoles.register(console);
        }
    }

    /** Metrics per export when Micrometer is on the class path and the application has a MeterRegistry. */
    private ExportListener metrics() {
        if (getCamelContext().getClassResolver().resolveClass("io.micrometer.core.instrument.MeterRegistry") == null) {
            return ExportListener.NONE;
        }
        ExportListener metrics = MicrometerExportMetrics.of(getCamelContext());
        LOG.debug("Export metrics: {}", metrics == ExportListener.NONE ? "none (no MeterRegistry)" : "Micrometer");
        return metrics;
    }

    /**
     * Serves this component's database over the Kusto REST protocol (see {@link KustoRestServer}): queries run on
     * the component's engine pool, management commands through {@code commands}, requests on the component's pool
     * of profile {@value #SERVER_POOL} ({@value ServerSettings#DEFAULT_THREADS} threads unless a registered profile
     * says otherwise). Closing the server stops listening; it stops with the component anyway.
     */
    public KustoRestServer serve(ManagementCommands commands, ServerSettings settings) throws IOException {
        if (!isStarted()) {
            throw new IllegalStateException("the kusto-export component serves only once started");
        }
        KustoRestServer server = KustoRestServer.start(new QueryEngine(database, pools.queryWorkers), commands,
                settings, pools.serverWorkers);
        servers.add(server);
        return server;
    }

    /**
     * Unfinished exports are stopped (their uncommitted artifacts discarded) and end Abandoned, as after a crash;
     * the journal is closed last, so it lists every artifact they committed.
     */
    @Override
    protected void doStop() throws Exception {
        servers.forEach(KustoRestServer::close);
        servers.clear();
        if (pools != null) {
            pools.stopServing();
        }
        if (operations != null) {
            operations.abandonUnfinished();
        }
        if (pools != null) {
            pools.awaitExports(STOP_TIMEOUT_MS);
        }
        if (continuousExportTriggers != null) {
            continuousExportTriggers.close();
            continuousExportTriggers = null;
        }
        if (continuousExports != null) {
            continuousExports.close();
            continuousExports = null;
        }
        if (operations != null) {
            operations.close(); // after the exports ended: the journal has every commit and every final state
        }
        if (completionTemplate != null) {
            completionTemplate.stop();
        }
        if (storageTargets != null) {
            storageTargets.close();
        }
        if (pools != null) {
            pools.close();
            pools = null;
        }
        if (databaseFolder != null) {
            database.setChanges(null);
            databaseFolder.close();
            databaseFolder = null;
        }
        super.doStop();
    }

    /**
     * What a continuous export's run is, as an operation: asked by no route; artifacts of a failed run are removed;
     * an hour at most, as an async export.
     */
    private ExportRequest continuousExportRequest() {
        OperationOrigin origin = new OperationOrigin(InetAddressUtil.getLocalHostNameSafe() + "/"
                + getCamelContext().getName(), "", database.name(), "continuous-export",
                System.getProperty("user.name", ""));
        return new ExportRequest(origin, true, operation -> { },
                Optional.of(KustoCommandRunner.ASYNC_EXPORT_DEFAULT_TIMEOUT), Duration.ZERO, Optional.empty());
    }

    ContinuousExports continuousExports() {
        return continuousExports;
    }

    /** Sends the final details of an ended async export to its completionUri. */
    void sendCompletion(Endpoint completion, Operation operation) {
        OperationSnapshot snapshot = operation.snapshot();
        sendCompletion(completion, snapshot.operationId(), snapshot.state().name(), snapshot.status(),
                operations.finalDetails(operation));
    }

    /**
     * Waits (on a timer, no thread blocked) for an async export pushed down to {@code cluster}, then sends its
     * details to the completionUri with the headers a local async export sets.
     */
    void watchClusterOperation(ClusterConnection cluster, UUID operationId, Endpoint completion,
            KustoExportConfiguration configuration) {
        Duration bound = configuration.getExportTimeout() != null ? configuration.getExportTimeout()
                : KustoCommandRunner.ASYNC_EXPORT_DEFAULT_TIMEOUT;
        ClusterOperationWatch.start(cluster, operationId, configuration.getClusterPollInterval(), bound,
                pools.clusterPollTimer(), end -> sendCompletion(completion, end.operationId(), end.state(),
                        end.status(), end.details()));
    }

    private void sendCompletion(Endpoint completion, Object operationId, String state, String status,
            ResultTable details) {
        Exchange sent = completionTemplate.send(completion, exchange -> {
            exchange.getMessage().setBody(details);
            exchange.getMessage().setHeader(KustoExportConstants.OPERATION_ID, operationId);
            exchange.getMessage().setHeader(KustoExportConstants.OPERATION_STATE, state);
            exchange.getMessage().setHeader(KustoExportConstants.OPERATION_STATUS, status);
        });
        if (sent.getException() != null) {
            throw new IllegalStateException("completionUri " + completion + " failed: "
                    + sent.getException().getMessage(), sent.getException());
        }
    }

    ClusterQuerySources clusterQuerySources() {
        return clusterQuerySources;
    }

    OperationRegistry operations() {
        return operations;
    }

    KustoCommandRunner runner() {
        return runner;
    }

    public KustoExportConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(KustoExportConfiguration configuration) {
        this.configuration = configuration;
    }

    public KustoDatabase getDatabase() {
        return database;
    }

    public void setDatabase(KustoDatabase database) {
        this.database = database;
    }

    public boolean isContinuousExportScheduler() {
        return continuousExportScheduler;
    }

    public void setContinuousExportScheduler(boolean continuousExportScheduler) {
        this.continuousExportScheduler = continuousExportScheduler;
    }

    public String getDatabaseDir() {
        return databaseDir;
    }

    public void setDatabaseDir(String databaseDir) {
        this.databaseDir = databaseDir;
    }

    public String getDataDir() {
        return dataDir;
    }

    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
    }

    public int getMaxConcurrentExports() {
        return maxConcurrentExports;
    }

    public void setMaxConcurrentExports(int maxConcurrentExports) {
        this.maxConcurrentExports = maxConcurrentExports;
    }

    public int getMaxQueuedExports() {
        return maxQueuedExports;
    }

    public void setMaxQueuedExports(int maxQueuedExports) {
        this.maxQueuedExports = maxQueuedExports;
    }

    public String getOperationsDir() {
        return operationsDir;
    }

    public void setOperationsDir(String operationsDir) {
        this.operationsDir = operationsDir;
    }

    public Duration getOperationsRetention() {
        return operationsRetention;
    }

    public void setOperationsRetention(Duration operationsRetention) {
        this.operationsRetention = operationsRetention;
    }

    public int getStorageRetryAttempts() {
        return storageRetryAttempts;
    }

    public void setStorageRetryAttempts(int storageRetryAttempts) {
        this.storageRetryAttempts = storageRetryAttempts;
    }

    public long getStorageRetryInitialBackoff() {
        return storageRetryInitialBackoff;
    }

    public void setStorageRetryInitialBackoff(long storageRetryInitialBackoff) {
        this.storageRetryInitialBackoff = storageRetryInitialBackoff;
    }

    public Duration getStorageRequestTimeout() {
        return storageRequestTimeout;
    }

    public void setStorageRequestTimeout(Duration storageRequestTimeout) {
        this.storageRequestTimeout = storageRequestTimeout;
    }

    public int getBlockSize() {
        return blockSize;
    }

    public void setBlockSize(int blockSize) {
        this.blockSize = blockSize;
    }
}

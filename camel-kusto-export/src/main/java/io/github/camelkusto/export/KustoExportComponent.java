package io.github.camelkusto.export;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import io.github.camelkusto.kql.catalog.DataFolderLoader;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.export.command.Redaction;
import io.github.camelkusto.export.operation.Operation;
import io.github.camelkusto.export.operation.OperationRegistry;
import io.github.camelkusto.export.operation.OperationSnapshot;
import io.github.camelkusto.export.source.EmbeddedQuerySource;
import io.github.camelkusto.export.storage.StorageRetry;
import io.github.camelkusto.export.storage.StorageTargets;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.TimeUtils;
import org.apache.camel.util.URISupport;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code kusto-export:} component: Azure Data Explorer's {@code .export} command as a Camel producer. */
@Component("kusto-export")
public class KustoExportComponent extends DefaultComponent {
    static final int DEFAULT_MAX_CONCURRENT_EXPORTS = 4;
    static final int DEFAULT_MAX_QUEUED_EXPORTS = 100;
    /** How long stopping the component waits for running async exports to discard their uncommitted work. */
    private static final long STOP_TIMEOUT_MS = 30_000;
    /** The thread-pool profile id of the embedded engine's helper threads (override it to size them). */
    public static final String QUERY_POOL_PROFILE = "kustoExportQuery";
    private static final Logger LOG = LoggerFactory.getLogger(KustoExportComponent.class);
    /** The option holding connection strings, keys and SAS included. */
    private static final String STORAGE = "storage";
    /** The option that may hold a whole .export command, its connection strings included. */
    private static final String QUERY = "query";

    @Metadata(description = "The component configuration: defaults for every endpoint's options.")
    private KustoExportConfiguration configuration = new KustoExportConfiguration();

    @Metadata(autowired = true, description = "The embedded database queries run on. Register a KustoDatabase"
            + " bean to share tables with the rest of the application; by default the component has its own.")
    private KustoDatabase database;

    @Metadata(description = "A data folder loaded into the database when the component starts: every"
            + " <Table>.csv, .tsv, .json (JSON lines) or .parquet file becomes a table (see the README for schemas).")
    private String dataDir;

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

    @Metadata(label = "operations", defaultValue = "14d", description = "How long ended operations are kept, as a"
            + " duration such as 14d, 12h, 30m or ISO-8601 P14D.")
    private String operationsRetention = "14d";

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
    private ExecutorService writers;
    private ExecutorService compressors;
    private ExecutorService queryWorkers;
    private KustoCommandRunner runner;
    private ExecutorService exportExecutor;
    private ScheduledExecutorService progressTimer;
    private OperationRegistry operations;
    private ProducerTemplate completionTemplate;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        KustoExportConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setFormat(remaining);
        KustoExportEndpoint endpoint = new KustoExportEndpoint(maskSecrets(uri), this, endpointConfiguration);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    /**
     * The URI Camel shows (logs, JMX, route dumps) with the storage option's key or SAS masked, the connection
     * strings of a command in the query option, and any URL password or credential another option quotes.
     */
    static String maskSecrets(String uri) {
        String masked = maskOption(uri, STORAGE + "=", Redaction::connectionString);
        masked = maskOption(masked, QUERY + "=", Redaction::literals);
        return Redaction.text(masked);
    }

    /** The URI with the value of {@code option} (plain or RAW(...)) masked by {@code mask}. */
    private static String maskOption(String uri, String option, java.util.function.UnaryOperator<String> mask) {
        int at = uri.indexOf(option);
        if (at < 0 || (at > 0 && uri.charAt(at - 1) != '?' && uri.charAt(at - 1) != '&')) {
            return uri;
        }
        int start = at + option.length();
        int end;
        if (uri.startsWith("RAW(", start)) {
            end = uri.lastIndexOf(')');
            end = end < start ? uri.length() : end + 1;
            int next = uri.indexOf(")&", start);
            end = next >= 0 ? next + 1 : end;
        } else {
            end = uri.indexOf('&', start);
            end = end < 0 ? uri.length() : end;
        }
        return uri.substring(0, start) + mask.apply(uri.substring(start, end)) + uri.substring(end);
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        // Camel masks options with these names wherever it prints a URI (message history, errors, JMX).
        URISupport.addSanitizeKeywords(STORAGE);
        // ... and properties named *.storage (kusto.storage) in Camel Main's property summary and dev consoles.
        ExtendedCamelContext extension = getCamelContext().getCamelContextExtension();
        String sensitive = extension.getAdditionalSensitiveKeywords();
        if (sensitive == null || sensitive.isBlank()) {
            extension.setAdditionalSensitiveKeywords(STORAGE);
        } else if (!List.of(sensitive.split(",")).contains(STORAGE)) {
            extension.setAdditionalSensitiveKeywords(sensitive + "," + STORAGE);
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (database == null) {
            database = new KustoDatabase("default");
        }
        if (dataDir != null) {
            List<String> tables = DataFolderLoader.load(Path.of(dataDir), database);
            LOG.info("Loaded tables {} from data folder {}", tables, Path.of(dataDir).toAbsolutePath());
        }
        queryWorkers = newQueryWorkers();
        storageTargets = new StorageTargets(getCamelContext(), blockSize, StorageRetry.of(storageRetryAttempts,
                Duration.ofMillis(storageRetryInitialBackoff), storageRequestTimeout));
        // Artifact writers of distributed exports: one thread per core (per_node's default writer count).
        int cores = Runtime.getRuntime().availableProcessors();
        writers = getCamelContext().getExecutorServiceManager().newFixedThreadPool(this, "KustoExportWriter", cores);
        // gzip members of compressed text artifacts, from every writer: one thread per core.
        compressors = getCamelContext().getExecutorServiceManager().newFixedThreadPool(this, "KustoExportCompressor",
                cores);
        var limits = new OperationRegistry.Limits(maxConcurrentExports, maxQueuedExports, retention());
        // Camel-managed: the pool shows in JMX and Camel shuts it down; a full queue rejects (Throttled).
        ThreadPoolProfile profile = new ThreadPoolProfile("kustoExport");
        profile.setPoolSize(maxConcurrentExports);
        profile.setMaxPoolSize(maxConcurrentExports);
        profile.setMaxQueueSize(maxQueuedExports);
        profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        exportExecutor = getCamelContext().getExecutorServiceManager().newThreadPool(this, "KustoExport", profile);
        progressTimer = getCamelContext().getExecutorServiceManager().newSingleThreadScheduledExecutor(this,
                "KustoExportProgress");
        operations = new OperationRegistry(exportExecutor, progressTimer, limits,
                operationsDir != null ? Path.of(operationsDir) : null, Clock.systemUTC());
        completionTemplate = getCamelContext().createProducerTemplate();
        runner = new KustoCommandRunner(database, new EmbeddedQuerySource(database, queryWorkers), storageTargets,
                operations, writers, cores, compressors, queryWorkers);
    }

    /**
     * The embedded engine's helpers (per-partition work of top and sort), from the thread-pool profile
     * {@value #QUERY_POOL_PROFILE}: a route or application may register its own profile under that id; without
     * one, a pool of one thread per core whose idle threads end. A full queue only costs parallelism: the thread
     * reading the query does the rest.
     */
    private ExecutorService newQueryWorkers() {
        var manager = getCamelContext().getExecutorServiceManager();
        if (manager.getThreadPoolProfile(QUERY_POOL_PROFILE) == null) {
            int cores = Runtime.getRuntime().availableProcessors();
            ThreadPoolProfile profile = new ThreadPoolProfile(QUERY_POOL_PROFILE);
            profile.setPoolSize(cores);
            profile.setMaxPoolSize(cores);
            profile.setMaxQueueSize(cores * 4);
            profile.setAllowCoreThreadTimeOut(true);
            profile.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
            manager.registerThreadPoolProfile(profile);
        }
        return manager.newThreadPool(this, "KustoExportQuery", QUERY_POOL_PROFILE);
    }

    private Duration retention() {
        String text = operationsRetention.strip();
        try {
            return text.regionMatches(true, 0, "P", 0, 1) ? Duration.parse(text) : TimeUtils.toDuration(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("kusto-export: operationsRetention '" + operationsRetention
                    + "' is not a duration (such as 14d, 12h or P14D)", e);
        }
    }

    /**
     * Unfinished exports are stopped (their uncommitted artifacts discarded) and end Abandoned, as after a crash;
     * the journal is closed last, so it lists every artifact they committed.
     */
    @Override
    protected void doStop() throws Exception {
        if (operations != null) {
            operations.abandonUnfinished();
        }
        if (exportExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdown(exportExecutor);
            getCamelContext().getExecutorServiceManager().awaitTermination(exportExecutor, STOP_TIMEOUT_MS);
            exportExecutor = null;
        }
        if (operations != null) {
            operations.close(); // after the exports ended: the journal has every commit and every final state
        }
        if (progressTimer != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(progressTimer);
            progressTimer = null;
        }
        if (compressors != null) {
            getCamelContext().getExecutorServiceManager().shutdown(compressors);
            compressors = null;
        }
        if (writers != null) {
            getCamelContext().getExecutorServiceManager().shutdown(writers);
            writers = null;
        }
        if (queryWorkers != null) {
            getCamelContext().getExecutorServiceManager().shutdown(queryWorkers);
            queryWorkers = null;
        }
        if (completionTemplate != null) {
            completionTemplate.stop();
        }
        if (storageTargets != null) {
            storageTargets.close();
        }
        super.doStop();
    }

    /** Sends the final details of an ended async export to its completionUri. */
    void sendCompletion(Endpoint completion, Operation operation) {
        OperationSnapshot snapshot = operation.snapshot();
        Exchange sent = completionTemplate.send(completion, exchange -> {
            exchange.getMessage().setBody(operations.finalDetails(operation));
            exchange.getMessage().setHeader(KustoExportConstants.OPERATION_ID, snapshot.operationId());
            exchange.getMessage().setHeader(KustoExportConstants.OPERATION_STATE, snapshot.state().name());
            exchange.getMessage().setHeader(KustoExportConstants.OPERATION_STATUS, snapshot.status());
        });
        if (sent.getException() != null) {
            throw new IllegalStateException("completionUri " + completion + " failed: "
                    + sent.getException().getMessage(), sent.getException());
        }
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

    public String getOperationsRetention() {
        return operationsRetention;
    }

    public void setOperationsRetention(String operationsRetention) {
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

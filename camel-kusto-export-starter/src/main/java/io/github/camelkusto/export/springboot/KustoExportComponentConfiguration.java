// Generated from the kusto-export catalog JSON by StarterSources (starter tests): do not edit.
// Regenerate: mvn -o -B test -pl camel-kusto-export-starter -am -Dtest=StarterSourcesMatchCatalogTest -Dstarter.regenerate=true
package io.github.camelkusto.export.springboot;

import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Run a Kusto (KQL) query and export its result as csv, tsv, json or parquet
 * artifacts to Azure Blob storage or a local folder, as Azure Data Explorer's
 * .export command does.
 */
@ConfigurationProperties(prefix = "camel.component.kusto-export")
public class KustoExportComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Export a bare query asynchronously: the body becomes the operation id at
     * once.
     */
    private Boolean async = false;
    /**
     * Compress the artifacts of a bare query: gzip for text formats ('.gz' is
     * appended to the extension), the compressionType codec for parquet and avro.
     */
    private Boolean compressed = false;
    /**
     * The component configuration: defaults for every endpoint's options. The
     * option is a io.github.camelkusto.export.KustoExportConfiguration type (a
     * #bean:name reference).
     */
    private io.github.camelkusto.export.KustoExportConfiguration configuration;
    /**
     * The embedded database queries run on. Register a KustoDatabase bean to share
     * tables with the rest of the application; by default the component has its
     * own. The option is a io.github.camelkusto.kql.catalog.KustoDatabase type (a
     * #bean:name reference).
     */
    private io.github.camelkusto.kql.catalog.KustoDatabase database;
    /**
     * A folder where the embedded database keeps its tables: each ingestion (its
     * rows, its cursor and time) is forced to disk before queries see it, and the
     * tables are back after a restart or a crash, as a continuous export's
     * exactly-once runs need. The dataDir is loaded only into a new database
     * folder. Unset: the database lives in memory.
     */
    private String databaseDir;
    /**
     * A data folder loaded into the database when the component starts: every
     * {Table}.csv, .tsv, .json (JSON lines) or .parquet file becomes a table (see
     * the README for schemas).
     */
    private String dataDir;
    /**
     * Whether the producer should be started lazy (on the first message). By
     * starting lazy you can use this to allow CamelContext and routes to startup
     * in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then
     * the startup failure can be handled during routing messages via Camel's
     * routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the
     * total processing time of the processing.
     */
    private Boolean lazyStartProducer = false;
    /**
     * The KQL query (or a complete .export/.show command) to run. When unset, the
     * message body is run. The header CamelKustoExportCommand overrides both.
     * Secret: a .export command carries its connection strings, keys included.
     */
    private String query;
    /**
     * Where a bare query is exported to: a storage connection string, e.g.
     * https://{account}.blob.core.windows.net/{container};{account key}, ...{SAS},
     * an emulator endpoint http://127.0.0.1:10000/{account}/{container};{key},
     * file:///folder or a local folder path. Several connection strings (used
     * round-robin) are written as a comma-separated list of Kusto string literals:
     * 'conn1', h'conn2'.
     */
    private String storage = "exports";
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options
     * (the option must be marked as autowired) by looking up in the registry to
     * find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC
     * data sources, JMS connection factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;
    /**
     * The size in bytes of the blocks artifacts are staged in on Azure Blob
     * storage; up to 4 blocks per artifact being written are in memory (staged
     * concurrently).
     */
    private Integer blockSize = 4194304;
    /**
     * How long one storage request (checking a container, staging a block,
     * committing an artifact) may take; no answer by then fails the attempt, which
     * is retried. Also bounded by what is left of the export's exportTimeout.
     */
    private java.time.Duration storageRequestTimeout;
    /**
     * Attempts of one storage request (staging a block, committing an artifact)
     * when it fails transiently: HTTP 408, 429, 5xx, timeouts, refused or reset
     * connections. 1 means no retry.
     */
    private Integer storageRetryAttempts = 9;
    /**
     * The backoff in milliseconds before the first storage retry; it doubles with
     * each retry (with random jitter), up to 30 seconds. With the default attempts
     * an outage of at least 60 seconds is ridden out.
     */
    private Long storageRetryInitialBackoff = 1000L;
    /**
     * When an export fails or is canceled, delete the artifacts it had already
     * committed, so that storage holds all of an export or none of it. Default
     * false: they are kept and listed by .show operation {id} details.
     */
    private Boolean cleanupOnFailure = false;
    /**
     * A Camel endpoint URI that receives the final details table (Path,
     * NumRecords, SizeInBytes of the artifacts left in storage) when an async
     * export ends, with the headers CamelKustoExportOperationId,
     * CamelKustoExportOperationState and CamelKustoExportOperationStatus: chain a
     * notification or a load on it.
     */
    private String completionUri;
    /**
     * The name of a continuous export to run once per message (the message body is
     * not read): it exports the records ingested since its last run, as its
     * schedule would. Trigger it from any consumer, such as quartz. A run that
     * finds the export already running or disabled does nothing. The body becomes
     * the run's exported artifacts (Timestamp, ExternalTableName, Path,
     * NumRecords, SizeInBytes).
     */
    private String continuousExport;
    /**
     * Run each enabled continuous export every intervalBetweenRuns on a Camel
     * Quartz trigger inside the component (camel-quartz must be on the classpath).
     * Off: runs happen only when a route sends to an endpoint with the
     * continuousExport option, e.g. from a quartz or timer consumer.
     */
    private Boolean continuousExportScheduler = false;
    /**
     * How long one export may run, from the moment the command arrives (an async
     * export: from the moment it starts running) to its last commit, query and
     * storage requests included; past it the export stops, discards what it had
     * not committed and fails with an error naming what timed out. ADX's request
     * timeout: unset, a sync export has the 10 minutes ADX gives control commands
     * and an async export 1 hour (the most servertimeout allows). Written 90s,
     * 10m, 1h30m or ISO-8601 PT10M.
     */
    private java.time.Duration exportTimeout;
    /**
     * How many async exports run at once, on a Camel-managed thread pool. Sync
     * exports run on the caller's thread and do not count.
     */
    private Integer maxConcurrentExports = 4;
    /**
     * How many async exports wait (state Scheduled) when maxConcurrentExports are
     * running; beyond that an async export is refused with state Throttled.
     */
    private Integer maxQueuedExports = 100;
    /**
     * A folder where operations are journaled (operations.jsonl, one JSON line per
     * change, fsync'd) so that .show operations and details survive a restart; an
     * operation still InProgress at restart becomes Abandoned. Unset: operations
     * are kept in memory only.
     */
    private String operationsDir;
    /**
     * How long ended operations are kept, as a duration such as 14d, 12h, 30m or
     * ISO-8601 P14D.
     */
    private java.time.Duration operationsRetention;
    /**
     * How often a running export logs its progress (artifacts committed, records
     * and bytes written so far) at INFO, from this long after it starts; 0 logs
     * none.
     */
    private java.time.Duration progressInterval;
    /**
     * The codec of compressed artifacts: gzip for text formats; gzip (the default,
     * as in ADX), snappy, zstd, lz4_raw or brotli for parquet; snappy (the
     * default), deflate, zstd or null for avro.
     */
    private io.github.camelkusto.export.command.CompressionType compressionType;
    /**
     * false is the same as distribution=single.
     */
    private Boolean distributed;
    /**
     * How many writers export in parallel: single, one per node, or one per shard
     * (query partition).
     */
    private io.github.camelkusto.export.command.Distribution distribution;
    /**
     * The encoding of text artifacts.
     */
    private io.github.camelkusto.export.command.TextEncoding encoding;
    /**
     * The artifacts' file extension; default the format's name. '.gz' is appended
     * when text artifacts are compressed.
     */
    private String fileExtension;
    /**
     * csv/tsv only: which artifacts start with a header line.
     */
    private io.github.camelkusto.export.command.IncludeHeaders includeHeaders;
    /**
     * A prefix for artifact names; may contain '/' to write under a folder.
     * Default: a random prefix.
     */
    private String namePrefix;
    /**
     * parquet only: the unit of datetime columns.
     */
    private io.github.camelkusto.export.command.DatetimePrecision parquetDatetimePrecision;
    /**
     * parquet only: records per row group.
     */
    private Integer parquetRowGroupSize;
    /**
     * Keep the artifact table for '.show operation {id} details'. Unset, it is
     * kept for async exports (true) and not for sync ones (false). Default value
     * notice: true for async exports, false for sync ones
     */
    private Boolean persistDetails;
    /**
     * The size limit in bytes of one artifact before compression, 1 to 4294967296
     * (4 GB) (100 MB by default). ADX documents 100 MB to 4 GB; a smaller limit
     * gives small files. A record is never split across artifacts.
     */
    private Long sizeLimit;

    public Boolean getAsync() {
        return async;
    }

    public void setAsync(Boolean async) {
        this.async = async;
    }

    public Boolean getCompressed() {
        return compressed;
    }

    public void setCompressed(Boolean compressed) {
        this.compressed = compressed;
    }

    public io.github.camelkusto.export.KustoExportConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(io.github.camelkusto.export.KustoExportConfiguration configuration) {
        this.configuration = configuration;
    }

    public io.github.camelkusto.kql.catalog.KustoDatabase getDatabase() {
        return database;
    }

    public void setDatabase(io.github.camelkusto.kql.catalog.KustoDatabase database) {
        this.database = database;
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

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getStorage() {
        return storage;
    }

    public void setStorage(String storage) {
        this.storage = storage;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Integer getBlockSize() {
        return blockSize;
    }

    public void setBlockSize(Integer blockSize) {
        this.blockSize = blockSize;
    }

    public java.time.Duration getStorageRequestTimeout() {
        return storageRequestTimeout;
    }

    public void setStorageRequestTimeout(java.time.Duration storageRequestTimeout) {
        this.storageRequestTimeout = storageRequestTimeout;
    }

    public Integer getStorageRetryAttempts() {
        return storageRetryAttempts;
    }

    public void setStorageRetryAttempts(Integer storageRetryAttempts) {
        this.storageRetryAttempts = storageRetryAttempts;
    }

    public Long getStorageRetryInitialBackoff() {
        return storageRetryInitialBackoff;
    }

    public void setStorageRetryInitialBackoff(Long storageRetryInitialBackoff) {
        this.storageRetryInitialBackoff = storageRetryInitialBackoff;
    }

    public Boolean getCleanupOnFailure() {
        return cleanupOnFailure;
    }

    public void setCleanupOnFailure(Boolean cleanupOnFailure) {
        this.cleanupOnFailure = cleanupOnFailure;
    }

    public String getCompletionUri() {
        return completionUri;
    }

    public void setCompletionUri(String completionUri) {
        this.completionUri = completionUri;
    }

    public String getContinuousExport() {
        return continuousExport;
    }

    public void setContinuousExport(String continuousExport) {
        this.continuousExport = continuousExport;
    }

    public Boolean getContinuousExportScheduler() {
        return continuousExportScheduler;
    }

    public void setContinuousExportScheduler(Boolean continuousExportScheduler) {
        this.continuousExportScheduler = continuousExportScheduler;
    }

    public java.time.Duration getExportTimeout() {
        return exportTimeout;
    }

    public void setExportTimeout(java.time.Duration exportTimeout) {
        this.exportTimeout = exportTimeout;
    }

    public Integer getMaxConcurrentExports() {
        return maxConcurrentExports;
    }

    public void setMaxConcurrentExports(Integer maxConcurrentExports) {
        this.maxConcurrentExports = maxConcurrentExports;
    }

    public Integer getMaxQueuedExports() {
        return maxQueuedExports;
    }

    public void setMaxQueuedExports(Integer maxQueuedExports) {
        this.maxQueuedExports = maxQueuedExports;
    }

    public String getOperationsDir() {
        return operationsDir;
    }

    public void setOperationsDir(String operationsDir) {
        this.operationsDir = operationsDir;
    }

    public java.time.Duration getOperationsRetention() {
        return operationsRetention;
    }

    public void setOperationsRetention(java.time.Duration operationsRetention) {
        this.operationsRetention = operationsRetention;
    }

    public java.time.Duration getProgressInterval() {
        return progressInterval;
    }

    public void setProgressInterval(java.time.Duration progressInterval) {
        this.progressInterval = progressInterval;
    }

    public io.github.camelkusto.export.command.CompressionType getCompressionType() {
        return compressionType;
    }

    public void setCompressionType(io.github.camelkusto.export.command.CompressionType compressionType) {
        this.compressionType = compressionType;
    }

    public Boolean getDistributed() {
        return distributed;
    }

    public void setDistributed(Boolean distributed) {
        this.distributed = distributed;
    }

    public io.github.camelkusto.export.command.Distribution getDistribution() {
        return distribution;
    }

    public void setDistribution(io.github.camelkusto.export.command.Distribution distribution) {
        this.distribution = distribution;
    }

    public io.github.camelkusto.export.command.TextEncoding getEncoding() {
        return encoding;
    }

    public void setEncoding(io.github.camelkusto.export.command.TextEncoding encoding) {
        this.encoding = encoding;
    }

    public String getFileExtension() {
        return fileExtension;
    }

    public void setFileExtension(String fileExtension) {
        this.fileExtension = fileExtension;
    }

    public io.github.camelkusto.export.command.IncludeHeaders getIncludeHeaders() {
        return includeHeaders;
    }

    public void setIncludeHeaders(io.github.camelkusto.export.command.IncludeHeaders includeHeaders) {
        this.includeHeaders = includeHeaders;
    }

    public String getNamePrefix() {
        return namePrefix;
    }

    public void setNamePrefix(String namePrefix) {
        this.namePrefix = namePrefix;
    }

    public io.github.camelkusto.export.command.DatetimePrecision getParquetDatetimePrecision() {
        return parquetDatetimePrecision;
    }

    public void setParquetDatetimePrecision(io.github.camelkusto.export.command.DatetimePrecision parquetDatetimePrecision) {
        this.parquetDatetimePrecision = parquetDatetimePrecision;
    }

    public Integer getParquetRowGroupSize() {
        return parquetRowGroupSize;
    }

    public void setParquetRowGroupSize(Integer parquetRowGroupSize) {
        this.parquetRowGroupSize = parquetRowGroupSize;
    }

    public Boolean getPersistDetails() {
        return persistDetails;
    }

    public void setPersistDetails(Boolean persistDetails) {
        this.persistDetails = persistDetails;
    }

    public Long getSizeLimit() {
        return sizeLimit;
    }

    public void setSizeLimit(Long sizeLimit) {
        this.sizeLimit = sizeLimit;
    }
}

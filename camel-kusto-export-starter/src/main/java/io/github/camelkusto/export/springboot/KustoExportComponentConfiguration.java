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
     * The estimated heap size in bytes at which a batch ends before batchSize rows
     * (a batch holds at least one row): of outputType=batches, and of the batches
     * a dataFormat marshals.
     */
    private Long batchBytes;
    /**
     * Rows of one batch: of outputType=batches, and of the batches a dataFormat
     * marshals.
     */
    private Integer batchSize;
    /**
     * A Camel data format that encodes the artifacts instead of the built-in
     * encoders: a data format name (csv, jackson, avro, parquetAvro: its component
     * must be on the classpath) or #bean reference. Rows are grouped into batches
     * (batchSize, batchBytes), each batch a java.util.List of row Maps marshalled
     * by the data format into the artifact (parquetAvro gets a List of Avro
     * GenericRecords; avro one GenericRecord at a time, its datums framed into an
     * Avro container file), with the same naming, sizeLimit, compression, commit
     * and result table as built-in formats.
     */
    private String dataFormat;
    /**
     * Whether the dataFormat's marshalled batches concatenate into one valid file
     * (csv without a header, JSON lines, avro's datums framed by the component):
     * then an artifact takes batches until it reaches sizeLimit; otherwise each
     * artifact holds one batch (a JSON array, a parquet file). Default value
     * notice: true for the data formats csv and avro, else false
     */
    private Boolean dataFormatAppends;
    /**
     * What the body is after the producer: artifacts (the query is exported, the
     * body is the artifact table) or batches (nothing is written: the body is a
     * streaming Iterator of row batches, each a java.util.List of row Maps (column
     * name to value) of at most batchSize rows and about batchBytes, columns in
     * query order, for .split(body()).streaming()). batches runs a bare query, not
     * a .export or .show command; with a clusterUri it runs on the cluster, its
     * rows streamed back.
     */
    private io.github.camelkusto.export.OutputType outputType;
    /**
     * The database on the cluster that commands and queries run in.
     */
    private String clusterDatabase;
    /**
     * After an async export pushed down with a completionUri: how soon the
     * component first asks the cluster for the operation's state; the wait grows
     * by half with each poll, up to 1 minute, for at most exportTimeout (1 hour by
     * default).
     */
    private java.time.Duration clusterPollInterval;
    /**
     * An Azure Data Explorer cluster (or Fabric Eventhouse) to run every command
     * on instead of the embedded engine, e.g. https://help.kusto.windows.net, or
     * http://127.0.0.1:{port} for a local endpoint (kusto-export serve). .export
     * is pushed down to it (see pushdown); .show and table commands and the
     * operation commands go to it as written. Unset: the embedded engine runs
     * everything.
     */
    private String clusterUri;
    /**
     * With a clusterUri: whether an export is pushed down (the cluster writes the
     * artifacts itself, scaled over its nodes) or runs client-side (the cluster
     * runs the query, its rows stream back through this component's writers).
     * auto: push down when every target is cloud storage (Azure Blob, ADLS Gen2);
     * always; never.
     */
    private io.github.camelkusto.export.cluster.Pushdown pushdown;
    /**
     * Attempts of one cluster request when the cluster did not run it: throttled
     * (HTTP 429, a Throttled error) or unavailable (HTTP 503); a .show command
     * also when the connection failed. 1 means no retry.
     */
    private Integer clusterRetryAttempts = 5;
    /**
     * The backoff before the first retry of a cluster request; it doubles with
     * each retry (with jitter), up to 30 seconds.
     */
    private java.time.Duration clusterRetryInitialBackoff;
    /**
     * Used for enabling or disabling all consumer based health checks from this
     * component
     */
    private Boolean healthCheckConsumerEnabled = true;
    /**
     * Used for enabling or disabling all producer based health checks from this
     * component. Notice: Camel has by default disabled all producer based
     * health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;
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
    /**
     * parquet only: ADX's native parquet writer, its default: long, datetime and
     * timespan columns in DELTA_BINARY_PACKED pages (smaller files, a faster
     * export). false writes them in PLAIN pages, for readers without delta
     * encodings (Spark's vectorized reader before 3.3, Parquet.Net before 4.16).
     */
    private Boolean useNativeParquetWriter;
    /**
     * An access token for the cluster, obtained elsewhere; sent as a bearer token
     * as is (never renewed).
     */
    private String accessToken;
    /**
     * The path of the application's certificate with its private key: a PEM file,
     * or a PFX/PKCS#12 file (.pfx, .p12) with clientCertificatePassword.
     */
    private String clientCertificate;
    /**
     * The password of a PFX certificate.
     */
    private String clientCertificatePassword;
    /**
     * The application (client) id of a service principal.
     */
    private String clientId;
    /**
     * The client secret of the application.
     */
    private String clientSecret;
    /**
     * How to sign in to the cluster, through Azure Identity. Unset, it follows
     * from the options given: accessToken; clientId with clientSecret or
     * clientCertificate (and tenantId); managedIdentityClientId (user-assigned
     * managed identity); a tokenCredential bean; else defaultAzureCredential (none
     * for a plain-http local endpoint). managedIdentity without
     * managedIdentityClientId is the system-assigned identity.
     */
    private io.github.camelkusto.export.cluster.ClusterCredentialType clusterCredentialType;
    /**
     * The client id of a user-assigned managed identity.
     */
    private String managedIdentityClientId;
    /**
     * The Microsoft Entra tenant id of the application.
     */
    private String tenantId;
    /**
     * A com.azure.core.credential.TokenCredential to sign in to the cluster with;
     * autowired when the registry holds exactly one. The option is a
     * com.azure.core.credential.TokenCredential type (a #bean:name reference).
     */
    private com.azure.core.credential.TokenCredential tokenCredential;

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

    public Long getBatchBytes() {
        return batchBytes;
    }

    public void setBatchBytes(Long batchBytes) {
        this.batchBytes = batchBytes;
    }

    public Integer getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(Integer batchSize) {
        this.batchSize = batchSize;
    }

    public String getDataFormat() {
        return dataFormat;
    }

    public void setDataFormat(String dataFormat) {
        this.dataFormat = dataFormat;
    }

    public Boolean getDataFormatAppends() {
        return dataFormatAppends;
    }

    public void setDataFormatAppends(Boolean dataFormatAppends) {
        this.dataFormatAppends = dataFormatAppends;
    }

    public io.github.camelkusto.export.OutputType getOutputType() {
        return outputType;
    }

    public void setOutputType(io.github.camelkusto.export.OutputType outputType) {
        this.outputType = outputType;
    }

    public String getClusterDatabase() {
        return clusterDatabase;
    }

    public void setClusterDatabase(String clusterDatabase) {
        this.clusterDatabase = clusterDatabase;
    }

    public java.time.Duration getClusterPollInterval() {
        return clusterPollInterval;
    }

    public void setClusterPollInterval(java.time.Duration clusterPollInterval) {
        this.clusterPollInterval = clusterPollInterval;
    }

    public String getClusterUri() {
        return clusterUri;
    }

    public void setClusterUri(String clusterUri) {
        this.clusterUri = clusterUri;
    }

    public io.github.camelkusto.export.cluster.Pushdown getPushdown() {
        return pushdown;
    }

    public void setPushdown(io.github.camelkusto.export.cluster.Pushdown pushdown) {
        this.pushdown = pushdown;
    }

    public Integer getClusterRetryAttempts() {
        return clusterRetryAttempts;
    }

    public void setClusterRetryAttempts(Integer clusterRetryAttempts) {
        this.clusterRetryAttempts = clusterRetryAttempts;
    }

    public java.time.Duration getClusterRetryInitialBackoff() {
        return clusterRetryInitialBackoff;
    }

    public void setClusterRetryInitialBackoff(java.time.Duration clusterRetryInitialBackoff) {
        this.clusterRetryInitialBackoff = clusterRetryInitialBackoff;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
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

    public Boolean getUseNativeParquetWriter() {
        return useNativeParquetWriter;
    }

    public void setUseNativeParquetWriter(Boolean useNativeParquetWriter) {
        this.useNativeParquetWriter = useNativeParquetWriter;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getClientCertificate() {
        return clientCertificate;
    }

    public void setClientCertificate(String clientCertificate) {
        this.clientCertificate = clientCertificate;
    }

    public String getClientCertificatePassword() {
        return clientCertificatePassword;
    }

    public void setClientCertificatePassword(String clientCertificatePassword) {
        this.clientCertificatePassword = clientCertificatePassword;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public io.github.camelkusto.export.cluster.ClusterCredentialType getClusterCredentialType() {
        return clusterCredentialType;
    }

    public void setClusterCredentialType(io.github.camelkusto.export.cluster.ClusterCredentialType clusterCredentialType) {
        this.clusterCredentialType = clusterCredentialType;
    }

    public String getManagedIdentityClientId() {
        return managedIdentityClientId;
    }

    public void setManagedIdentityClientId(String managedIdentityClientId) {
        this.managedIdentityClientId = managedIdentityClientId;
    }

    public String getTenantId() {
        return tenantId;
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    public com.azure.core.credential.TokenCredential getTokenCredential() {
        return tokenCredential;
    }

    public void setTokenCredential(com.azure.core.credential.TokenCredential tokenCredential) {
        this.tokenCredential = tokenCredential;
    }
}

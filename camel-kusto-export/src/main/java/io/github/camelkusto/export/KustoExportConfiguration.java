package io.github.camelkusto.export;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.azure.core.credential.TokenCredential;
import io.github.camelkusto.export.cluster.ClusterCredentialType;
import io.github.camelkusto.export.cluster.ClusterCredentials;
import io.github.camelkusto.export.cluster.ClusterRetry;
import io.github.camelkusto.export.cluster.Pushdown;
import io.github.camelkusto.export.command.CommandParser;
import io.github.camelkusto.export.command.CompressionType;
import io.github.camelkusto.export.command.DatetimePrecision;
import io.github.camelkusto.export.command.Distribution;
import io.github.camelkusto.export.command.ExportFormat;
import io.github.camelkusto.export.command.ExportOptions;
import io.github.camelkusto.export.command.ExportProperties;
import io.github.camelkusto.export.command.IncludeHeaders;
import io.github.camelkusto.export.command.TextEncoding;
import io.github.camelkusto.export.artifact.RowBatchLimits;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/**
 * The options of a kusto-export endpoint. Export properties left unset here (null) do not override a
 * {@code .export} command's own {@code with (...)} clause; they only fill in what it leaves unset.
 */
@UriParams
public class KustoExportConfiguration implements Cloneable {
    static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(30);
    static final Duration DEFAULT_CLUSTER_POLL_INTERVAL = Duration.ofSeconds(1);

    @UriPath(enums = "csv,tsv,json,parquet,avro")
    @Metadata(required = true, description = "The artifact format for a bare query; a .export command names its"
            + " own.")
    private String format;

    @UriParam(secret = true, description = "The KQL query (or a complete .export/.show command) to run. When unset,"
            + " the message body is run. The header CamelKustoExportCommand overrides both. Secret: a .export command"
            + " carries its connection strings, keys included.")
    private String query;

    // No <...> placeholders in descriptions: the catalog generator strips them as HTML tags.
    @UriParam(secret = true, description = "Where a bare query is exported to: a storage connection string, e.g."
            + " https://{account}.blob.core.windows.net/{container};{account key}, ...?{SAS}, an emulator endpoint"
            + " http://127.0.0.1:10000/{account}/{container};{key}, file:///folder or a local folder path. Several"
            + " connection strings (used round-robin) are written as a comma-separated list of Kusto string literals:"
            + " 'conn1', h'conn2'.", defaultValue = "exports")
    private String storage = "exports";

    @UriParam(description = "Export a bare query asynchronously: the body becomes the operation id at once.")
    private boolean async;

    @UriParam(description = "Compress the artifacts of a bare query: gzip for text formats ('.gz' is appended to"
            + " the extension), the compressionType codec for parquet and avro.")
    private boolean compressed;

    @UriParam(label = "properties", defaultValue = "" + ExportProperties.DEFAULT_SIZE_LIMIT, description = "The size"
            + " limit in bytes of one artifact before compression, 1 to 4294967296 (4 GB) (100 MB by default). ADX documents 100 MB to 4 GB; a smaller limit gives"
            + " small files. A record is never split across artifacts.")
    private Long sizeLimit;

    @UriParam(label = "properties", enums = "none,all,firstFile", defaultValue = "none", description = "csv/tsv"
            + " only: which artifacts start with a header line.")
    private IncludeHeaders includeHeaders;

    @UriParam(label = "properties", description = "The artifacts' file extension; default the format's name."
            + " '.gz' is appended when text artifacts are compressed.")
    private String fileExtension;

    @UriParam(label = "properties", description = "A prefix for artifact names; may contain '/' to write under a"
            + " folder. Default: a random prefix.")
    private String namePrefix;

    @UriParam(label = "properties", enums = "UTF8NoBOM,UTF8BOM", defaultValue = "UTF8NoBOM", description = "The"
            + " encoding of text artifacts.")
    private TextEncoding encoding;

    @UriParam(label = "properties", enums = "gzip,snappy,zstd,lz4_raw,brotli,deflate,null", description = "The codec"
            + " of compressed artifacts: gzip for text formats; gzip (the default, as in ADX), snappy, zstd, lz4_raw or"
            + " brotli for parquet; snappy (the default), deflate, zstd or null for avro.")
    private CompressionType compressionType;

    @UriParam(label = "properties", enums = "single,per_node,per_shard", defaultValue = "per_shard", description = "How"
            + " many writers export in parallel: single, one per node, or one per shard (query partition).")
    private Distribution distribution;

    @UriParam(label = "properties", defaultValue = "true", description = "false is the same as"
            + " distribution=single.")
    private Boolean distributed;

    @UriParam(label = "properties", defaultValueNote = "true for async exports, false for sync ones", description = "Keep"
            + " the artifact table for '.show operation {id} details'. Unset, it is kept for async exports (true)"
            + " and not for sync ones (false).")
    private Boolean persistDetails;

    @UriParam(label = "properties", defaultValue = "" + ExportProperties.DEFAULT_PARQUET_ROW_GROUP_SIZE, description
            = "parquet only: records per row group.")
    private Integer parquetRowGroupSize;

    @UriParam(label = "properties", enums = "millisecond,microsecond", defaultValue = "millisecond", description = "parquet"
            + " only: the unit of datetime columns.")
    private DatetimePrecision parquetDatetimePrecision;

    @UriParam(label = "properties", defaultValue = "true", description = "parquet only: ADX's native parquet writer,"
            + " its default: long, datetime and timespan columns in DELTA_BINARY_PACKED pages (smaller files, a faster"
            + " export). false writes them in PLAIN pages, for readers without delta encodings (Spark's vectorized"
            + " reader before 3.3, Parquet.Net before 4.16).")
    private Boolean useNativeParquetWriter;

    @UriParam(label = "operations", description = "A Camel endpoint URI that receives the final details table"
            + " (Path, NumRecords, SizeInBytes of the artifacts left in storage) when an async export ends, with the"
            + " headers CamelKustoExportOperationId, CamelKustoExportOperationState and"
            + " CamelKustoExportOperationStatus: chain a notification or a load on it.")
    private String completionUri;

    @UriParam(label = "operations", description = "The name of a continuous export to run once per message"
            + " (the message body is not read): it exports the records ingested since its last run, as its schedule"
            + " would. Trigger it from any consumer, such as quartz. A run that finds the export already running or"
            + " disabled does nothing. The body becomes the run's exported artifacts (Timestamp, ExternalTableName,"
            + " Path, NumRecords, SizeInBytes).")
    private String continuousExport;

    @UriParam(label = "operations", description = "When an export fails or is canceled, delete the artifacts it"
            + " had already committed, so that storage holds all of an export or none of it. Default false: they"
            + " are kept and listed by .show operation {id} details.")
    private boolean cleanupOnFailure;

    @UriParam(label = "operations", javaType = "java.time.Duration", description = "How long one export may run,"
            + " from the moment the command arrives (an async export: from the moment it starts running) to its"
            + " last commit, query and storage requests included; past it the export stops, discards what it had"
            + " not committed and fails with an error naming what timed out. ADX's request timeout: unset, a sync"
            + " export has the 10 minutes ADX gives control commands and an async export 1 hour (the most"
            + " servertimeout allows). Written 90s, 10m, 1h30m or ISO-8601 PT10M.")
    private Duration exportTimeout;

    @UriParam(label = "operations", javaType = "java.time.Duration", defaultValue = "30s", description = "How"
            + " often a running export logs its progress (artifacts committed, records and bytes written so far) at"
            + " INFO, from this long after it starts; 0 logs none.")
    private Duration progressInterval = DEFAULT_PROGRESS_INTERVAL;

    @UriParam(label = "cluster", description = "An Azure Data Explorer cluster (or Fabric Eventhouse) to run every"
            + " command on instead of the embedded engine, e.g. https://help.kusto.windows.net, or"
            + " http://127.0.0.1:{port} for a local endpoint (kusto-export serve). .export is pushed down to it (see"
            + " pushdown); .show and table commands and the operation commands go to it as written. Unset: the"
            + " embedded engine runs everything.")
    private String clusterUri;

    @UriParam(label = "cluster", description = "The database on the cluster that commands and queries run in.")
    private String clusterDatabase;

    @UriParam(label = "cluster", enums = "auto,always,never", defaultValue = "auto", description = "With a"
            + " clusterUri: whether an export is pushed down (the cluster writes the artifacts itself, scaled over its"
            + " nodes) or runs client-side (the cluster runs the query, its rows stream back through this component's"
            + " writers). auto: push down when every target is cloud storage (Azure Blob, ADLS Gen2); always; never.")
    private Pushdown pushdown = Pushdown.AUTO;

    @UriParam(label = "cluster,security", enums = "defaultAzureCredential,managedIdentity,clientSecret,"
            + "clientCertificate,accessToken,tokenCredential,none", description = "How to sign in to the cluster,"
            + " through Azure Identity. Unset, it follows from the options given: accessToken; clientId with"
            + " clientSecret or clientCertificate (and tenantId); managedIdentityClientId (user-assigned managed"
            + " identity); a tokenCredential bean; else defaultAzureCredential (none for a plain-http local endpoint)."
            + " managedIdentity without managedIdentityClientId is the system-assigned identity.")
    private ClusterCredentialType clusterCredentialType;

    @UriParam(label = "cluster,security", description = "The client id of a user-assigned managed identity.")
    private String managedIdentityClientId;

    @UriParam(label = "cluster,security", description = "The application (client) id of a service principal.")
    private String clientId;

    @UriParam(label = "cluster,security", secret = true, description = "The client secret of the application.")
    private String clientSecret;

    @UriParam(label = "cluster,security", description = "The Microsoft Entra tenant id of the application.")
    private String tenantId;

    @UriParam(label = "cluster,security", description = "The path of the application's certificate with its"
            + " private key: a PEM file, or a PFX/PKCS#12 file (.pfx, .p12) with clientCertificatePassword.")
    private String clientCertificate;

    @UriParam(label = "cluster,security", secret = true, description = "The password of a PFX certificate.")
    private String clientCertificatePassword;

    @UriParam(label = "cluster,security", secret = true, description = "An access token for the cluster, obtained"
            + " elsewhere; sent as a bearer token as is (never renewed).")
    private String accessToken;

    @UriParam(label = "cluster,security", description = "A com.azure.core.credential.TokenCredential to sign in to"
            + " the cluster with; autowired when the registry holds exactly one.")
    @Metadata(autowired = true)
    private TokenCredential tokenCredential;

    @UriParam(label = "cluster,advanced", defaultValue = "" + ClusterRetry.DEFAULT_ATTEMPTS, description = "Attempts"
            + " of one cluster request when the cluster did not run it: throttled (HTTP 429, a Throttled error) or"
            + " unavailable (HTTP 503); a .show command also when the connection failed. 1 means no retry.")
    private int clusterRetryAttempts = ClusterRetry.DEFAULT_ATTEMPTS;

    @UriParam(label = "cluster,advanced", javaType = "java.time.Duration", defaultValue = "1s", description = "The"
            + " backoff before the first retry of a cluster request; it doubles with each retry (with jitter), up to"
            + " 30 seconds.")
    private Duration clusterRetryInitialBackoff = ClusterRetry.DEFAULT_INITIAL_BACKOFF;

    @UriParam(label = "cluster", javaType = "java.time.Duration", defaultValue = "1s", description = "After an async"
            + " export pushed down with a completionUri: how soon the component first asks the cluster for the"
            + " operation's state; the wait grows by half with each poll, up to 1 minute, for at most exportTimeout"
            + " (1 hour by default).")
    private Duration clusterPollInterval = DEFAULT_CLUSTER_POLL_INTERVAL;

    /** The cluster's credential options. */
    public ClusterCredentials clusterCredentials() {
        return new ClusterCredentials(clusterCredentialType, managedIdentityClientId, clientId, clientSecret, tenantId,
                clientCertificate, clientCertificatePassword, accessToken, tokenCredential);
    }
    @UriParam(label = "batches", enums = "artifacts,batches", defaultValue = "artifacts", description = "What the"
            + " body is after the producer: artifacts (the query is exported, the body is the artifact table) or"
            + " batches (nothing is written: the body is a streaming Iterator of row batches, each a"
            + " java.util.List of row Maps (column name to value) of at most batchSize rows and about batchBytes, columns in query order, for"
            + " .split(body()).streaming()). batches runs a bare query, not a .export or .show command; with a"
            + " clusterUri it runs on the cluster, its rows streamed back.")
    private OutputType outputType;

    @UriParam(label = "batches", defaultValue = "" + RowBatchLimits.DEFAULT_ROWS, description = "Rows of one batch:"
            + " of outputType=batches, and of the batches a dataFormat marshals.")
    private Integer batchSize;

    @UriParam(label = "batches", defaultValue = "" + RowBatchLimits.DEFAULT_BYTES, description = "The estimated heap"
            + " size in bytes at which a batch ends before batchSize rows (a batch holds at least one row): of"
            + " outputType=batches, and of the batches a dataFormat marshals.")
    private Long batchBytes;

    @UriParam(label = "batches", description = "A Camel data format that encodes the artifacts instead of the"
            + " built-in encoders: a data format name (csv, jackson, avro, parquetAvro: its component must be on"
            + " the classpath) or #bean reference. Rows are grouped into batches (batchSize, batchBytes), each"
            + " batch a java.util.List of row Maps marshalled by the data format into the artifact (parquetAvro gets"
            + " a List of Avro GenericRecords; avro one GenericRecord at a time, its datums framed into an Avro"
            + " container file), with the same naming, sizeLimit, compression, commit and result table as built-in"
            + " formats.")
    private String dataFormat;

    @UriParam(label = "batches", defaultValueNote = "true for the data formats csv and avro, else false", description
            = "Whether the dataFormat's marshalled batches concatenate into one valid file (csv without a header,"
            + " JSON lines, avro's datums framed by the component): then an artifact takes batches until it"
            + " reaches sizeLimit; otherwise"
            + " each artifact holds one batch (a JSON array, a parquet file).")
    private Boolean dataFormatAppends;

    /** The options in command terms; the query text is not part of them. */
    public ExportOptions toExportOptions() {
        Map<String, Object> properties = new LinkedHashMap<>();
        putIfSet(properties, "sizeLimit", sizeLimit);
        putIfSet(properties, "includeHeaders", includeHeaders);
        putIfSet(properties, "fileExtension", fileExtension);
        putIfSet(properties, "namePrefix", namePrefix);
        putIfSet(properties, "encoding", encoding);
        putIfSet(properties, "compressionType", compressionType);
        putIfSet(properties, "distribution", distribution);
        putIfSet(properties, "distributed", distributed);
        putIfSet(properties, "persistDetails", persistDetails);
        putIfSet(properties, "parquetRowGroupSize", parquetRowGroupSize);
        putIfSet(properties, "parquetDatetimePrecision", parquetDatetimePrecision);
        putIfSet(properties, "useNativeParquetWriter", useNativeParquetWriter);
        ExportFormat exportFormat = ExportFormat.byName(format).orElseThrow();
        return new ExportOptions(exportFormat, async, compressed, CommandParser.storageOption(storage), properties);
    }

    private static void putIfSet(Map<String, Object> properties, String name, Object value) {
        if (value != null) {
            properties.put(name, value);
        }
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
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

    public boolean isCompressed() {
        return compressed;
    }

    public void setCompressed(boolean compressed) {
        this.compressed = compressed;
    }

    public Long getSizeLimit() {
        return sizeLimit;
    }

    public void setSizeLimit(Long sizeLimit) {
        this.sizeLimit = sizeLimit;
    }

    public IncludeHeaders getIncludeHeaders() {
        return includeHeaders;
    }

    public void setIncludeHeaders(IncludeHeaders includeHeaders) {
        this.includeHeaders = includeHeaders;
    }

    public String getFileExtension() {
        return fileExtension;
    }

    public void setFileExtension(String fileExtension) {
        this.fileExtension = fileExtension;
    }

    public String getNamePrefix() {
        return namePrefix;
    }

    public void setNamePrefix(String namePrefix) {
        this.namePrefix = namePrefix;
    }

    public TextEncoding getEncoding() {
        return encoding;
    }

    public void setEncoding(TextEncoding encoding) {
        this.encoding = encoding;
    }

    public boolean isAsync() {
        return async;
    }

    public void setAsync(boolean async) {
        this.async = async;
    }

    public CompressionType getCompressionType() {
        return compressionType;
    }

    public void setCompressionType(CompressionType compressionType) {
        this.compressionType = compressionType;
    }

    public Distribution getDistribution() {
        return distribution;
    }

    public void setDistribution(Distribution distribution) {
        this.distribution = distribution;
    }

    public Boolean getDistributed() {
        return distributed;
    }

    public void setDistributed(Boolean distributed) {
        this.distributed = distributed;
    }

    public Boolean getPersistDetails() {
        return persistDetails;
    }

    public void setPersistDetails(Boolean persistDetails) {
        this.persistDetails = persistDetails;
    }

    public Integer getParquetRowGroupSize() {
        return parquetRowGroupSize;
    }

    public void setParquetRowGroupSize(Integer parquetRowGroupSize) {
        this.parquetRowGroupSize = parquetRowGroupSize;
    }

    public DatetimePrecision getParquetDatetimePrecision() {
        return parquetDatetimePrecision;
    }

    public void setParquetDatetimePrecision(DatetimePrecision parquetDatetimePrecision) {
        this.parquetDatetimePrecision = parquetDatetimePrecision;
    }

    public Boolean getUseNativeParquetWriter() {
        return useNativeParquetWriter;
    }

    public void setUseNativeParquetWriter(Boolean useNativeParquetWriter) {
        this.useNativeParquetWriter = useNativeParquetWriter;
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

    public boolean isCleanupOnFailure() {
        return cleanupOnFailure;
    }

    public void setCleanupOnFailure(boolean cleanupOnFailure) {
        this.cleanupOnFailure = cleanupOnFailure;
    }

    public Duration getExportTimeout() {
        return exportTimeout;
    }

    /** Also where a request's {@code servertimeout} is meant to land (see KustoCommandRunner#deadline). */
    public void setExportTimeout(Duration exportTimeout) {
        this.exportTimeout = exportTimeout;
    }

    public Duration getProgressInterval() {
        return progressInterval;
    }

    public void setProgressInterval(Duration progressInterval) {
        this.progressInterval = progressInterval;
    }

    public String getClusterUri() {
        return clusterUri;
    }

    public void setClusterUri(String clusterUri) {
        this.clusterUri = clusterUri;
    }

    public String getClusterDatabase() {
        return clusterDatabase;
    }

    public void setClusterDatabase(String clusterDatabase) {
        this.clusterDatabase = clusterDatabase;
    }

    public Pushdown getPushdown() {
        return pushdown;
    }

    public void setPushdown(Pushdown pushdown) {
        this.pushdown = pushdown;
    }

    public ClusterCredentialType getClusterCredentialType() {
        return clusterCredentialType;
    }

    public void setClusterCredentialType(ClusterCredentialType clusterCredentialType) {
        this.clusterCredentialType = clusterCredentialType;
    }

    public String getManagedIdentityClientId() {
        return managedIdentityClientId;
    }

    public void setManagedIdentityClientId(String managedIdentityClientId) {
        this.managedIdentityClientId = managedIdentityClientId;
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

    public String getTenantId() {
        return tenantId;
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
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

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public TokenCredential getTokenCredential() {
        return tokenCredential;
    }

    public void setTokenCredential(TokenCredential tokenCredential) {
        this.tokenCredential = tokenCredential;
    }

    public int getClusterRetryAttempts() {
        return clusterRetryAttempts;
    }

    public void setClusterRetryAttempts(int clusterRetryAttempts) {
        this.clusterRetryAttempts = clusterRetryAttempts;
    }

    public Duration getClusterRetryInitialBackoff() {
        return clusterRetryInitialBackoff;
    }

    public void setClusterRetryInitialBackoff(Duration clusterRetryInitialBackoff) {
        this.clusterRetryInitialBackoff = clusterRetryInitialBackoff;
    }

    public Duration getClusterPollInterval() {
        return clusterPollInterval;
    }

    public void setClusterPollInterval(Duration clusterPollInterval) {
        this.clusterPollInterval = clusterPollInterval;
    }

    public OutputType getOutputType() {
        return outputType;
    }

    public void setOutputType(OutputType outputType) {
        this.outputType = outputType;
    }

    public Integer getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(Integer batchSize) {
        this.batchSize = batchSize;
    }

    public Long getBatchBytes() {
        return batchBytes;
    }

    public void setBatchBytes(Long batchBytes) {
        this.batchBytes = batchBytes;
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

    public KustoExportConfiguration copy() {
        try {
            return (KustoExportConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}

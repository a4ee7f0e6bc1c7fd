package io.github.camelkusto.export.storage;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import com.azure.core.credential.AccessToken;
import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import io.github.camelkusto.export.command.StorageLiteral;
import io.github.camelkusto.kql.exec.Cancellation;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ThreadPoolProfile;
import reactor.core.publisher.Mono;

/**
 * Turns connection strings into {@link StorageTarget}s and keeps them for reuse (a blob target holds an HTTP
 * client and a started Camel producer). Closed with the component.
 */
public final class StorageTargets implements AutoCloseable {
    /**
     * Azure's recommended block size for throughput. Larger blocks were measured against Azurite (16 and 32 MB):
     * its CPU is per byte (it reads each block back for its MD5), not per request, so they saved it nothing, while
     * they multiply the memory of the blocks in flight (see the README's Azurite benchmark section).
     */
    public static final int DEFAULT_BLOCK_SIZE = 4 * 1024 * 1024;
    /**
     * Blocks of one artifact staged at once (and so held in memory) while the next fills: enough to overlap the
     * writer's rendering with the upload and keep a connection busy per block.
     */
    public static final int DEFAULT_BLOCKS_IN_FLIGHT = 4;
    /** The thread name of block stagers. */
    public static final String BLOCK_STAGER = "KustoExportBlockStager";
    /** The thread name of the HTTP client's workers. */
    public static final String HTTP_WORKER = "KustoExportHttp";

    private final CamelContext context;
    private final int blockSize;
    private final int blocksInFlight;
    private final StorageRetry retry;
    private final Map<String, StorageTarget> targets = new ConcurrentHashMap<>();
    /** Stages the blocks of every blob target's artifacts. */
    private final ExecutorService stagers;
    /** The HTTP client's workers. */
    private final ExecutorService httpWorkers;
    private final boolean ownsPools;
    /** Every Azure client talks HTTP through the JDK's client, which never logs a secret (JdkHttpTransport). */
    private final HttpClient http;

    /**
     * Targets with block-stager and HTTP pools of their own (from Camel's ExecutorServiceManager), shut down by
     * close.
     */
    public StorageTargets(CamelContext context, int blockSize) {
        this(context, blockSize, DEFAULT_BLOCKS_IN_FLIGHT, StorageRetry.DEFAULT,
                context.getExecutorServiceManager().newCachedThreadPool(StorageTargets.class, BLOCK_STAGER),
                context.getExecutorServiceManager().newThreadPool(StorageTargets.class, HTTP_WORKER,
                        httpProfile(HTTP_WORKER)), true);
    }

    /**
     * Targets staging blocks on {@code stagers} and sending requests from {@code httpWorkers}, which stay their
     * owner's to shut down.
     */
    public StorageTargets(CamelContext context, int blockSize, StorageRetry retry, ExecutorService stagers,
            ExecutorService httpWorkers) {
        this(context, blockSize, DEFAULT_BLOCKS_IN_FLIGHT, retry, stagers, httpWorkers, false);
    }

    private StorageTargets(CamelContext context, int blockSize, int blocksInFlight, StorageRetry retry,
            ExecutorService stagers, ExecutorService httpWorkers, boolean ownsPools) {
        this.context = context;
        this.blockSize = blockSize;
        this.blocksInFlight = blocksInFlight;
        this.retry = retry;
        this.stagers = stagers;
        this.httpWorkers = httpWorkers;
        this.ownsPools = ownsPools;
        this.http = JdkHttpTransport.client(httpWorkers);
    }

    /**
     * The default profile of the HTTP client's pool: like the JDK client's own executor, threads as requests need
     * them (each request takes one only while it completes a step), idle ones ending; a bounded pool would fail
     * requests when full.
     */
    public static ThreadPoolProfile httpProfile(String profileId) {
        ThreadPoolProfile profile = new ThreadPoolProfile(profileId);
        profile.setPoolSize(0);
        profile.setMaxPoolSize(Integer.MAX_VALUE);
        profile.setMaxQueueSize(0);
        return profile;
    }

    /** The target of a connection string; parsing errors name the string with its secret masked. */
    public StorageTarget target(StorageLiteral literal) {
        StorageLocation location = ConnectionStrings.parse(literal);
        return targets.computeIfAbsent(literal.value().strip(), key -> create(location));
    }

    /**
     * The pre-flight check of a target, before an export's query runs and in the health check: the container or
     * folder exists and the credential is accepted, nothing written.
     *
     * @throws StorageException naming the target (never its secret) and why it cannot be written to
     */
    public static void verify(StorageTarget target, Cancellation cancellation) {
        try {
            target.verify(cancellation);
        } catch (IOException e) {
            throw new StorageException("cannot write to " + target.describe() + ": " + Failures.why(e), e);
        }
    }

    /**
     * The files under a connection string's location, to read back: a local folder, or a blob container's folder
     * through the Azure SDK with the string's credential.
     */
    public StoredFiles files(StorageLiteral literal) {
        StorageLocation location = ConnectionStrings.parse(literal);
        if (location instanceof LocalFolderLocation local) {
            return new StoredFiles.LocalFiles(local.folder());
        }
        if (location instanceof BlobLocation blob) {
            return new StoredFiles.Blobs(serviceClient(blob).getBlobContainerClient(blob.container()), blob.prefix());
        }
        throw new StorageException(location + " is a Camel endpoint: its files cannot be read back");
    }

    private StorageTarget create(StorageLocation location) {
        if (location instanceof LocalFolderLocation local) {
            return new LocalFolderTarget(local);
        }
        if (location instanceof CamelEndpointLocation endpoint) {
            return new CamelEndpointTarget(context, endpoint);
        }
        BlobLocation blob = (BlobLocation) location;
        try {
            return new BlobTarget(context, blob, serviceClient(blob), blockSize,
                    blocksInFlight, retry, stagers);
        } catch (Exception e) {
            throw new StorageException("cannot set up " + blob + ": " + e.getMessage(), e);
        }
    }

    BlobServiceClient serviceClient(BlobLocation location) {
        return serviceClient(location, BlobServiceClientBuilder.getDefaultHttpLogOptions());
    }

    /**
     * A client with the given HTTP logging. The default's level comes from {@code AZURE_HTTP_LOG_DETAIL_LEVEL}
     * (none when unset); at any level Azure's logging policy shows only the query parameters and headers of its
     * allow-list, which holds no SAS signature and no Authorization header (BlobHttpLoggingTest proves it at the
     * most detailed level).
     */
    BlobServiceClient serviceClient(BlobLocation location, HttpLogOptions logOptions) {
        Duration requestTimeout = retry.requestTimeout();
        // One try per request, bounded by the request timeout (BlobTarget also bounds each call by it and by the
        // export's deadline): BlobTarget retries transient failures itself, per block (StorageRetry).
        BlobServiceClientBuilder builder = new BlobServiceClientBuilder().endpoint(location.serviceUrl())
                .httpClient(http).addPolicy(JdkHttpTransport.guard()).httpLogOptions(logOptions)
                .retryOptions(new RequestRetryOptions(RetryPolicyType.FIXED, 1, requestTimeout, null, null, null));
        BlobCredential credential = location.credential();
        if (credential instanceof BlobCredential.AccountKey key) {
            builder.credential(new StorageSharedKeyCredential(location.accountName(), key.key()));
        } else if (credential instanceof BlobCredential.SharedAccessSignature sas) {
            builder.sasToken(sas.token());
        } else if (credential instanceof BlobCredential.ManagedIdentity identity) {
            ManagedIdentityCredentialBuilder managed = new ManagedIdentityCredentialBuilder().httpClient(http);
            switch (identity.by()) {
                case OBJECT_ID -> managed.objectId(identity.id());
                case CLIENT_ID -> managed.clientId(identity.id());
                case RESOURCE_ID -> managed.resourceId(identity.id());
                case SYSTEM -> { } // the builder's default
            }
            builder.credential(managed.build());
        } else if (credential instanceof BlobCredential.Impersonate) {
            builder.credential(new DefaultAzureCredentialBuilder().httpClient(http).build());
        } else if (credential instanceof BlobCredential.BearerToken bearer) {
            // A token given as is: it is used until Azure refuses it; the user owns its lifetime.
            AccessToken token = new AccessToken(bearer.token(), OffsetDateTime.MAX);
            builder.credential(request -> Mono.just(token));
        }
        return builder.buildClient();
    }

    @Override
    public void close() {
        targets.values().forEach(StorageTarget::close);
        targets.clear();
        if (ownsPools) {
            context.getExecutorServiceManager().shutdownNow(stagers);
            context.getExecutorServiceManager().shutdownNow(httpWorkers);
        }
    }
}

package io.github.camelkusto.export.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.Block;
import com.azure.storage.blob.options.BlockBlobStageBlockOptions;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.exec.Cancellation;
import io.github.camelkusto.kql.exec.Deadline;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.component.azure.storage.blob.BlobBlock;
import org.apache.camel.component.azure.storage.blob.BlobComponent;
import org.apache.camel.component.azure.storage.blob.BlobConfiguration;
import org.apache.camel.component.azure.storage.blob.BlobConstants;
import org.apache.camel.component.azure.storage.blob.BlobEndpoint;
import org.apache.camel.component.azure.storage.blob.BlobOperationsDefinition;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

/**
 * Writes artifacts as block blobs: the bytes of an artifact are staged as blocks of {@code blockSize} bytes
 * ({@code stageBlockBlobList}, sent from the block's buffer by the SDK client camel-azure-storage-blob is given, see
 * {@link #stageOnce}) while it is written, up to {@code blocksInFlight} of them at once, and the block list is
 * committed once when the artifact is complete (camel-azure-storage-blob's {@code commitBlobBlockList}): readers
 * never see half an artifact, and memory holds at most blocksInFlight blocks per open
 * artifact, never a whole artifact. Each request is bounded by a timeout and retried on transient failures
 * ({@link StorageRetry}), within the export's deadline; the SDK's own retries are off so that one policy, per
 * block, rules.
 */
public final class BlobTarget implements StorageTarget {
    private static final Logger LOG = LoggerFactory.getLogger(BlobTarget.class);
    /**
     * The 403 error codes of a credential that is valid but lacks a permission: reading the container's properties
     * (a write-only SAS, or an account SAS for objects only), or writing (a read-only one). Others (a wrong key:
     * AuthenticationFailed) fail the pre-flight check.
     */
    private static final Set<String> CANNOT_READ = Set.of("AuthorizationPermissionMismatch",
            "AuthorizationResourceTypeMismatch");
    private final BlobLocation location;
    private final BlobServiceClient client;
    private final BlobEndpoint endpoint;
    private final Producer producer;
    private final int blockSize;
    private final int blocksInFlight;
    private final StorageRetry retry;
    private final CamelContext context;
    /** The component's block stagers: each artifact bounds its own blocks in flight. Not this target's to stop. */
    private final ExecutorService stagers;
    /** The size of the buffers a block is sent in (see {@link #slices}). */
    private static final int SLICE = 256 * 1024;

    public BlobTarget(CamelContext context, BlobLocation location, BlobServiceClient client, int blockSize,
            int blocksInFlight, StorageRetry retry, ExecutorService stagers) throws Exception {
        this.location = location;
        this.client = client;
        this.blockSize = blockSize;
        this.blocksInFlight = blocksInFlight;
        this.retry = retry;
        this.context = context;
        this.stagers = stagers;
        BlobConfiguration configuration = new BlobConfiguration();
        configuration.setAccountName(location.accountName());
        configuration.setContainerName(location.container());
        configuration.setServiceClient(client);
        configuration.setOperation(BlobOperationsDefinition.stageBlockBlobList);
        configuration.setCommitBlockListLater(true);
        BlobComponent component = context.getComponent("azure-storage-blob", BlobComponent.class);
        // The URI names account and container only: the credential lives in the client, never in a URI.
        this.endpoint = new BlobEndpoint("azure-storage-blob://" + location.accountName() + "/" + location.container(),
                component, configuration);
        ServiceHelper.startService(endpoint); // builds the endpoint's client wrapper, which the producer needs
        this.producer = endpoint.createProducer();
        ServiceHelper.startService(producer);
    }

    /**
     * Checks that the container exists, where the credential allows it: a credential that may write but not read
     * (a container SAS with {@code cw} or {@code w}, as ADX's docs advise) gets 403 AuthorizationPermissionMismatch
     * here, so that answer means "cannot check": the export goes on and its first block says whether it can write.
     * OneLake workspaces are not checked (their existence is not a container's; untested against Fabric).
     */
    @Override
    public void verify() throws IOException {
        verify(Cancellation.NONE);
    }

    /** Checks the container exists, each check bounded by the request timeout and retried like any request. */
    @Override
    public void verify(Cancellation cancellation) throws IOException {
        refuseWhileTraced();
        if (location.kind() == BlobLocation.Kind.ONELAKE) {
            return;
        }
        BlobContainerClient container = client.getBlobContainerClient(location.container());
        boolean[] exists = new boolean[1];
        try {
            retrying("checking the container of " + location, cancellation, timeout -> {
                exists[0] = container.existsWithResponse(timeout, Context.NONE).getValue();
                return null;
            });
        } catch (IOException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BlobStorageException bse && bse.getStatusCode() == 403
                    && CANNOT_READ.contains(String.valueOf(bse.getErrorCode()))) {
                LOG.debug("The credential of {} may not read the container ({}): not checked", location,
                        bse.getErrorCode());
                return;
            }
            if (cause instanceof BlobStorageException bse && !StorageRetry.isTransient(bse)) {
                throw new StorageException("cannot use " + location + ": " + bse.getStatusCode() + " "
                        + bse.getErrorCode(), e);
            }
            // the retried request's message already names the container, the location and the cause
            throw new StorageException(e.getMessage(), e);
        }
        if (!exists[0]) {
            throw new StorageException("container '" + location.container() + "' does not exist in " + location);
        }
    }

    @Override
    public ArtifactSink create(String name) {
        return create(name, Cancellation.NONE);
    }

    @Override
    public ArtifactSink create(String name, Cancellation cancellation) {
        return new BlockSink(location.prefix() + name, cancellation);
    }

    /** Deletes a committed artifact of this container, given the path its commit returned. */
    @Override
    public boolean delete(String path) throws IOException {
        String containerUrl = location.blobUrl("");
        if (!path.startsWith(containerUrl)) {
            return false;
        }
        String blobName = path.substring(containerUrl.length());
        try {
            client.getBlobContainerClient(location.container()).getBlobClient(blobName).deleteIfExists();
            return true;
        } catch (RuntimeException e) {
            throw new IOException("cannot delete " + path + ": " + describe(e), e);
        }
    }

    @Override
    public String describe() {
        return location.toString();
    }

    @Override
    public void close() {
        ServiceHelper.stopAndShutdownServices(producer, endpoint);
    }

    /** One attempt of a storage request, given how long it may take; returns its failure, or null when it worked. */
    @FunctionalInterface
    private interface Attempt {
        Exception run(Duration timeout) throws Exception;
    }

    /**
     * Runs a request through camel-azure-storage-blob, as {@link #retrying} says; {@code body} makes a fresh
     * body for each attempt (a block's stream is consumed by the attempt that sends it).
     */
    private void send(String blobName, BlobOperationsDefinition operation, Supplier<Object> body,
            Cancellation cancellation) throws IOException {
        retrying(operation + " of " + location.blobUrl(blobName), cancellation,
                timeout -> sendOnce(blobName, operation, body.get(), timeout));
    }

    /**
     * Runs {@code attempt} until it works: each attempt bounded by the request timeout (and by what is left of the
     * export's time), transient failures retried as {@link StorageRetry} says with a WARN line each, and no
     * attempt or wait once {@code cancellation} says stop (its error, naming {@code what}, is thrown then).
     */
    private void retrying(String what, Cancellation cancellation, Attempt attempt) throws IOException {
        refuseWhileTraced();
        for (int n = 1; ; n++) {
            cancellation.check(what);
            Duration left = cancellation.remaining();
            Duration timeout = left.compareTo(retry.requestTimeout()) < 0 ? left : retry.requestTimeout();
            Exception failure;
            try {
                failure = attempt.run(timeout.isZero() ? Duration.ofMillis(1) : timeout);
            } catch (Exception e) {
                failure = e;
            }
            if (failure == null) {
                return;
            }
            boolean transientFailure = StorageRetry.isTransient(failure);
            String cause = isTimeout(failure) ? "no answer within " + Deadline.describe(timeout)
                    + (timeout.equals(retry.requestTimeout()) ? " (storageRequestTimeout)" : "") : describe(failure);
            if (!transientFailure || n >= retry.maxAttempts()) {
                cancellation.check(what); // an attempt cut short by the deadline fails as a timeout
                String tries = transientFailure && n > 1 ? " after " + n + " attempts" : "";
                throw new IOException(what + " failed" + tries + ": " + cause + writeRefusal(failure), failure);
            }
            Duration wait = retry.backoff(n);
            if (cancellation instanceof RetryObserver observer) {
                observer.retried();
            }
            LOG.warn("{} failed (attempt {} of {}, storageRetryAttempts): {}; retrying in {} ms", what, n,
                    retry.maxAttempts(), cause, wait.toMillis());
            try {
                Thread.sleep(Math.min(wait.toMillis(), cancellation.remaining().toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException(what + " interrupted while waiting to retry");
            }
        }
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException || t instanceof java.net.http.HttpTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private Exception sendOnce(String blobName, BlobOperationsDefinition operation, Object body, Duration timeout) {
        Exchange exchange = endpoint.createExchange();
        exchange.getMessage().setHeader(BlobConstants.BLOB_NAME, blobName);
        exchange.getMessage().setHeader(BlobConstants.BLOB_OPERATION, operation);
        exchange.getMessage().setHeader(BlobConstants.TIMEOUT, timeout);
        exchange.getMessage().setBody(body);
        try {
            producer.process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        return exchange.getException();
    }

    /**
     * Stages one block straight from its buffer, with the client the Camel endpoint uses (same pipeline, guard and
     * timeouts). Not through camel-azure-storage-blob's stageBlockBlobList: it takes a block as an InputStream,
     * which the SDK copies into a new array of the block's size on a reactor thread of its own (a profile of an
     * export to Azurite showed that copy allocating as many bytes as were uploaded). Here the HTTP client reads the
     * buffer in place, in slices, attempt after attempt.
     */
    private Exception stageOnce(String blobName, String id, byte[] block, int size, Duration timeout) {
        try {
            client.getBlobContainerClient(location.container()).getBlobClient(blobName).getBlockBlobClient()
                    .stageBlockWithResponse(new BlockBlobStageBlockOptions(id, slices(block, size)), timeout,
                            Context.NONE);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /**
     * The first {@code size} bytes of {@code block} as a body of {@value #SLICE}-byte buffers wrapping it: small
     * enough that a socket write of a heap buffer (which copies all of its remaining bytes to a native buffer, then
     * may send only part of them) does not copy the same bytes again and again.
     */
    private static BinaryData slices(byte[] block, int size) {
        Flux<ByteBuffer> body = Flux.range(0, (size + SLICE - 1) / SLICE)
                .map(i -> ByteBuffer.wrap(block, i * SLICE, Math.min(SLICE, size - i * SLICE)));
        return BinaryData.fromFlux(body, (long) size, false).block();
    }

    /**
     * Fails with a clear message when the JDK's HTTP client would log requests (their URLs and headers carry the
     * credential); {@link JdkHttpTransport#guard()} blocks such requests anyway, but the SDK loses its message.
     */
    private void refuseWhileTraced() {
        JdkHttpTransport.tracing().ifPresent(reason -> {
            throw new StorageException("cannot use " + location + ": " + JdkHttpTransport.refusal(reason)
                    .getMessage());
        });
    }

    /**
     * The status and error code of a service error (never its message: Azure's error details may quote a request
     * signature), else why the first I/O failure happened (the SDK wraps failures of its HTTP pipeline in
     * message-less RuntimeExceptions; a refused connection is a ConnectException around a ClosedChannelException),
     * else the innermost failure.
     */
    private static String describe(Exception e) {
        Throwable cause = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BlobStorageException bse) {
                return bse.getStatusCode() + " " + bse.getErrorCode();
            }
            cause = t;
            if (t instanceof java.io.IOException) {
                break;
            }
        }
        return Failures.why(cause);
    }

    /** Says why, when the service refused to write because the credential may not (a read-only SAS, say). */
    private String writeRefusal(Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BlobStorageException bse && bse.getStatusCode() == 403
                    && CANNOT_READ.contains(String.valueOf(bse.getErrorCode()))) {
                return " (the credential of " + location + " may not write there: a SAS needs the write permission"
                        + " 'w' on blobs, an identity a role such as Storage Blob Data Contributor)";
            }
        }
        return "";
    }

    /**
     * Fills one block buffer at a time; a full block is staged on the target's stager threads while the next one
     * fills, with at most {@code blocksInFlight} buffers per artifact (memory: blocksInFlight x blockSize), each
     * block retried on its own ({@link #send}). {@link #commit()} waits for every block, then commits the block
     * list, in order, once. The first failed block fails the artifact: at the next write or at commit.
     */
    private final class BlockSink extends ArtifactSink {
        private final String blobName;
        private final List<Block> blocks = new ArrayList<>();
        private final List<Future<?>> staging = new ArrayList<>();
        private final BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(blocksInFlight);
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private final Cancellation cancellation;
        private int allocated;
        private ByteBuffer buffer;

        BlockSink(String blobName, Cancellation cancellation) {
            this.blobName = blobName;
            this.cancellation = cancellation;
        }

        @Override
        public void write(int b) throws IOException {
            if (buffer == null || !buffer.hasRemaining()) {
                stage();
            }
            buffer.put((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (buffer == null || !buffer.hasRemaining()) {
                    stage();
                }
                int n = Math.min(len, buffer.remaining());
                buffer.put(b, off, n);
                off += n;
                len -= n;
            }
        }

        /** Hands the full buffer (if any) to a stager and takes a free one, waiting while all are in flight. */
        private void stage() throws IOException {
            rethrowFailure();
            if (buffer != null && buffer.position() > 0) {
                submit(buffer);
                buffer = null;
            }
            if (buffer == null) {
                buffer = nextBuffer();
            }
        }

        private ByteBuffer nextBuffer() throws IOException {
            ByteBuffer next = free.poll();
            if (next == null && allocated < blocksInFlight) {
                allocated++;
                return ByteBuffer.allocate(blockSize);
            }
            try {
                return next != null ? next : free.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while staging " + location.blobUrl(blobName));
            }
        }

        private void submit(ByteBuffer full) {
            // Block ids must be base64 strings of equal length within a blob.
            String id = Base64.getEncoder().encodeToString(
                    String.format("%08d", blocks.size()).getBytes(StandardCharsets.US_ASCII));
            int size = full.position();
            blocks.add(BlobBlock.createBlobBlock(id, size, InputStream.nullInputStream()).getBlockEntry());
            staging.removeIf(Future::isDone);
            staging.add(stagers.submit(() -> {
                try {
                    retrying(BlobOperationsDefinition.stageBlockBlobList + " of " + location.blobUrl(blobName),
                            cancellation, timeout -> stageOnce(blobName, id, full.array(), size, timeout));
                } catch (IOException | KustoException e) {
                    failure.compareAndSet(null, e); // a cancel or timeout stays what it is
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, new IOException("staging a block of " + location.blobUrl(blobName)
                            + " failed: " + describe(e), e));
                } finally {
                    full.clear();
                    free.offer(full);
                }
            }));
        }

        private void rethrowFailure() throws IOException {
            Exception failed = failure.get();
            if (failed instanceof KustoException stop) {
                throw stop;
            }
            if (failed != null) {
                throw new IOException(failed.getMessage(), failed);
            }
        }

        @Override
        public String commit() throws IOException {
            stage();
            for (Future<?> block : staging) {
                try {
                    block.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while staging " + location.blobUrl(blobName));
                } catch (ExecutionException e) {
                    throw new IOException("staging a block of " + location.blobUrl(blobName) + " failed", e);
                }
            }
            staging.clear();
            rethrowFailure();
            List<Block> blockList = List.copyOf(blocks);
            send(blobName, BlobOperationsDefinition.commitBlobBlockList, () -> blockList, cancellation);
            return location.blobUrl(blobName);
        }

        /**
         * Stops staging what is left (a retry waiting is interrupted); uncommitted blocks are invisible and expire
         * on their own: there is nothing to delete.
         */
        @Override
        public void close() {
            staging.forEach(block -> block.cancel(true));
            staging.clear();
        }
    }
}

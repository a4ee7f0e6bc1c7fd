package io.github.camelkusto.export.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.Block;
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

/**
 * Writes artifacts as block blobs through camel-azure-storage-blob: the bytes of an artifact are staged as
 * blocks of {@code blockSize} bytes ({@code stageBlockBlobList}) while it is written, and the block list is
 * committed once when the artifact is complete ({@code commitBlobBlockList}): readers never see half an
 * artifact, and memory holds one block per open artifact, never a whole artifact.
 */
public final class BlobTarget implements StorageTarget {
    private final BlobLocation location;
    private final BlobServiceClient client;
    private final BlobEndpoint endpoint;
    private final Producer producer;
    private final int blockSize;

    public BlobTarget(CamelContext context, BlobLocation location, BlobServiceClient client, int blockSize)
            throws Exception {
        this.location = location;
        this.client = client;
        this.blockSize = blockSize;
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

    @Override
    public void verify() {
        BlobContainerClient container = client.getBlobContainerClient(location.container());
        boolean exists;
        try {
            exists = container.exists();
        } catch (BlobStorageException e) {
            throw new StorageException("cannot use " + location + ": " + e.getStatusCode() + " "
                    + e.getErrorCode(), e);
        } catch (RuntimeException e) {
            throw new StorageException("cannot reach " + location + ": " + e.getMessage(), e);
        }
        if (!exists) {
            throw new StorageException("container '" + location.container() + "' does not exist in " + location);
        }
    }

    @Override
    public ArtifactSink create(String name) {
        return new BlockSink(location.prefix() + name);
    }

    @Override
    public String describe() {
        return location.toString();
    }

    @Override
    public void close() {
        ServiceHelper.stopAndShutdownServices(producer, endpoint);
    }

    private void send(String blobName, BlobOperationsDefinition operation, Object body) throws IOException {
        Exchange exchange = endpoint.createExchange();
        exchange.getMessage().setHeader(BlobConstants.BLOB_NAME, blobName);
        exchange.getMessage().setHeader(BlobConstants.BLOB_OPERATION, operation);
        exchange.getMessage().setBody(body);
        try {
            producer.process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            Exception e = exchange.getException();
            String detail = e instanceof BlobStorageException bse ? bse.getStatusCode() + " " + bse.getErrorCode()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            throw new IOException(operation + " of " + location.blobUrl(blobName) + " failed: " + detail, e);
        }
    }

    /** Buffers one block at a time and stages it when full; commits the block list on {@link #commit()}. */
    private final class BlockSink extends ArtifactSink {
        private final String blobName;
        private final List<Block> blocks = new ArrayList<>();
        private final ByteBuffer buffer = ByteBuffer.allocate(blockSize);

        BlockSink(String blobName) {
            this.blobName = blobName;
        }

        @Override
        public void write(int b) throws IOException {
            if (!buffer.hasRemaining()) {
                stage();
            }
            buffer.put((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (!buffer.hasRemaining()) {
                    stage();
                }
                int n = Math.min(len, buffer.remaining());
                buffer.put(b, off, n);
                off += n;
                len -= n;
            }
        }

        private void stage() throws IOException {
            if (buffer.position() == 0) {
                return;
            }
            // Block ids must be base64 strings of equal length within a blob.
            String id = Base64.getEncoder().encodeToString(
                    String.format("%08d", blocks.size()).getBytes(StandardCharsets.US_ASCII));
            int size = buffer.position();
            BlobBlock block = BlobBlock.createBlobBlock(id, size, new ByteArrayInputStream(buffer.array(), 0, size));
            send(blobName, BlobOperationsDefinition.stageBlockBlobList, block);
            blocks.add(block.getBlockEntry());
            buffer.clear();
        }

        @Override
        public String commit() throws IOException {
            stage();
            send(blobName, BlobOperationsDefinition.commitBlobBlockList, List.copyOf(blocks));
            return location.blobUrl(blobName);
        }

        /** Uncommitted blocks are invisible and expire on their own: there is nothing to delete. */
        @Override
        public void close() {
        }
    }
}

package io.github.camelkusto.export.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.StringHelper;
import org.apache.camel.util.URISupport;

/**
 * Sends each artifact, once complete, as one message to a Camel endpoint ({@code camel:<endpoint uri>}). The
 * artifact is spooled to a temp file while it is written (memory holds a buffer, never the artifact) and sent at
 * commit with the file as the body, so that the endpoint's component streams it (file copies it, sftp and
 * azure-storage-blob upload it with its length known); the temp file is deleted once the endpoint is done with it.
 * Headers: {@link Exchange#FILE_NAME} (the artifact's name, with its namePrefix folder), the blob name for
 * azure-storage-blob endpoints, {@link #RECORD_COUNT_HEADER} and {@link #SIZE_HEADER}. What "committed" means is
 * the endpoint's: file with {@code tempFileName} renames into place, sftp uploads under its name unless told to
 * use a temp name, a blob is whole once uploaded.
 */
public final class CamelEndpointTarget implements StorageTarget {
    public static final String RECORD_COUNT_HEADER = "CamelKustoExportArtifactRecordCount";
    public static final String SIZE_HEADER = "CamelKustoExportArtifactSizeInBytes";
    /** camel-azure-storage-blob names the blob by this header (BlobConstants.BLOB_NAME), not by CamelFileName. */
    static final String AZURE_BLOB_NAME_HEADER = "CamelAzureStorageBlobBlobName";
    private static final int BUFFER = 256 * 1024;

    private final Endpoint endpoint;
    /** Whether the endpoint is this target's, unregistered (its URI holds a secret): started and stopped here. */
    private final boolean ownEndpoint;
    private final ProducerTemplate producer;
    /** The endpoint URI with secrets masked and without its options: the start of every artifact's path. */
    private final String shownUri;

    /**
     * Resolves the endpoint now, so that a URI Camel cannot resolve fails before any query runs. An endpoint whose
     * URI holds a secret (a password, key or token option, or userinfo) is created by its component and not
     * registered in the CamelContext, whose endpoint registry would show its URI, secret included, to anyone
     * listing endpoints; other endpoints are the context's own (so that {@code direct:} and {@code mock:} reach the
     * routes and mocks of the context).
     */
    public CamelEndpointTarget(CamelContext context, CamelEndpointLocation location) {
        String sanitized = URISupport.sanitizeUri(location.endpointUri());
        try {
            String uri = context.resolvePropertyPlaceholders(location.endpointUri());
            this.ownEndpoint = !URISupport.sanitizeUri(uri).equals(uri);
            if (ownEndpoint) {
                Component component = context.getComponent(StringHelper.before(uri, ":"));
                this.endpoint = component == null ? null : component.createEndpoint(uri);
                ServiceHelper.startService(endpoint);
            } else {
                this.endpoint = context.getEndpoint(uri);
            }
        } catch (Exception e) {
            throw new StorageException("cannot resolve the Camel endpoint " + sanitized + " ("
                    + e.getClass().getSimpleName() + ")", null);
        }
        if (endpoint == null) {
            throw new StorageException("cannot resolve the Camel endpoint " + sanitized + " (no component for it)");
        }
        int query = sanitized.indexOf('?');
        this.shownUri = query < 0 ? sanitized : sanitized.substring(0, query);
        this.producer = context.createProducerTemplate();
    }

    @Override
    public void verify() {
        // Camel endpoints have no generic "can I write" check: the first artifact tells
    }

    @Override
    public ArtifactSink create(String name) throws IOException {
        return new SpooledSink(name, Files.createTempFile("kusto-export-", ".part"));
    }

    @Override
    public String describe() {
        return "camel:" + shownUri;
    }

    @Override
    public void close() {
        try {
            producer.stop();
            if (ownEndpoint) {
                ServiceHelper.stopAndShutdownService(endpoint);
            }
        } catch (RuntimeException ignored) {
            // closing the component: nothing left to send
        }
    }

    private final class SpooledSink extends ArtifactSink {
        private final String name;
        private final Path spool;
        private final OutputStream out;
        private long size;
        private boolean done;

        SpooledSink(String name, Path spool) throws IOException {
            this.name = name;
            this.spool = spool;
            this.out = new BufferedOutputStream(Files.newOutputStream(spool), BUFFER);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            size++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            size += len;
        }

        @Override
        public String commit() throws IOException {
            return commit(-1);
        }

        @Override
        public String commit(long records) throws IOException {
            out.close();
            try {
                Exchange result = producer.send(endpoint, exchange -> {
                    exchange.getIn().setBody(spool.toFile());
                    exchange.getIn().setHeader(Exchange.FILE_NAME, name);
                    exchange.getIn().setHeader(AZURE_BLOB_NAME_HEADER, name);
                    exchange.getIn().setHeader(SIZE_HEADER, size);
                    if (records >= 0) {
                        exchange.getIn().setHeader(RECORD_COUNT_HEADER, records);
                    }
                });
                if (result.getException() != null) {
                    Exception e = result.getException();
                    throw new StorageException("the Camel endpoint " + describe() + " did not take artifact " + name
                            + " (" + e.getClass().getSimpleName() + ": "
                            + URISupport.sanitizeUri(String.valueOf(e.getMessage())) + ")", null);
                }
            } finally {
                done = true;
                Files.deleteIfExists(spool);
            }
            return shownUri + "/" + name;
        }

        @Override
        public void close() throws IOException {
            if (!done) {
                done = true;
                out.close();
                Files.deleteIfExists(spool);
            }
        }
    }
}

package io.github.camelkusto.export.storage;

import org.apache.camel.util.URISupport;

/**
 * A Camel endpoint ({@code camel:<endpoint uri>}): each artifact is sent to it as one message.
 *
 * @param endpointUri the endpoint's URI as given, which may hold secrets: shown only through {@link #toString}
 */
public record CamelEndpointLocation(String endpointUri) implements StorageLocation {
    /** The URI with passwords, keys and tokens masked, as Camel masks them. */
    @Override
    public String toString() {
        return "camel:" + URISupport.sanitizeUri(endpointUri);
    }
}

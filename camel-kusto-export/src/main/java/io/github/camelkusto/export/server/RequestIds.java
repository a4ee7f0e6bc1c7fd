package io.github.camelkusto.export.server;

import java.util.UUID;

/**
 * How a request is correlated: the client's {@code x-ms-client-request-id} (or one made up when it sent none)
 * and the server's activity id, echoed in headers, completion information and errors.
 */
record RequestIds(String clientRequestId, UUID activityId) {

    static RequestIds of(String clientRequestId) {
        UUID activity = UUID.randomUUID();
        return new RequestIds(clientRequestId == null || clientRequestId.isBlank()
                ? "KustoRestServer;" + activity : clientRequestId, activity);
    }
}

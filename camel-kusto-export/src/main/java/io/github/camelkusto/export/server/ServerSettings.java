package io.github.camelkusto.export.server;

import java.util.Optional;

/**
 * How a {@link KustoRestServer} listens.
 *
 * @param port         the port on 127.0.0.1; 0 picks a free one
 * @param databaseName the name clients give as the database; requests naming another one fail
 * @param token        when present, every request but the cloud-info metadata must carry
 *                     {@code Authorization: Bearer <token>}
 */
public record ServerSettings(int port, String databaseName, Optional<String> token) {
    /**
     * Requests a server of the component serves at once, unless the thread-pool profile {@code kustoExportServer}
     * says otherwise.
     */
    public static final int DEFAULT_THREADS = 8;

    public ServerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
        if (databaseName == null || databaseName.isBlank()) {
            throw new IllegalArgumentException("the database name must not be empty");
        }
    }

    public static ServerSettings of(int port, String databaseName) {
        return new ServerSettings(port, databaseName, Optional.empty());
    }

    public ServerSettings withToken(String bearerToken) {
        return new ServerSettings(port, databaseName, Optional.ofNullable(bearerToken).filter(t -> !t.isEmpty()));
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "ServerSettings[port=" + port + ", databaseName=" + databaseName + ", token="
                + (token.isPresent() ? "****" : "none") + "]";
    }
}

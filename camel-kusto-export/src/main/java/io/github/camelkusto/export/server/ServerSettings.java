package io.github.camelkusto.export.server;

import java.util.Optional;

/**
 * How a {@link KustoRestServer} listens.
 *
 * @param port         the port on 127.0.0.1; 0 picks a free one
 * @param databaseName the name clients give as the database; requests naming another one fail
 * @param token        when present, every request but the cloud-info metadata must carry
 *                     {@code Authorization: Bearer <token>}
 * @param threads      requests served at once
 */
public record ServerSettings(int port, String databaseName, Optional<String> token, int threads) {
    public static final int DEFAULT_THREADS = 8;

    public ServerSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
        if (databaseName == null || databaseName.isBlank()) {
            throw new IllegalArgumentException("the database name must not be empty");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
    }

    public static ServerSettings of(int port, String databaseName) {
        return new ServerSettings(port, databaseName, Optional.empty(), DEFAULT_THREADS);
    }

    public ServerSettings withToken(String bearerToken) {
        return new ServerSettings(port, databaseName, Optional.ofNullable(bearerToken).filter(t -> !t.isEmpty()),
                threads);
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "ServerSettings[port=" + port + ", databaseName=" + databaseName + ", token="
                + (token.isPresent() ? "****" : "none") + ", threads=" + threads + "]";
    }
}

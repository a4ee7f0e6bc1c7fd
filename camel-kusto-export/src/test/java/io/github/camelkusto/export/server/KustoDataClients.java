package io.github.camelkusto.export.server;

import java.net.URISyntaxException;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;

/** kusto-data clients for a local server. */
final class KustoDataClients {
    private KustoDataClients() {
    }

    /**
     * A client with no credentials: the SDK then sends no Authorization header. (With a token it refuses plain
     * http:// to any host: its localhost exception compares the host with {@code "http://localhost"}.)
     */
    static Client connect(String clusterUri) throws URISyntaxException {
        return ClientFactory.createClient(new ConnectionStringBuilder("Data Source=" + clusterUri));
    }

    static Client connect(KustoRestServer server) throws URISyntaxException {
        return connect(server.uri().toString());
    }
}

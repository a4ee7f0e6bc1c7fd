package io.github.camelkusto.export;

import io.github.camelkusto.export.server.EmbeddedManagementCommands;
import io.github.camelkusto.export.server.KustoRestServer;
import io.github.camelkusto.export.server.ServerSettings;
import io.github.camelkusto.kql.catalog.KustoDatabase;

/**
 * A Kusto REST server over an empty embedded database, in its own JVM: the cluster of {@link ClientSideMemoryTest}.
 * Prints {@code listening on <uri>} once ready and serves until its standard input closes.
 */
public final class ClusterServerMain {
    private ClusterServerMain() {
    }

    public static void main(String[] args) throws Exception {
        KustoDatabase database = new KustoDatabase("default");
        try (KustoRestServer server = KustoRestServer.start(database, new EmbeddedManagementCommands(database),
                ServerSettings.of(0, "default"))) {
            System.out.println("listening on " + server.uri());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serves until the parent closes our input (or dies)
            }
        }
    }
}

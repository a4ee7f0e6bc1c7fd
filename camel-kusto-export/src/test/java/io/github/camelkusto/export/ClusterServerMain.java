package io.github.camelkusto.export;

import io.github.camelkusto.export.server.ServedDatabase;
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
        try (ServedDatabase served = ServedDatabase.serve(database, ServerSettings.of(0, "default"))) {
            System.out.println("listening on " + served.server().uri());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serves until the parent closes our input (or dies)
            }
        }
    }
}

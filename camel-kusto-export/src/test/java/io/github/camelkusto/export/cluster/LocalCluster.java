package io.github.camelkusto.export.cluster;

import java.net.URI;
import java.util.function.Consumer;

import io.github.camelkusto.export.ExporterManagementCommands;
import io.github.camelkusto.export.KustoExportComponent;
import io.github.camelkusto.export.server.KustoRestServer;
import io.github.camelkusto.export.server.ServerSettings;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A local "cluster" for tests: the embedded engine served over the Kusto REST protocol, whose management commands
 * ({@code .export} sync and async, the operation commands) run through a kusto-export endpoint of its own Camel
 * context, as {@code kusto-export serve} runs them. Its database is {@code db}.
 */
final class LocalCluster implements AutoCloseable {
    static final String DATABASE = "db";

    private final CamelContext context;
    private final KustoExportComponent component;
    private final KustoRestServer server;

    private LocalCluster(CamelContext context, KustoExportComponent component, KustoRestServer server) {
        this.context = context;
        this.component = component;
        this.server = server;
    }

    static LocalCluster start() throws Exception {
        return start(component -> { });
    }

    /** @param setup configures the cluster's own component (its export slots, ...) before it starts */
    static LocalCluster start(Consumer<KustoExportComponent> setup) throws Exception {
        return start(setup, null);
    }

    /** @param token when not null, the bearer token every request must carry */
    static LocalCluster start(Consumer<KustoExportComponent> setup, String token) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName("local-cluster");
        KustoExportComponent component = new KustoExportComponent();
        component.setDatabase(new KustoDatabase(DATABASE));
        setup.accept(component);
        context.addComponent("kusto-export", component);
        context.start();
        KustoRestServer server = component.serve(
                new ExporterManagementCommands(context, "kusto-export:csv"),
                ServerSettings.of(0, DATABASE).withToken(token));
        return new LocalCluster(context, component, server);
    }

    URI uri() {
        return server.uri();
    }

    int port() {
        return server.port();
    }

    KustoDatabase database() {
        return component.getDatabase();
    }

    @Override
    public void close() throws Exception {
        server.close();
        context.close();
    }
}

package io.github.camelkusto.export.server;

import java.io.IOException;

import io.github.camelkusto.export.KustoExportComponent;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.exec.QueryEngine;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A database served over the Kusto REST protocol the way the CLI serves it: by a started kusto-export component
 * (requests on its Camel pool, queries on its engine pool), table commands run by {@link EmbeddedManagementCommands}.
 */
public record ServedDatabase(CamelContext camel, KustoRestServer server) implements AutoCloseable {

    public static ServedDatabase serve(KustoDatabase database, ServerSettings settings) throws IOException {
        CamelContext camel = new DefaultCamelContext();
        KustoExportComponent component = new KustoExportComponent();
        component.setDatabase(database);
        camel.addComponent("kusto-export", component);
        camel.start();
        return new ServedDatabase(camel, component.serve(new EmbeddedManagementCommands(database,
                new QueryEngine(database, Runnable::run)), settings));
    }

    /** Table commands run on {@code database} as the server runs them (e.g. to load a test's tables). */
    public static EmbeddedManagementCommands commands(KustoDatabase database) {
        return new EmbeddedManagementCommands(database, new QueryEngine(database, Runnable::run));
    }

    @Override
    public void close() {
        server.close();
        camel.stop();
    }
}

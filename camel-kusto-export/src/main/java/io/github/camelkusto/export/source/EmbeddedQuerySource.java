package io.github.camelkusto.export.source;

import java.util.concurrent.Executor;

import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.exec.Cancellation;
import io.github.camelkusto.kql.exec.QueryEngine;

/** Runs queries on the embedded KQL engine over an in-memory {@link KustoDatabase}: no cluster needed. */
public final class EmbeddedQuerySource implements QuerySource {
    private final KustoDatabase database;
    private final QueryEngine engine;

    /** @param queryWorkers runs the engine's per-partition work (a Camel-managed pool in the component) */
    public EmbeddedQuerySource(KustoDatabase database, Executor queryWorkers) {
        this.database = database;
        this.engine = new QueryEngine(database, queryWorkers);
    }

    @Override
    public QueryResult prepare(String query) {
        return engine.prepare(query);
    }

    @Override
    public QueryResult prepare(String query, Cancellation cancellation) {
        return engine.prepare(query, cancellation);
    }

    @Override
    public String describe() {
        return "embedded database '" + database.name() + "'";
    }
}

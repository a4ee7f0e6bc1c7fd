package io.github.camelkusto.export.source;

import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.exec.Cancellation;
import io.github.camelkusto.kql.exec.QueryEngine;

/** Runs queries on the embedded KQL engine over an in-memory {@link KustoDatabase}: no cluster needed. */
public final class EmbeddedQuerySource implements QuerySource {
    private final KustoDatabase database;
    private final QueryEngine engine;

    public EmbeddedQuerySource(KustoDatabase database) {
        this.database = database;
        this.engine = new QueryEngine(database);
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

package io.github.camelkusto.kql.exec;

import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.builtin.BuiltInFunctions;
import io.github.camelkusto.kql.plan.Binder;
import io.github.camelkusto.kql.plan.PlanNode;
import io.github.camelkusto.kql.syntax.QueryParser;
import io.github.camelkusto.kql.syntax.SourceText;

/**
 * Runs KQL queries over a {@link KustoDatabase}. {@link #prepare} parses and binds a query (every table, column
 * and function resolved, every expression typed; errors point into the text) without reading any row; the
 * returned result streams its rows partition by partition when read.
 */
public final class QueryEngine {
    /** The built-ins and every library ServiceLoader finds: the engine is the one place that knows the built-ins. */
    private static final FunctionRegistry DEFAULT_FUNCTIONS = FunctionRegistry.withLibraries(new BuiltInFunctions());

    private final KustoDatabase database;
    private final FunctionRegistry functions;

    public QueryEngine(KustoDatabase database) {
        this(database, DEFAULT_FUNCTIONS);
    }

    /** Every built-in function and every library found by ServiceLoader (shared; {@code register} adds to it). */
    public static FunctionRegistry defaultFunctions() {
        return DEFAULT_FUNCTIONS;
    }

    public QueryEngine(KustoDatabase database, FunctionRegistry functions) {
        this.database = database;
        this.functions = functions;
    }

    public QueryResult prepare(String query) {
        return prepare(query, Cancellation.NONE);
    }

    /**
     * Prepares {@code query} so that it stops when {@code cancellation} says so: while it is bound (a
     * {@code toscalar()} runs then) and at every batch its rows pass from operator to operator when read.
     */
    public QueryResult prepare(String query, Cancellation cancellation) {
        Executor executor = new Executor(cancellation);
        return executor.run(plan(query, executor));
    }

    /** The bound plan of {@code query}: for tools and tests that look at types and names only. */
    public PlanNode plan(String query) {
        return plan(query, new Executor(Cancellation.NONE));
    }

    private PlanNode plan(String query, Executor executor) {
        SourceText source = new SourceText(query);
        return new Binder(database, functions, source, executor::run).bind(QueryParser.parse(source));
    }
}

package io.github.camelkusto.kql.exec;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

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
 *
 * <p>Threads: the engine starts none. A query's rows are computed on the thread that reads them; materialising
 * operators also hand per-partition work to the {@link Executor} given here (a Camel-managed pool in the
 * component). Without one, the engine uses {@link ForkJoinPool#commonPool()}. The reading thread always works
 * too, so a busy, slow or rejecting executor only costs parallelism, never progress.
 */
public final class QueryEngine {
    /** The built-ins and every library ServiceLoader finds: the engine is the one place that knows the built-ins. */
    private static final FunctionRegistry DEFAULT_FUNCTIONS = FunctionRegistry.withLibraries(new BuiltInFunctions());

    private final KustoDatabase database;
    private final FunctionRegistry functions;
    private final Parallel parallel;

    /** An engine with the default functions, on {@link ForkJoinPool#commonPool()}. */
    public QueryEngine(KustoDatabase database) {
        this(database, DEFAULT_FUNCTIONS, ForkJoinPool.commonPool());
    }

    /** An engine with the default functions whose per-partition work runs on {@code executor}. */
    public QueryEngine(KustoDatabase database, Executor executor) {
        this(database, DEFAULT_FUNCTIONS, executor);
    }

    /** An engine with the functions of {@code functions}, on {@link ForkJoinPool#commonPool()}. */
    public QueryEngine(KustoDatabase database, FunctionRegistry functions) {
        this(database, functions, ForkJoinPool.commonPool());
    }

    /** An engine with the functions of {@code functions} whose per-partition work runs on {@code executor}. */
    public QueryEngine(KustoDatabase database, FunctionRegistry functions, Executor executor) {
        this.database = Objects.requireNonNull(database, "database");
        this.functions = Objects.requireNonNull(functions, "functions");
        this.parallel = new Parallel(Objects.requireNonNull(executor, "executor"));
    }

    /** Every built-in function and every library found by ServiceLoader (shared; {@code register} adds to it). */
    public static FunctionRegistry defaultFunctions() {
        return DEFAULT_FUNCTIONS;
    }

    public QueryResult prepare(String query) {
        return prepare(query, Cancellation.NONE);
    }

    /**
     * Prepares {@code query} so that it stops when {@code cancellation} says so: while it is bound (a
     * {@code toscalar()} runs then) and at every batch its rows pass from operator to operator when read.
     */
    public QueryResult prepare(String query, Cancellation cancellation) {
        PlanExecutor executor = new PlanExecutor(cancellation, parallel);
        return executor.run(plan(query, executor));
    }

    private PlanNode plan(String query, PlanExecutor executor) {
        SourceText source = new SourceText(query);
        return new Binder(database, functions, source, executor::run).bind(QueryParser.parse(source));
    }
}

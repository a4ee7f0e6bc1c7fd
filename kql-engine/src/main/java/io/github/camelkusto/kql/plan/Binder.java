package io.github.camelkusto.kql.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.QueryClock;
import io.github.camelkusto.kql.syntax.KustoSyntaxException;
import io.github.camelkusto.kql.syntax.SourceText;
import io.github.camelkusto.kql.syntax.ast.Query;

/**
 * Semantic analysis: resolves every table, column and function of a parsed query, types every expression with
 * Kusto's promotion rules, names output columns as Kusto does, and produces a {@link PlanNode}. Every error is a
 * {@link KustoSyntaxException} at the offending place, with the valid names when a name is wrong.
 */
public final class Binder {
    final KustoDatabase database;

    final FunctionRegistry functions;

    final SourceText source;

    final Map<String, PlanNode> tabularLets = new HashMap<>();

    final Map<String, BoundExpr> scalarLets = new HashMap<>();

    /** The parameters and lets of the user-defined function being bound: they hide columns of the same name. */
    final Map<String, BoundExpr> locals = new HashMap<>();

    final Map<String, Query.FunctionLet> userFunctions = new HashMap<>();

    /** The source of the mv-apply sub-query being bound, else null. */
    PlanNode applyRows;

    /**
     * Runs a bound sub-plan while binding: {@code toscalar} needs its value as a constant and
     * {@code evaluate bag_unpack} the data's keys to know its columns (the exec package provides it, as plan may
     * not depend on exec).
     */
    final Function<PlanNode, QueryResult> runner;

    final TabularBinder tabular = new TabularBinder(this);
    final ExpressionBinder expressions = new ExpressionBinder(this);
    final AggregateBinder aggregates = new AggregateBinder(this);
    final FunctionBinding calls = new FunctionBinding(this);

    public Binder(KustoDatabase database, FunctionRegistry functions, SourceText source,
            Function<PlanNode, QueryResult> runner) {
        this.database = database;
        this.functions = functions;
        this.source = source;
        this.runner = runner;
    }

    /** The plan of {@code query}, its unread columns marked ({@link ColumnPruning}). */
    public PlanNode bind(Query query) {
        return ColumnPruning.prune(QueryClock.during(() -> bindQuery(query)));
    }

    private PlanNode bindQuery(Query query) {
        query.lets().forEach(this::bindLet);
        return tabular.bindTabular(query.body());
    }

    /** A let statement: a later let of the same name replaces an earlier one of any kind. */
    void bindLet(Query.Let let) {
        tabularLets.remove(let.name());
        scalarLets.remove(let.name());
        userFunctions.remove(let.name());
        if (let instanceof Query.TabularLet t) {
            tabularLets.put(t.name(), tabular.bindTabular(t.value()));
        } else if (let instanceof Query.FunctionLet f) {
            userFunctions.put(f.name(), f);
        } else {
            Query.ScalarLet s = (Query.ScalarLet) let;
            scalarLets.put(s.name(), expressions.bindExpr(s.value(), new Schema(List.of()), false));
        }
    }

    KustoSyntaxException error(String problem, int offset) {
        return new KustoSyntaxException(problem, source, offset);
    }
}

package io.github.camelkusto.kql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import io.github.camelkusto.kql.Suggestions;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.functions.AggregateBinding;
import io.github.camelkusto.kql.functions.AggregateFunction;
import io.github.camelkusto.kql.functions.BindException;
import io.github.camelkusto.kql.syntax.ast.Expr;
import io.github.camelkusto.kql.syntax.ast.NamedExpr;
import io.github.camelkusto.kql.types.KqlType;

/**
 * Aggregate binding: summarize (aggregate calls, by-keys, Kusto's automatic column names) and expressions over
 * aggregates, whose aggregate calls are hoisted into hidden columns and computed by a projection afterwards.
 */
final class AggregateBinder {
    private final Binder binder;

    AggregateBinder(Binder binder) {
        this.binder = binder;
    }

    /** Conversions an aggregate's automatic name looks through: {@code sum(toint(v))} is {@code sum_v}. */
    private static final Set<String> CONVERSIONS = Set.of("tostring", "toint", "tolong", "todouble", "toreal",
            "todecimal", "tobool", "toboolean", "todatetime", "todate", "totimespan", "toguid", "todynamic", "toobject");

    /** The name an aggregate takes from its argument: a column, or a column inside a conversion call. */
    private static String aggregateArgumentName(Expr e) {
        if (e instanceof Expr.Call c && c.args().size() == 1 && CONVERSIONS.contains(c.name())) {
            return aggregateArgumentName(c.args().get(0));
        }
        return ExpressionBinder.derivedName(e);
    }

    /** A by-key's name: also through calls (bin(t, 1h) is t, tostring(tag) is tag). */
    private static String keyName(Expr e) {
        String direct = ExpressionBinder.derivedName(e);
        if (direct != null) {
            return direct;
        }
        if (e instanceof Expr.Call c && !c.args().isEmpty()) {
            return keyName(c.args().get(0));
        }
        return null;
    }

    /**
     * summarize: an item that is an expression over aggregates ({@code x = sum(a) * 2},
     * {@code (max(t) - min(t)) / 1h}) has each aggregate computed as a hidden column, and a projection over the
     * aggregated rows computes the expression.
     */
    PlanNode summarize(PlanNode input, List<NamedExpr> aggregates, List<NamedExpr> by, int offset) {
        List<NamedExpr> flat = new ArrayList<>();
        List<Expr> computed = new ArrayList<>();
        List<Integer> flatIndex = new ArrayList<>();
        for (NamedExpr a : aggregates) {
            if (isAggregateCall(a.expr())) {
                flatIndex.add(flat.size());
                flat.add(a);
                computed.add(null);
                continue;
            }
            int before = flat.size();
            Expr rewritten = hoistAggregates(a.expr(), flat);
            if (flat.size() == before) {
                String hint = a.expr() instanceof Expr.Call c && binder.functions.scalar(c.name()).isEmpty()
                        ? Suggestions.didYouMean(c.name(), binder.functions.names()) : "";
                throw binder.error("summarize expects an aggregation function call such as count(), sum(x), arg_max(x, *),"
                        + " or an expression over them" + hint, a.expr().offset());
            }
            flatIndex.add(-1);
            computed.add(rewritten);
        }
        List<int[]> spans = new ArrayList<>();
        PlanNode.Aggregate aggregate = summarizeCalls(input, flat, by, spans);
        if (computed.stream().allMatch(Objects::isNull)) {
            return aggregate;
        }
        Schema aggSchema = aggregate.schema();
        NameAllocator names = new NameAllocator();
        aggSchema.names().stream().filter(n -> !n.startsWith(HIDDEN)).forEach(names::reserve);
        aggregates.stream().filter(a -> a.name() != null).forEach(a -> names.reserve(a.name()));
        List<BoundExpr> exprs = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (int k = 0; k < by.size(); k++) {
            Column c = aggSchema.column(k);
            exprs.add(new BoundExpr.ColumnRef(k, c.name(), c.type()));
            columns.add(c);
        }
        for (int i = 0; i < aggregates.size(); i++) {
            if (computed.get(i) == null) {
                int[] span = spans.get(flatIndex.get(i));
                for (int c = span[0]; c < span[1]; c++) {
                    Column col = aggSchema.column(c);
                    exprs.add(new BoundExpr.ColumnRef(c, col.name(), col.type()));
                    columns.add(col);
                }
            } else {
                BoundExpr e = binder.expressions.bindExpr(computed.get(i), aggSchema, false);
                String name = aggregates.get(i).name() != null ? aggregates.get(i).name() : names.nextColumn();
                exprs.add(e);
                columns.add(new Column(name, e.type()));
            }
        }
        return new PlanNode.Project(aggregate, exprs, new Schema(columns));
    }

    private static final String HIDDEN = "__aggregate_";

    private boolean isAggregateCall(Expr e) {
        return e instanceof Expr.Call call && binder.functions.aggregate(call.name()).isPresent();
    }

    /** {@code e} with each aggregate call replaced by a reference to a hidden column added to {@code flat}. */
    private Expr hoistAggregates(Expr e, List<NamedExpr> flat) {
        if (isAggregateCall(e)) {
            String name = HIDDEN + flat.size();
            flat.add(new NamedExpr(name, e, e.offset()));
            return new Expr.NameRef(name, e.offset());
        }
        return e.mapChildren(child -> hoistAggregates(child, flat));
    }

    /** summarize of aggregate calls only; {@code spans} gets each call's output columns [from, to). */
    PlanNode.Aggregate summarizeCalls(PlanNode input, List<NamedExpr> aggregates, List<NamedExpr> by,
                                              List<int[]> spans) {
        Schema schema = input.schema();
        NameAllocator names = new NameAllocator();
        List<BoundExpr> keys = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        aggregates.stream().filter(a -> a.name() != null).forEach(a -> names.reserve(a.name()));
        for (NamedExpr k : by) {
            BoundExpr e = binder.expressions.bindExpr(k.expr(), schema, false);
            if (e.type() == KqlType.DYNAMIC) {
                throw binder.error("cannot group by a dynamic value; convert it first (tostring, tolong...)",
                        k.expr().offset());
            }
            String name = k.name() != null ? k.name() : keyName(k.expr());
            name = name == null ? names.nextColumn() : names.unique(name);
            keys.add(e);
            columns.add(new Column(name, e.type()));
        }
        List<PlanNode.BoundAggregate> bound = new ArrayList<>();
        for (NamedExpr a : aggregates) {
            if (!(a.expr() instanceof Expr.Call call) || binder.functions.aggregate(call.name()).isEmpty()) {
                String hint = a.expr() instanceof Expr.Call c && binder.functions.scalar(c.name()).isEmpty()
                        ? Suggestions.didYouMean(c.name(), binder.functions.names()) : "";
                throw binder.error("summarize expects an aggregation function call such as count(), sum(x), arg_max(x, *)"
                        + hint + " (expressions over aggregates are not supported by the embedded engine yet)",
                        a.expr().offset());
            }
            AggregateFunction function = binder.functions.aggregate(call.name()).orElseThrow();
            List<BoundExpr> args = new ArrayList<>();
            List<String> argNames = new ArrayList<>();
            for (Expr arg : call.args()) {
                if (arg instanceof Expr.Star star) {
                    if (!function.acceptsStar()) {
                        throw binder.error(call.name() + " does not take '*'", star.offset());
                    }
                    for (int c = 0; c < schema.size(); c++) {
                        String n = schema.column(c).name();
                        boolean isKey = columns.stream().anyMatch(col -> col.name().equals(n));
                        if (!isKey && !argNames.contains(n)) {
                            args.add(new BoundExpr.ColumnRef(c, n, schema.column(c).type()));
                            argNames.add(n);
                        }
                    }
                } else {
                    args.add(binder.expressions.bindExpr(arg, schema, false));
                    argNames.add(aggregateArgumentName(arg));
                }
            }
            AggregateBinding binding;
            try {
                binding = function.bind(args.stream().map(ExpressionBinder::argument).toList());
            } catch (BindException e) {
                throw binder.error(e.getMessage(), call.offset());
            }
            args = ExpressionBinder.convert(args, binding.argumentTypes());
            List<String> outNames = a.name() != null && binding.outputTypes().size() == 1 ? List.of(a.name())
                    : function.outputNames(argNames, call.args().size() == args.size()
                            ? args.stream().map(ExpressionBinder::argument).toList() : List.of());
            spans.add(new int[] {columns.size(), columns.size() + binding.outputTypes().size()});
            for (int i = 0; i < binding.outputTypes().size(); i++) {
                String n = a.name() != null && i == 0 ? a.name() : names.unique(outNames.get(i));
                if (a.name() != null && i == 0 && columns.stream().anyMatch(col -> col.name().equals(a.name()))) {
                    throw binder.error("column '" + a.name() + "' is defined twice", a.offset());
                }
                columns.add(new Column(n, binding.outputTypes().get(i)));
            }
            bound.add(new PlanNode.BoundAggregate(call.name(), binding, args));
        }
        return new PlanNode.Aggregate(input, keys, bound, new Schema(columns));
    }
}

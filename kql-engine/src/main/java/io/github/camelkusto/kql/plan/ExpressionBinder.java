package io.github.camelkusto.kql.plan;

import java.util.ArrayList;
import java.util.List;
import io.github.camelkusto.kql.Suggestions;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.functions.Argument;
import io.github.camelkusto.kql.functions.BindException;
import io.github.camelkusto.kql.functions.EvalContext;
import io.github.camelkusto.kql.functions.ScalarBinding;
import io.github.camelkusto.kql.functions.ScalarFunction;
import io.github.camelkusto.kql.functions.SerialFunction;
import io.github.camelkusto.kql.syntax.KustoSyntaxException;
import io.github.camelkusto.kql.syntax.ast.Expr;
import io.github.camelkusto.kql.types.KqlType;

/**
 * Expression binding: resolves the names and functions of a scalar expression against a schema, types it with
 * Kusto's promotion rules (widening arguments to the chosen signature) and folds calls of constants once.
 */
final class ExpressionBinder {
    private final Binder binder;

    ExpressionBinder(Binder binder) {
        this.binder = binder;
    }

    /**
     * Kusto's name for an unnamed expression: a column keeps its name, {@code d.a} becomes {@code d_a}, a call
     * whose first argument has a name takes it ({@code bin(t, 1h)} is {@code t}); anything else has none.
     */
    static String derivedName(Expr e) {
        if (e instanceof Expr.NameRef n) {
            return n.name();
        }
        if (e instanceof Expr.Member m) {
            String target = derivedName(m.target());
            return target == null ? null : target + "_" + m.name();
        }
        if (e instanceof Expr.Index i && i.index() instanceof Expr.Literal l && l.value() instanceof String s) {
            String target = derivedName(i.target());
            return target == null ? null : target + "_" + s;
        }
        return null;
    }

    /** The value of a constant expression (range bounds, take counts). */
    Object constant(Expr e, Schema schema, String what) {
        BoundExpr bound = bindExpr(e, schema, false);
        if (!(bound instanceof BoundExpr.Constant c)) {
            throw binder.error(what + " must be a constant", e.offset());
        }
        return c.value();
    }

    static Argument argument(BoundExpr e) {
        return e instanceof BoundExpr.Constant c ? new Argument(c.type(), true, c.value()) : Argument.of(e.type());
    }

    BoundExpr bindExpr(Expr e, Schema schema, boolean serialized) {
        if (e instanceof Expr.Literal l) {
            return new BoundExpr.Constant(l.type(), l.value());
        }
        if (e instanceof Expr.NameRef n) {
            return resolveName(n, schema);
        }
        if (e instanceof Expr.SideRef s) {
            throw binder.error("$left/$right may only be used in join conditions", s.offset());
        }
        if (e instanceof Expr.Star s) {
            throw binder.error("'*' is not valid here", s.offset());
        }
        if (e instanceof Expr.TupleNames t) {
            throw binder.error("names (" + String.join(", ", t.names()) + ") = ... are for functions that give"
                    + " several columns (series_stats, series_fit_line, series_decompose, series_decompose_anomalies)",
                    t.offset());
        }
        if (e instanceof Expr.NamedArgument a) {
            throw binder.error("a named argument (" + a.name() + " = ...) is valid only in a call of a plugin or of a"
                    + " user-defined function", a.offset());
        }
        if (e instanceof Expr.Call c) {
            var function = binder.userFunctions.get(c.name());
            if (function != null) {
                return binder.calls.scalarCall(function, c.args(), schema, serialized, c.offset());
            }
            if (binder.functions.isOperator(c.name())) {
                throw binder.error("'" + c.name() + "' is an operator, not a function: write a " + c.name() + " b",
                        c.offset());
            }
            if (binder.functions.aggregate(c.name()).isPresent() && binder.functions.scalar(c.name()).isEmpty()) {
                throw binder.error("the aggregation function " + c.name() + "() may only be used in summarize",
                        c.offset());
            }
            List<BoundExpr> args = new ArrayList<>();
            for (Expr a : c.args()) {
                args.add(bindExpr(a, schema, serialized));
            }
            return call(c.name(), args, c.offset(), serialized);
        }
        if (e instanceof Expr.Binary b && b.left() instanceof Expr.Star && !b.op().equals("and")
                && !b.op().equals("or")) {
            return bindExpr(SearchTerms.anyColumn(schema, b.op(), b.right(), b.offset()), schema, serialized);
        }
        if (e instanceof Expr.Binary b) {
            return call(b.op(), List.of(bindExpr(b.left(), schema, serialized),
                    bindExpr(b.right(), schema, serialized)), b.offset(), serialized);
        }
        if (e instanceof Expr.Unary u) {
            BoundExpr operand = bindExpr(u.operand(), schema, serialized);
            return u.op().equals("+") ? operand : call("negate", List.of(operand), u.offset(), serialized);
        }
        if (e instanceof Expr.ListOp l) {
            List<BoundExpr> args = new ArrayList<>();
            args.add(bindExpr(l.left(), schema, serialized));
            for (Expr item : l.items()) {
                args.add(bindExpr(item, schema, serialized));
            }
            return call(l.op(), args, l.offset(), serialized);
        }
        if (e instanceof Expr.Between b) {
            int at = b.offset();
            Expr low = b.negated() ? new Expr.Binary("<", b.value(), b.low(), at)
                    : new Expr.Binary(">=", b.value(), b.low(), at);
            Expr high = b.negated() ? new Expr.Binary(">", b.value(), b.high(), at)
                    : new Expr.Binary("<=", b.value(), b.high(), at);
            return bindExpr(new Expr.Binary(b.negated() ? "or" : "and", low, high, at), schema, serialized);
        }
        if (e instanceof Expr.Member m) {
            return call(".", List.of(bindExpr(m.target(), schema, serialized),
                    new BoundExpr.Constant(KqlType.STRING, m.name())), m.offset(), serialized);
        }
        if (e instanceof Expr.ToScalar t) {
            return toScalar(t);
        }
        Expr.Index i = (Expr.Index) e;
        return call("[]", List.of(bindExpr(i.target(), schema, serialized),
                bindExpr(i.index(), schema, serialized)), i.offset(), serialized);
    }

    /** toscalar(query): the query runs now; its first column of its first row is a constant (null when empty). */
    private BoundExpr toScalar(Expr.ToScalar t) {
        PlanNode plan = binder.tabular.bindTabular(t.query());
        if (plan.schema().size() == 0) {
            throw binder.error("toscalar expects a query with at least one column", t.offset());
        }
        KqlType type = plan.schema().column(0).type();
        Object value = firstValue(binder.runner.apply(plan));
        return new BoundExpr.Constant(type, value == null && type == KqlType.STRING ? "" : value);
    }

    private static Object firstValue(QueryResult result) {
        for (Partition p : result.partitions()) {
            try (BatchStream stream = p.open()) {
                for (Batch b = stream.next(); b != null; b = stream.next()) {
                    if (b.rowCount() > 0) {
                        return b.value(0, 0);
                    }
                }
            }
        }
        return null;
    }

    private BoundExpr resolveName(Expr.NameRef n, Schema schema) {
        BoundExpr local = binder.locals.get(n.name());
        if (local != null) {
            return local;
        }
        var index = schema.indexOf(n.name());
        if (index.isPresent()) {
            Column c = schema.column(index.get());
            return new BoundExpr.ColumnRef(index.get(), c.name(), c.type());
        }
        BoundExpr let = binder.scalarLets.get(n.name());
        if (let != null) {
            return let;
        }
        var function = binder.userFunctions.get(n.name());
        if (function != null && !function.tabular()) {
            return binder.calls.scalarCall(function, List.of(), schema, false, n.offset()); // called by name
        }
        throw unknownColumn(n.name(), n.offset(), schema);
    }

    KustoSyntaxException unknownColumn(String name, int offset, Schema schema) {
        List<String> candidates = new ArrayList<>(schema.names());
        candidates.addAll(binder.scalarLets.keySet());
        return binder.error("unknown column '" + name + "'" + Suggestions.didYouMean(name, candidates) + " (columns: "
                + (schema.size() == 0 ? "none" : String.join(", ", schema.names())) + ")", offset);
    }

    int columnIndex(String name, Schema schema, int offset) {
        return schema.indexOf(name).orElseThrow(() -> unknownColumn(name, offset, schema));
    }

    BoundExpr call(String name, List<BoundExpr> args, int offset, boolean serialized) {
        ScalarFunction function = binder.functions.scalar(name).orElseThrow(() -> binder.error("unknown function '"
                + name + "'"
                + Suggestions.didYouMean(name, binder.functions.names()), offset));
        if (function instanceof SerialFunction && !serialized) {
            throw binder.error(name + "() needs serialized rows: put serialize, sort or top before it", offset);
        }
        ScalarBinding binding;
        try {
            binding = function.bind(args.stream().map(ExpressionBinder::argument).toList());
        } catch (BindException e) {
            throw binder.error(e.getMessage(), offset);
        }
        List<BoundExpr> converted = convert(args, binding.argumentTypes());
        BoundExpr.Call call = new BoundExpr.Call(name, binding.kernel(), converted, binding.type(),
                binding.deterministic());
        if (binding.deterministic() && converted.stream().allMatch(a -> a instanceof BoundExpr.Constant)) {
            return fold(call);
        }
        return call;
    }

    static List<BoundExpr> convert(List<BoundExpr> args, List<KqlType> types) {
        if (types == null) {
            return args;
        }
        List<BoundExpr> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            BoundExpr a = args.get(i);
            KqlType t = i < types.size() ? types.get(i) : a.type();
            if (a.type() == t) {
                out.add(a);
            } else if (a instanceof BoundExpr.Constant c) {
                out.add(foldWiden(c, t));
            } else {
                out.add(new BoundExpr.Widen(a, t));
            }
        }
        return out;
    }

    private static BoundExpr foldWiden(BoundExpr.Constant c, KqlType t) {
        return fold(new BoundExpr.Widen(c, t));
    }

    /** Evaluates a call of constants once, at bind time. */
    private static BoundExpr fold(BoundExpr e) {
        Batch one = new Batch(new Schema(List.of()), new Vector[0], 1);
        Vector v = e.evaluate(one, new EvalContext(1, 0));
        return new BoundExpr.Constant(e.type(), v.box(0));
    }
}

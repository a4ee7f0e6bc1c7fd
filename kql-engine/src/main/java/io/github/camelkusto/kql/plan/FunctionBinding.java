package io.github.camelkusto.kql.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.functions.Conversions;
import io.github.camelkusto.kql.syntax.ast.Expr;
import io.github.camelkusto.kql.syntax.ast.Query;
import io.github.camelkusto.kql.syntax.ast.TabularExpression;
import io.github.camelkusto.kql.types.KqlType;

/**
 * Calls of user-defined functions ({@code let f = (x:long, T:(a:long)) {...}}), bound by inlining: each call binds
 * the body again with its parameters in scope, a scalar one as the bound argument (or its default), a tabular one
 * as the argument's plan. Arguments go by position, or by name ({@code f(y = 2)}). A tabular parameter with
 * columns requires the argument to have each of them with its type; {@code (*)} takes any table.
 */
final class FunctionBinding {
    /** Deeper calls than this are a function calling itself, which Kusto refuses too. */
    private static final int MAX_DEPTH = 64;

    private final Binder binder;
    private int depth;

    /** The locals a function defined inside another function's body sees: its definer's, when it was defined. */
    private final Map<Query.FunctionLet, Map<String, BoundExpr>> closures = new java.util.IdentityHashMap<>();

    FunctionBinding(Binder binder) {
        this.binder = binder;
    }

    /** The bound body of scalar function {@code f} called with {@code args} on rows of {@code schema}. */
    BoundExpr scalarCall(Query.FunctionLet f, List<Expr> args, Schema schema, boolean serialized, int offset) {
        if (f.tabular()) {
            throw binder.error("'" + f.name() + "' is a tabular function: call it where a table is expected, not in"
                    + " an expression", offset);
        }
        List<Object> given = new ArrayList<>(args);
        return inScope(f, given, schema, serialized, offset,
                () -> binder.expressions.bindExpr((Expr) f.body(), schema, serialized));
    }

    /** The plan of tabular function {@code f} called with {@code args} (tables or scalars). */
    PlanNode tabularCall(Query.FunctionLet f, List<Object> args, int offset) {
        if (!f.tabular()) {
            throw binder.error("'" + f.name() + "' is a scalar function: it cannot be used as a table", offset);
        }
        Schema none = new Schema(List.of());
        return inScope(f, args, none, false, offset, () -> binder.tabular.bindTabular((TabularExpression) f.body()));
    }

    private <T> T inScope(Query.FunctionLet f, List<Object> args, Schema schema, boolean serialized, int offset,
            java.util.function.Supplier<T> body) {
        if (depth >= MAX_DEPTH) {
            throw binder.error("function '" + f.name() + "' calls itself: recursion is not allowed", offset);
        }
        Map<String, Object> bound = arguments(f, args, schema, serialized, offset);
        Map<String, PlanNode> savedTables = new HashMap<>(binder.tabularLets);
        Map<String, BoundExpr> savedLocals = new HashMap<>(binder.locals);
        Map<String, Query.FunctionLet> savedFunctions = new HashMap<>(binder.userFunctions);
        depth++;
        try {
            binder.locals.clear(); // a body sees its parameters, its definer's locals and the query's lets
            binder.locals.putAll(closures.getOrDefault(f, Map.of()));
            bound.forEach((name, value) -> {
                if (value instanceof PlanNode plan) {
                    binder.tabularLets.put(name, plan);
                } else {
                    binder.locals.put(name, (BoundExpr) value);
                    binder.tabularLets.remove(name);
                }
            });
            for (Query.Let let : f.bodyLets()) {
                if (let instanceof Query.ScalarLet s) {
                    binder.locals.put(s.name(), binder.expressions.bindExpr(s.value(), schema, serialized));
                    binder.tabularLets.remove(s.name());
                } else {
                    binder.bindLet(let);
                    if (let instanceof Query.FunctionLet inner) {
                        closures.put(inner, new HashMap<>(binder.locals));
                    }
                }
            }
            return body.get();
        } finally {
            depth--;
            binder.tabularLets.clear();
            binder.tabularLets.putAll(savedTables);
            binder.locals.clear();
            binder.locals.putAll(savedLocals);
            binder.userFunctions.clear();
            binder.userFunctions.putAll(savedFunctions);
        }
    }

    /** Each parameter's value: a {@link BoundExpr} for a scalar, a {@link PlanNode} for a table. */
    private Map<String, Object> arguments(Query.FunctionLet f, List<Object> args, Schema schema, boolean serialized,
            int offset) {
        List<Query.Parameter> params = f.parameters();
        Map<String, Object> given = new HashMap<>();
        int position = 0;
        for (Object arg : args) {
            if (arg instanceof Expr.NamedArgument named) {
                if (params.stream().noneMatch(p -> p.name().equals(named.name()))) {
                    throw binder.error("function '" + f.name() + "' has no parameter '" + named.name() + "'",
                            named.offset());
                }
                given.put(named.name(), named.value());
                continue;
            }
            if (position >= params.size()) {
                throw binder.error("function '" + f.name() + "' takes " + params.size() + " argument(s), not "
                        + args.size(), offset);
            }
            given.put(params.get(position++).name(), arg);
        }
        Map<String, Object> out = new HashMap<>();
        for (Query.Parameter p : params) {
            Object arg = given.get(p.name());
            if (p.tabular()) {
                if (arg == null) {
                    throw binder.error("function '" + f.name() + "' needs a table for parameter '" + p.name() + "'",
                            offset);
                }
                out.put(p.name(), table(f, p, arg));
                continue;
            }
            if (arg == null && p.defaultValue() == null) {
                throw binder.error("function '" + f.name() + "' needs a value for parameter '" + p.name() + "'",
                        offset);
            }
            if (arg instanceof TabularExpression t) {
                throw binder.error("function '" + f.name() + "': parameter '" + p.name() + "' is a "
                        + p.type().kustoName() + ", not a table", t.offset());
            }
            BoundExpr value = arg == null ? binder.expressions.bindExpr(p.defaultValue(), new Schema(List.of()), false)
                    : binder.expressions.bindExpr((Expr) arg, schema, serialized);
            if (value.type() == KqlType.LONG && p.type() == KqlType.INT && value instanceof BoundExpr.Constant c
                    && c.value() instanceof Long l && l == l.intValue()) {
                value = new BoundExpr.Constant(KqlType.INT, l.intValue()); // a literal fits an int parameter
            }
            if (value.type() != p.type()) {
                if (Conversions.wideningCost(value.type(), p.type()) == Integer.MAX_VALUE
                        && !(value instanceof BoundExpr.Constant c && c.value() == null)) {
                    throw binder.error("function '" + f.name() + "': parameter '" + p.name() + "' is a "
                            + p.type().kustoName() + ", not a " + value.type().kustoName(),
                            arg instanceof Expr e ? e.offset() : offset);
                }
                value = value instanceof BoundExpr.Constant c && c.value() == null
                        ? new BoundExpr.Constant(p.type(), p.type() == KqlType.STRING ? "" : null)
                        : ExpressionBinder.convert(List.of(value), List.of(p.type())).get(0);
            }
            out.put(p.name(), value);
        }
        return out;
    }

    private PlanNode table(Query.FunctionLet f, Query.Parameter p, Object arg) {
        PlanNode plan;
        if (arg instanceof TabularExpression t) {
            plan = binder.tabular.bindTabular(t);
        } else if (arg instanceof Expr.NameRef name) {
            plan = binder.tabular.bindTabular(new TabularExpression.TableReference(name.name(), name.offset()));
        } else {
            throw binder.error("function '" + f.name() + "': parameter '" + p.name() + "' is a table",
                    ((Expr) arg).offset());
        }
        for (Column c : p.columns()) {
            var index = plan.schema().indexOf(c.name());
            if (index.isEmpty() || plan.schema().column(index.get()).type() != c.type()) {
                throw binder.error("function '" + f.name() + "': the table for parameter '" + p.name()
                        + "' must have a column " + c.name() + ":" + c.type().kustoName() + " (it has "
                        + plan.schema() + ")", arg instanceof TabularExpression t ? t.offset() : ((Expr) arg).offset());
            }
        }
        return plan;
    }
}

package io.github.camelkusto.kql.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelkusto.kql.catalog.PartitionFilter;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.syntax.QueryParser;
import io.github.camelkusto.kql.syntax.SourceText;
import io.github.camelkusto.kql.syntax.ast.Expr;

/**
 * Partition pruning for {@code external_table('T') | where ...}: the conditions of the {@code where}s right after
 * the table that bound one column by constants ({@code ==}, {@code in}, {@code <}, {@code <=}, {@code >},
 * {@code >=}, {@code between}, joined by {@code and}) tell which partition values a matching row can have. A
 * partition expression is evaluated with the engine's own functions on those constants: {@code hash(Id, 8)} on
 * each value of {@code Id in (...)}; a monotone one ({@code bin}, {@code floor}, {@code startof*}, the column
 * itself) on a range's ends. Anything else keeps the partition: pruning only skips what cannot match, and the
 * {@code where} still runs on what is read.
 */
final class PartitionPruning implements PartitionFilter {
    /** Functions whose value never decreases as their first argument grows (the others being constants). */
    private static final Set<String> MONOTONE = Set.of("bin", "floor", "bin_at", "startofday", "startofweek",
            "startofmonth", "startofyear");
    private static final Schema NO_COLUMNS = new Schema(List.of());

    /** One necessary condition on a column: its value is one of {@code values}, or at least/most a bound. */
    private record Condition(String column, List<BoundExpr.Constant> values, BoundExpr.Constant lower,
            BoundExpr.Constant upper) {
    }

    private final ExpressionBinder expressions;
    private final List<Condition> conditions = new ArrayList<>();
    private final Map<String, Expr> parsed = new ConcurrentHashMap<>();

    PartitionPruning(ExpressionBinder expressions, List<Expr> predicates) {
        this.expressions = expressions;
        predicates.forEach(this::collect);
    }

    boolean prunes() {
        return !conditions.isEmpty();
    }

    private void collect(Expr e) {
        if (e instanceof Expr.Binary b && b.op().equals("and")) {
            collect(b.left());
            collect(b.right());
        } else if (e instanceof Expr.Binary b && Set.of("==", "<", "<=", ">", ">=").contains(b.op())) {
            boolean columnLeft = b.left() instanceof Expr.NameRef;
            Expr column = columnLeft ? b.left() : b.right();
            BoundExpr.Constant value = constant(columnLeft ? b.right() : b.left());
            if (!(column instanceof Expr.NameRef name) || value == null) {
                return;
            }
            String op = columnLeft ? b.op() : mirror(b.op());
            if (op.equals("==")) {
                conditions.add(new Condition(name.name(), List.of(value), null, null));
            } else if (op.startsWith(">")) {
                conditions.add(new Condition(name.name(), null, op.equals(">") ? step(value, 1) : value, null));
            } else {
                conditions.add(new Condition(name.name(), null, null, op.equals("<") ? step(value, -1) : value));
            }
        } else if (e instanceof Expr.ListOp list && list.op().equals("in") && list.left() instanceof Expr.NameRef n) {
            List<BoundExpr.Constant> values = new ArrayList<>();
            for (Expr item : list.items()) {
                BoundExpr.Constant value = constant(item);
                if (value == null) {
                    return;
                }
                values.add(value);
            }
            conditions.add(new Condition(n.name(), values, null, null));
        } else if (e instanceof Expr.Between between && !between.negated()
                && between.value() instanceof Expr.NameRef n) {
            BoundExpr.Constant low = constant(between.low());
            BoundExpr.Constant high = constant(between.high());
            if (low != null && high != null) {
                conditions.add(new Condition(n.name(), null, low, high));
            }
        }
    }

    /**
     * The next value after (or before) a strict bound, for values that have one: a datetime's next tick (100 ns), a
     * long's next number. {@code Timestamp < datetime(2024-03-04)} then keeps no day of March 4th.
     */
    private static BoundExpr.Constant step(BoundExpr.Constant bound, int direction) {
        if (bound.value() instanceof Instant instant) {
            return new BoundExpr.Constant(bound.type(), instant.plusNanos(100L * direction));
        }
        if (bound.value() instanceof Long number) {
            return new BoundExpr.Constant(bound.type(), number + direction);
        }
        return bound;
    }

    private static String mirror(String op) {
        return switch (op) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> op;
        };
    }

    /** The value of a constant expression (a literal, a let, {@code ago(1d)} ...), else null. */
    private BoundExpr.Constant constant(Expr e) {
        try {
            return expressions.bindExpr(e, NO_COLUMNS, false) instanceof BoundExpr.Constant c && c.value() != null
                    ? c : null;
        } catch (RuntimeException notConstant) { // a column, or anything the binder refuses: no condition
            return null;
        }
    }

    @Override
    public boolean mayMatch(String expression, Object low, Object high) {
        if (low == null || high == null) {
            return true;
        }
        Expr partition = parsed.computeIfAbsent(expression, text -> QueryParser.parseExpression(new SourceText(text)));
        Set<String> columns = new HashSet<>();
        PluginBinding.collectNames(partition, columns);
        if (columns.size() != 1) {
            return true;
        }
        String column = columns.iterator().next();
        for (Condition c : conditions) {
            if (c.column().equals(column) && !mayMatch(c, partition, low, high)) {
                return false;
            }
        }
        return true;
    }

    private boolean mayMatch(Condition c, Expr partition, Object low, Object high) {
        if (c.values() != null) {
            for (BoundExpr.Constant value : c.values()) {
                Object v = evaluate(partition, c.column(), value);
                Boolean within = v == null ? null : within(v, low, high);
                if (within == null || within) {
                    return true;
                }
            }
            return false;
        }
        if (!monotone(partition, c.column())) {
            return true;
        }
        Object fromLower = c.lower() == null ? null : evaluate(partition, c.column(), c.lower());
        Object fromUpper = c.upper() == null ? null : evaluate(partition, c.column(), c.upper());
        Integer aboveAll = fromLower == null ? null : compare(fromLower, high);
        Integer belowAll = fromUpper == null ? null : compare(fromUpper, low);
        return !(aboveAll != null && aboveAll > 0 || belowAll != null && belowAll < 0);
    }

    /** The partition expression's value for a row whose {@code column} is {@code value}, or null. */
    private Object evaluate(Expr partition, String column, BoundExpr.Constant value) {
        BoundExpr.Constant result = constant(substitute(partition, column, value));
        return result == null ? null : result.value();
    }

    private static Expr substitute(Expr e, String column, BoundExpr.Constant value) {
        if (e instanceof Expr.NameRef n && n.name().equals(column)) {
            return new Expr.Literal(value.type(), value.value(), n.offset());
        }
        return e.mapChildren(child -> substitute(child, column, value));
    }

    private static boolean monotone(Expr partition, String column) {
        if (partition instanceof Expr.NameRef) {
            return true;
        }
        return partition instanceof Expr.Call call && MONOTONE.contains(call.name()) && !call.args().isEmpty()
                && call.args().get(0) instanceof Expr.NameRef n && n.name().equals(column);
    }

    /** Whether {@code low <= v <= high}; null when the values do not compare. */
    private static Boolean within(Object v, Object low, Object high) {
        if (v instanceof String && low.equals(high)) {
            return v.equals(low);
        }
        Integer fromLow = compare(v, low);
        Integer toHigh = compare(v, high);
        return fromLow == null || toHigh == null ? null : fromLow >= 0 && toHigh <= 0;
    }

    /** Orders two values of one kind (numbers, datetimes; strings only as equal or not), else null. */
    private static Integer compare(Object a, Object b) {
        if (a instanceof Instant x && b instanceof Instant y) {
            return x.compareTo(y);
        }
        if (a instanceof Long x && b instanceof Long y) {
            return x.compareTo(y);
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return x.equals(y) ? 0 : null;
        }
        return null;
    }
}

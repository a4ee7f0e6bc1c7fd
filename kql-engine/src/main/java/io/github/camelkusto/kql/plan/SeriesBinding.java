package io.github.camelkusto.kql.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.syntax.ast.Expr;
import io.github.camelkusto.kql.syntax.ast.NamedExpr;
import io.github.camelkusto.kql.syntax.ast.TabularOperator;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.Ticks;

/**
 * Binds make-series and top-nested as aggregates (summarize's machinery, so every aggregation function works and
 * is named as summarize names it) plus a node that shapes the aggregated rows.
 */
final class SeriesBinding {
    private static final String AXIS_BIN = "__series_bin";

    private SeriesBinding() {
    }

    /**
     * make-series: rows with the axis in [from, to) are aggregated by the keys and {@code bin_at(axis, step, from)}
     * ({@code bin(axis, step)} without from); each aggregate becomes a dynamic array over the bins and the axis
     * column the array of bin starts. Without from (to), the series starts at the first bin (ends after the last
     * bin) of the data.
     */
    static PlanNode makeSeries(Binder binder, PlanNode input, TabularOperator.MakeSeries op) {
        Schema schema = input.schema();
        BoundExpr axis = binder.expressions.bindExpr(op.axis(), schema, false);
        KqlType type = axis.type();
        if (type != KqlType.DATETIME && type != KqlType.TIMESPAN && type != KqlType.LONG && type != KqlType.INT
                && type != KqlType.REAL) {
            throw binder.error("make-series expects a datetime, timespan or numeric axis, not " + type.kustoName(),
                    op.axis().offset());
        }
        String axisName = ExpressionBinder.derivedName(op.axis());
        if (axisName == null) {
            throw binder.error("make-series expects a column as its axis ('on' column)", op.axis().offset());
        }
        Number step = axisNumber(binder.expressions.constant(op.step(), schema, "make-series step"), type, binder, op.step());
        if (step.doubleValue() <= 0) {
            throw binder.error("make-series step must be positive", op.step().offset());
        }
        Number from = op.from() == null ? null
                : axisNumber(binder.expressions.constant(op.from(), schema, "make-series from"), type, binder, op.from());
        Number to = op.to() == null ? null
                : axisNumber(binder.expressions.constant(op.to(), schema, "make-series to"), type, binder, op.to());
        int at = op.offset();
        Expr inRange = null;
        if (op.from() != null) {
            inRange = new Expr.Binary(">=", op.axis(), op.from(), at);
        }
        if (op.to() != null) {
            Expr below = new Expr.Binary("<", op.axis(), op.to(), at);
            inRange = inRange == null ? below : new Expr.Binary("and", inRange, below, at);
        }
        PlanNode filtered = input;
        if (inRange != null) {
            filtered = new PlanNode.Filter(input, binder.expressions.bindExpr(inRange, schema, false));
        }
        Expr bin = op.from() == null ? new Expr.Call("bin", List.of(op.axis(), op.step()), at)
                : new Expr.Call("bin_at", List.of(op.axis(), op.step(), op.from()), at);
        List<NamedExpr> by = new ArrayList<>(op.by());
        by.add(new NamedExpr(AXIS_BIN, bin, at));
        List<NamedExpr> aggregates = op.aggregates().stream().map(a -> constantPerBin(a.aggregate())).toList();
        List<int[]> spans = new ArrayList<>();
        PlanNode.Aggregate aggregate = binder.aggregates.summarizeCalls(filtered, aggregates, by, spans);
        Schema aggSchema = aggregate.schema();
        List<Column> columns = new ArrayList<>();
        int keyCount = op.by().size();
        for (int k = 0; k < keyCount; k++) {
            columns.add(aggSchema.column(k));
        }
        List<Object> defaults = new ArrayList<>();
        for (int c = keyCount + 1; c < aggSchema.size(); c++) {
            Column column = aggSchema.column(c);
            columns.add(new Column(column.name(), KqlType.DYNAMIC));
            defaults.add(defaultValue(binder, op, spans, c, column.type(), schema));
        }
        if (columns.stream().anyMatch(c -> c.name().equals(axisName))) {
            throw binder.error("make-series: column '" + axisName + "' is defined twice", op.axis().offset());
        }
        columns.add(new Column(axisName, KqlType.DYNAMIC));
        return new PlanNode.MakeSeries(aggregate, keyCount, defaults, type, from, to, step, op.nonempty(),
                new Schema(columns));
    }

    /**
     * A constant in place of an aggregate ({@code other=-1}, as the make-series page shows) is that constant in
     * each bin with rows, and the default in the others: take_any of it.
     */
    private static NamedExpr constantPerBin(NamedExpr aggregate) {
        Expr e = aggregate.expr();
        boolean constant = e instanceof Expr.Literal
                || e instanceof Expr.Unary u && u.operand() instanceof Expr.Literal;
        return !constant ? aggregate
                : new NamedExpr(aggregate.name(), new Expr.Call("take_any", List.of(e), e.offset()), aggregate.offset());
    }

    private static Object defaultValue(Binder binder, TabularOperator.MakeSeries op, List<int[]> spans, int column,
                                       KqlType type, Schema schema) {
        int index = 0;
        while (spans.get(index)[1] <= column) {
            index++;
        }
        Expr given = op.aggregates().get(index).defaultValue();
        Object value = given == null ? Long.valueOf(0) : binder.expressions.constant(given, schema, "make-series default");
        if (value instanceof Number n && type == KqlType.REAL) {
            return n.doubleValue();
        }
        if (value instanceof Number n && (type == KqlType.LONG || type == KqlType.INT)) {
            return value instanceof Double ? value : Long.valueOf(n.longValue());
        }
        return given == null && type != KqlType.LONG && type != KqlType.INT && type != KqlType.REAL ? null : value;
    }

    /** A bound of the axis in its numeric form: Double for a real axis, else Long (ticks for time). */
    private static Number axisNumber(Object value, KqlType axis, Binder binder, Expr at) {
        Object v = value;
        if (v instanceof Instant i) {
            v = Ticks.of(i);
            if (axis != KqlType.DATETIME) {
                throw binder.error("make-series: a datetime bound needs a datetime axis", at.offset());
            }
        } else if (v instanceof Duration d) {
            v = Ticks.of(d);
        } else if (!(v instanceof Number)) {
            throw binder.error("make-series expects a constant number, datetime or timespan", at.offset());
        }
        return axis == KqlType.REAL ? Double.valueOf(((Number) v).doubleValue())
                : Long.valueOf(((Number) v).longValue());
    }

    /**
     * top-nested: level k aggregates by the keys of levels 0..k; the output has each level's key and aggregate
     * (named {@code aggregated_<key>} unless named).
     */
    static PlanNode topNested(Binder binder, PlanNode input, TabularOperator.TopNested op) {
        Schema schema = input.schema();
        List<NamedExpr> keys = new ArrayList<>();
        List<PlanNode.Aggregate> levels = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        List<Boolean> ascending = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (TabularOperator.TopNestedLevel level : op.levels()) {
            NamedExpr key = level.key();
            String keyName = key.name() != null ? key.name() : ExpressionBinder.derivedName(key.expr());
            if (keyName == null) {
                throw binder.error("top-nested expects a column or a named expression ('of name = expr')",
                        key.offset());
            }
            keys.add(new NamedExpr(keyName, key.expr(), key.offset()));
            NamedExpr agg = level.aggregate();
            String aggName = agg.name() != null ? agg.name() : "aggregated_" + keyName;
            List<int[]> spans = new ArrayList<>();
            PlanNode.Aggregate aggregate = binder.aggregates.summarizeCalls(input,
                    List.of(new NamedExpr(aggName, agg.expr(), agg.offset())), keys, spans);
            if (aggregate.schema().size() != keys.size() + 1) {
                throw binder.error("top-nested expects an aggregation with one result", agg.offset());
            }
            levels.add(aggregate);
            Schema aggSchema = aggregate.schema();
            for (String name : List.of(keyName, aggName)) {
                if (columns.stream().anyMatch(c -> c.name().equals(name))) {
                    throw binder.error("top-nested: column '" + name + "' is defined twice", level.offset());
                }
            }
            columns.add(aggSchema.column(keys.size() - 1));
            columns.add(aggSchema.column(keys.size()));
            counts.add(level.count() == null ? null : countOf(binder, level.count(), schema));
            ascending.add(level.ascending());
        }
        return new PlanNode.TopNested(levels, counts, ascending, new Schema(columns));
    }

    private static Long countOf(Binder binder, Expr e, Schema schema) {
        Object v = binder.expressions.constant(e, schema, "top-nested's count");
        if (!(v instanceof Long || v instanceof Integer) || ((Number) v).longValue() < 0) {
            throw binder.error("top-nested expects a non-negative integer count", e.offset());
        }
        return ((Number) v).longValue();
    }
}

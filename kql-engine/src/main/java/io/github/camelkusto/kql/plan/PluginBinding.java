package io.github.camelkusto.kql.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.syntax.ast.Expr;
import io.github.camelkusto.kql.syntax.ast.NamedExpr;
import io.github.camelkusto.kql.syntax.ast.TabularOperator;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;

/**
 * The plugins of {@code evaluate}: bag_unpack ({@link BagUnpack}; arguments by position or by name, and an
 * output schema), narrow (one row per cell: Row, Column, Value as a string) and pivot (one column per value of the
 * pivot column, each the aggregate over the rows of that value, grouped by the other columns). Without an output
 * schema, bag_unpack, pivot and narrow read their input when the query is prepared (the columns depend on the
 * data); with one, bag_unpack and pivot read nothing ahead.
 */
final class PluginBinding {
    private static final List<String> BAG_UNPACK_PARAMETERS = List.of("column", "OutputColumnPrefix",
            "columnsConflict", "ignoredProperties");

    /** Each aggregate pivot takes, with its conditional form (null: the condition is folded into its argument). */
    private static final Map<String, String> CONDITIONAL = Map.ofEntries(Map.entry("count", "countif"),
            Map.entry("sum", "sumif"), Map.entry("avg", "avgif"), Map.entry("dcount", "dcountif"),
            Map.entry("make_list", "make_list_if"), Map.entry("make_set", "make_set_if"),
            Map.entry("make_bag", "make_bag_if"), Map.entry("min", "minif"), Map.entry("max", "maxif"),
            Map.entry("take_any", "take_anyif"), Map.entry("stdev", "stdevif"), Map.entry("variance", "varianceif"));

    private final Binder binder;

    PluginBinding(Binder binder) {
        this.binder = binder;
    }

    PlanNode evaluate(PlanNode input, TabularOperator.Evaluate op) {
        return switch (op.plugin()) {
            case "bag_unpack" -> bagUnpack(input, op);
            case "narrow" -> narrow(input, op);
            case "pivot" -> pivot(input, op);
            default -> throw binder.error("the '" + op.plugin() + "' plugin of evaluate is not supported by the"
                    + " embedded engine (supported: bag_unpack, narrow, pivot)", op.offset());
        };
    }

    private PlanNode bagUnpack(PlanNode input, TabularOperator.Evaluate op) {
        Expr[] args = new Expr[BAG_UNPACK_PARAMETERS.size()];
        int position = 0;
        for (Expr a : op.args()) {
            if (a instanceof Expr.NamedArgument named) {
                int at = BAG_UNPACK_PARAMETERS.indexOf(named.name());
                if (at < 0) {
                    throw binder.error("bag_unpack has no parameter '" + named.name() + "' (valid: "
                            + String.join(", ", BAG_UNPACK_PARAMETERS) + ")", named.offset());
                }
                args[at] = named.value();
            } else if (position < args.length) {
                args[position++] = a;
            } else {
                throw binder.error("bag_unpack takes at most " + args.length + " arguments", a.offset());
            }
        }
        if (!(args[0] instanceof Expr.NameRef column)) {
            throw binder.error("bag_unpack expects a dynamic column, then optionally a column prefix, columnsConflict"
                    + " and ignoredProperties", op.offset());
        }
        int source = binder.expressions.columnIndex(column.name(), input.schema(), column.offset());
        if (input.schema().column(source).type() != KqlType.DYNAMIC) {
            throw binder.error("bag_unpack expects a dynamic column, not " + input.schema().column(source).type()
                    .kustoName(), column.offset());
        }
        Schema none = new Schema(List.of());
        Object prefix = args[1] != null ? binder.expressions.constant(args[1], none, "bag_unpack's prefix") : null;
        Object conflict = args[2] != null ? binder.expressions.constant(args[2], none, "bag_unpack's columnsConflict")
                : null;
        Object ignored = args[3] != null ? binder.expressions.constant(args[3], none,
                "bag_unpack's ignoredProperties") : null;
        String conflictMode = conflict == null || conflict.toString().isEmpty() ? "error" : conflict.toString();
        if (!Set.of("error", "replace_source", "keep_source").contains(conflictMode)) {
            throw binder.error("bag_unpack's columnsConflict must be 'error', 'replace_source' or 'keep_source'",
                    args[2].offset());
        }
        Set<String> ignoredKeys = new HashSet<>();
        if (ignored instanceof JsonNode array && array.isArray()) {
            array.forEach(k -> ignoredKeys.add(k.asText()));
        }
        String columnPrefix = prefix == null ? "" : prefix.toString();
        if (op.outputSchema() != null) {
            return declaredBagColumns(input, source, columnPrefix, op);
        }
        return BagUnpack.unpack(binder.runner.apply(input), source, columnPrefix, conflictMode, ignoredKeys,
                message -> binder.error(message, op.offset()));
    }

    /** bag_unpack with an output schema: each declared column is its property, converted to its type. */
    private PlanNode declaredBagColumns(PlanNode input, int source, String prefix, TabularOperator.Evaluate op) {
        Schema schema = input.schema();
        List<BoundExpr> exprs = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        if (op.keepInputColumns()) {
            for (int c = 0; c < schema.size(); c++) {
                if (c != source) {
                    exprs.add(new BoundExpr.ColumnRef(c, schema.column(c).name(), schema.column(c).type()));
                    columns.add(schema.column(c));
                }
            }
        }
        BoundExpr bag = new BoundExpr.ColumnRef(source, schema.column(source).name(), KqlType.DYNAMIC);
        for (Column declared : op.outputSchema()) {
            String key = declared.name().startsWith(prefix) ? declared.name().substring(prefix.length())
                    : declared.name();
            BoundExpr value = binder.expressions.call("[]", List.of(bag, new BoundExpr.Constant(KqlType.STRING, key)),
                    op.offset(), false);
            exprs.add(convert(value, declared.type(), op.offset()));
            columns.add(declared);
        }
        return new PlanNode.Project(input, exprs, new Schema(columns));
    }

    private BoundExpr convert(BoundExpr value, KqlType type, int offset) {
        String function = switch (type) {
            case BOOL -> "tobool";
            case INT -> "toint";
            case LONG -> "tolong";
            case REAL -> "toreal";
            case DECIMAL -> "todecimal";
            case STRING -> "tostring";
            case DATETIME -> "todatetime";
            case TIMESPAN -> "totimespan";
            case GUID -> "toguid";
            case DYNAMIC -> null;
        };
        return function == null || value.type() == type ? value
                : binder.expressions.call(function, List.of(value), offset, false);
    }

    /** narrow: Row (the row's number from 0), Column (its name) and Value (the cell as a string), cell by cell. */
    private PlanNode narrow(PlanNode input, TabularOperator.Evaluate op) {
        if (!op.args().isEmpty()) {
            throw binder.error("narrow takes no arguments", op.offset());
        }
        Schema in = input.schema();
        Schema out = Schema.of(new Column("Row", KqlType.INT), new Column("Column", KqlType.STRING),
                new Column("Value", KqlType.STRING));
        Batch.Builder rows = Batch.builder(out);
        int row = 0;
        for (Batch b : read(input)) {
            for (int r = 0; r < b.rowCount(); r++, row++) {
                for (int c = 0; c < in.size(); c++) {
                    rows.addRow(row, in.column(c).name(), KqlValues.toKustoString(b.value(c, r)));
                }
            }
        }
        Batch all = rows.build();
        return new PlanNode.Values(out, Batch.chunks(out, all.columns(), all.rowCount()));
    }

    /**
     * pivot(column [, aggregate [, by columns]]): summarize, by the given columns (by default every column but the
     * pivot column and those the aggregate reads), one aggregate per value of the pivot column, over the rows of
     * that value (count() by default). The values come from the data, in order of appearance, or from the output
     * schema's columns that are not grouping columns.
     */
    private PlanNode pivot(PlanNode input, TabularOperator.Evaluate op) {
        List<Expr> args = op.args();
        if (args.isEmpty() || !(args.get(0) instanceof Expr.NameRef pivotColumn)) {
            throw binder.error("pivot expects the pivot column, then optionally an aggregate and grouping columns",
                    op.offset());
        }
        int pivot = binder.expressions.columnIndex(pivotColumn.name(), input.schema(), pivotColumn.offset());
        Expr.Call aggregate = new Expr.Call("count", List.of(), op.offset());
        if (args.size() > 1) {
            if (!(args.get(1) instanceof Expr.Call call) || !CONDITIONAL.containsKey(call.name())) {
                throw binder.error("pivot's aggregate must be one of " + String.join("(), ", new java.util.TreeSet<>(
                        CONDITIONAL.keySet())) + "()", args.get(1).offset());
            }
            aggregate = call;
        }
        List<String> by = new ArrayList<>();
        for (Expr a : args.subList(Math.min(2, args.size()), args.size())) {
            if (!(a instanceof Expr.NameRef n)) {
                throw binder.error("pivot's grouping arguments must be column names", a.offset());
            }
            binder.expressions.columnIndex(n.name(), input.schema(), n.offset());
            by.add(n.name());
        }
        if (by.isEmpty()) {
            Set<String> read = new HashSet<>();
            collectNames(aggregate, read);
            input.schema().names().stream().filter(n -> !n.equals(pivotColumn.name()) && !read.contains(n))
                    .forEach(by::add);
        }
        Set<String> values = new LinkedHashSet<>();
        PlanNode rows = input;
        if (op.outputSchema() != null) {
            op.outputSchema().stream().map(Column::name).filter(n -> !by.contains(n)).forEach(values::add);
        } else {
            List<Batch> batches = read(input);
            for (Batch b : batches) {
                for (int r = 0; r < b.rowCount(); r++) {
                    String v = KqlValues.toKustoString(b.value(pivot, r));
                    if (!v.isEmpty()) {
                        values.add(v);
                    }
                }
            }
            rows = new PlanNode.Values(input.schema(), batches);
        }
        List<NamedExpr> aggregates = new ArrayList<>();
        Expr pivotText = new Expr.Call("tostring", List.of(pivotColumn), op.offset());
        for (String v : values) {
            Expr condition = new Expr.Binary("==", pivotText, new Expr.Literal(KqlType.STRING, v, op.offset()),
                    op.offset());
            aggregates.add(new NamedExpr(v, conditional(aggregate, condition, rows.schema()), op.offset()));
        }
        List<NamedExpr> keys = by.stream().map(n -> new NamedExpr(null, new Expr.NameRef(n, op.offset()),
                op.offset())).toList();
        PlanNode summarized = binder.aggregates.summarize(rows, aggregates, keys, op.offset());
        return op.outputSchema() == null ? summarized : declared(summarized, op);
    }

    /** {@code aggregate} over the rows where {@code condition} holds: its *if form, else with the condition in it. */
    private Expr conditional(Expr.Call aggregate, Expr condition, Schema schema) {
        String name = CONDITIONAL.get(aggregate.name());
        List<Expr> args = new ArrayList<>(aggregate.args());
        if (binder.functions.aggregate(name).isPresent()) {
            args.add(args.isEmpty() ? 0 : 1, condition);
            return new Expr.Call(name, args, aggregate.offset());
        }
        // no *if form: a row outside the condition gives the aggregate a null, which it skips
        KqlType type = binder.expressions.bindExpr(args.get(0), schema, false).type();
        args.set(0, new Expr.Call("iff", List.of(condition, args.get(0), new Expr.Literal(type, null,
                aggregate.offset())), aggregate.offset()));
        return new Expr.Call(aggregate.name(), args, aggregate.offset());
    }

    /** The result in the declared output schema: its columns in its order, converted to its types. */
    private PlanNode declared(PlanNode result, TabularOperator.Evaluate op) {
        Schema schema = result.schema();
        List<BoundExpr> exprs = new ArrayList<>();
        for (Column c : op.outputSchema()) {
            int at = binder.expressions.columnIndex(c.name(), schema, op.offset());
            exprs.add(convert(new BoundExpr.ColumnRef(at, c.name(), schema.column(at).type()), c.type(),
                    op.offset()));
        }
        return new PlanNode.Project(result, exprs, new Schema(op.outputSchema()));
    }

    /** Every name an expression refers to (columns, lets). */
    static void collectNames(Expr e, Set<String> names) {
        if (e instanceof Expr.NameRef n) {
            names.add(n.name());
        }
        e.mapChildren(child -> {
            collectNames(child, names);
            return child;
        });
    }

    private List<Batch> read(PlanNode input) {
        return readAll(binder, input);
    }

    /** Every batch of {@code input}, run now (for plugins and operators whose plan depends on the data). */
    static List<Batch> readAll(Binder binder, PlanNode input) {
        List<Batch> batches = new ArrayList<>();
        QueryResult result = binder.runner.apply(input);
        for (Partition p : result.partitions()) {
            try (BatchStream s = p.open()) {
                for (Batch b = s.next(); b != null; b = s.next()) {
                    batches.add(b);
                }
            }
        }
        return batches;
    }
}

package io.github.camelkusto.kql.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.Suggestions;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.catalog.Table;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.functions.AggregateBinding;
import io.github.camelkusto.kql.functions.AggregateFunction;
import io.github.camelkusto.kql.functions.Argument;
import io.github.camelkusto.kql.functions.BindException;
import io.github.camelkusto.kql.functions.EvalContext;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.QueryClock;
import io.github.camelkusto.kql.functions.ScalarBinding;
import io.github.camelkusto.kql.functions.ScalarFunction;
import io.github.camelkusto.kql.functions.SerialFunction;
import io.github.camelkusto.kql.syntax.KustoSyntaxException;
import io.github.camelkusto.kql.syntax.SourceText;
import io.github.camelkusto.kql.syntax.ast.Expr;
import io.github.camelkusto.kql.syntax.ast.NamedExpr;
import io.github.camelkusto.kql.syntax.ast.Query;
import io.github.camelkusto.kql.syntax.ast.SortKey;
import io.github.camelkusto.kql.syntax.ast.TabularExpression;
import io.github.camelkusto.kql.syntax.ast.TabularOperator;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;
import io.github.camelkusto.kql.types.Ticks;

/**
 * Semantic analysis: resolves every table, column and function of a parsed query, types every expression with
 * Kusto's promotion rules, names output columns as Kusto does, and produces a {@link PlanNode}. Every error is a
 * {@link KustoSyntaxException} at the offending place, with the valid names when a name is wrong.
 */
public final class Binder {
    private final KustoDatabase database;
    private final FunctionRegistry functions;
    private final SourceText source;
    private final Map<String, PlanNode> tabularLets = new HashMap<>();
    private final Map<String, BoundExpr> scalarLets = new HashMap<>();
    /** The source of the mv-apply sub-query being bound, else null. */
    private PlanNode applyRows;

    /**
     * Runs a bound sub-plan while binding: {@code toscalar} needs its value as a constant and
     * {@code evaluate bag_unpack} the data's keys to know its columns (the exec package provides it, as plan may
     * not depend on exec).
     */
    private final java.util.function.Function<PlanNode, QueryResult> runner;

    public Binder(KustoDatabase database, FunctionRegistry functions, SourceText source,
            java.util.function.Function<PlanNode, QueryResult> runner) {
        this.database = database;
        this.functions = functions;
        this.source = source;
        this.runner = runner;
    }

    public PlanNode bind(Query query) {
        return QueryClock.during(() -> bindQuery(query));
    }

    private PlanNode bindQuery(Query query) {
        for (Query.Let let : query.lets()) {
            if (let instanceof Query.TabularLet t) {
                tabularLets.put(t.name(), bindTabular(t.value()));
                scalarLets.remove(t.name());
            } else {
                Query.ScalarLet s = (Query.ScalarLet) let;
                scalarLets.put(s.name(), bindExpr(s.value(), new Schema(List.of()), false));
                tabularLets.remove(s.name());
            }
        }
        return bindTabular(query.body());
    }

    // ------------------------------------------------------------------ tabular

    private PlanNode bindTabular(TabularExpression e) {
        if (e instanceof TabularExpression.TableReference ref) {
            return resolveTable(ref.name(), ref.offset());
        }
        if (e instanceof TabularExpression.DataTableLiteral literal) {
            Batch.Builder builder = Batch.builder(literal.schema());
            literal.rows().forEach(row -> builder.addRow(row.toArray()));
            return new PlanNode.Values(literal.schema(), List.of(builder.build()));
        }
        if (e instanceof TabularExpression.Range range) {
            return range(range);
        }
        if (e instanceof TabularExpression.Print print) {
            return project(new PlanNode.SingleRow(), print.columns(), true);
        }
        if (e instanceof TabularExpression.Union union) {
            List<PlanNode> inputs = new ArrayList<>();
            for (TabularExpression t : union.tables()) {
                inputs.add(bindTabular(t));
            }
            return union(inputs, union.options(), union.offset());
        }
        if (e instanceof TabularExpression.ApplyRows rows) {
            if (applyRows == null) {
                throw error("the rows of mv-apply exist only in its sub-query", rows.offset());
            }
            return applyRows;
        }
        TabularExpression.Pipe pipe = (TabularExpression.Pipe) e;
        return bindOperator(bindTabular(pipe.input()), pipe.operator());
    }

    private PlanNode resolveTable(String name, int offset) {
        PlanNode let = tabularLets.get(name);
        if (let != null) {
            return let;
        }
        Table table = database.table(name).orElse(null);
        if (table != null) {
            return new PlanNode.Scan(table);
        }
        Collection<String> names = new TreeSet<>(database.tableNames());
        names.addAll(tabularLets.keySet());
        throw new KustoSyntaxException("unknown table '" + name + "'" + Suggestions.didYouMean(name, names)
                + " (tables in database " + database.name() + ": "
                + (names.isEmpty() ? "none" : String.join(", ", names)) + ")", source, offset);
    }

    private PlanNode range(TabularExpression.Range range) {
        Schema none = new Schema(List.of());
        Object from = constant(range.from(), none, "range's start");
        Object to = constant(range.to(), none, "range's end");
        Object step = constant(range.step(), none, "range's step");
        KqlType fromType = bindExpr(range.from(), none, false).type();
        KqlType stepType = bindExpr(range.step(), none, false).type();
        if (from == null || to == null || step == null) {
            return new PlanNode.Range(Schema.of(new Column(range.column(), fromType)), fromType, 0, 0, 0, 0, 0);
        }
        if (from instanceof Number && to instanceof Number && step instanceof Number) {
            boolean real = from instanceof Double || to instanceof Double || step instanceof Double;
            Schema schema = Schema.of(new Column(range.column(), real ? KqlType.REAL : KqlType.LONG));
            if (real) {
                double f = ((Number) from).doubleValue();
                double t = ((Number) to).doubleValue();
                double s = ((Number) step).doubleValue();
                checkStep(s == 0, range);
                long count = (t - f) / s < 0 ? 0 : (long) Math.floor((t - f) / s + 1e-9) + 1;
                return new PlanNode.Range(schema, KqlType.REAL, f, s, 0, 0, count);
            }
            long f = ((Number) from).longValue();
            long t = ((Number) to).longValue();
            long s = ((Number) step).longValue();
            checkStep(s == 0, range);
            return new PlanNode.Range(schema, KqlType.LONG, 0, 0, f, s, rangeCount(f, t, s));
        }
        if ((fromType == KqlType.DATETIME || fromType == KqlType.TIMESPAN) && stepType == KqlType.TIMESPAN
                && bindExpr(range.to(), none, false).type() == fromType) {
            long f = ticks(from);
            long t = ticks(to);
            long s = ticks(step);
            checkStep(s == 0, range);
            return new PlanNode.Range(Schema.of(new Column(range.column(), fromType)), fromType, 0, 0, f, s,
                    rangeCount(f, t, s));
        }
        throw new KustoSyntaxException("range expects numbers, or datetimes/timespans with a timespan step, not "
                + fromType.kustoName() + " and a " + stepType.kustoName() + " step", source, range.offset());
    }

    private static long ticks(Object value) {
        return value instanceof java.time.Instant i ? Ticks.of(i) : Ticks.of((java.time.Duration) value);
    }

    private static long rangeCount(long from, long to, long step) {
        if (step > 0 ? to < from : to > from) {
            return 0;
        }
        return Math.floorDiv(to - from, step) + 1;
    }

    private void checkStep(boolean zero, TabularExpression.Range range) {
        if (zero) {
            throw new KustoSyntaxException("range step must not be 0", source, range.step().offset());
        }
    }

    private PlanNode bindOperator(PlanNode input, TabularOperator op) {
        Schema schema = input.schema();
        if (op instanceof TabularOperator.Where where) {
            BoundExpr predicate = bindExpr(where.predicate(), schema, input.serialized());
            if (predicate.type() != KqlType.BOOL) {
                throw error("where expects a bool predicate, not " + predicate.type().kustoName(),
                        where.predicate().offset());
            }
            return new PlanNode.Filter(input, predicate);
        }
        if (op instanceof TabularOperator.Project project) {
            return project(input, project.columns(), false);
        }
        if (op instanceof TabularOperator.Extend extend) {
            return extend(input, extend.columns());
        }
        if (op instanceof TabularOperator.ProjectAway away) {
            List<Integer> keep = new ArrayList<>();
            for (TabularOperator.NamePattern p : away.columns()) {
                checkPatternMatches(p, schema);
            }
            for (int c = 0; c < schema.size(); c++) {
                String name = schema.column(c).name();
                if (away.columns().stream().noneMatch(p -> p.matches(name))) {
                    keep.add(c);
                }
            }
            return select(input, keep, null);
        }
        if (op instanceof TabularOperator.ProjectKeep keepOp) {
            List<Integer> keep = new ArrayList<>();
            keepOp.columns().forEach(p -> checkPatternMatches(p, schema));
            for (int c = 0; c < schema.size(); c++) {
                String name = schema.column(c).name();
                if (keepOp.columns().stream().anyMatch(p -> p.matches(name))) {
                    keep.add(c);
                }
            }
            return select(input, keep, null);
        }
        if (op instanceof TabularOperator.ProjectReorder reorder) {
            List<Integer> order = new ArrayList<>();
            for (TabularOperator.NamePattern p : reorder.columns()) {
                checkPatternMatches(p, schema);
                for (int c = 0; c < schema.size(); c++) {
                    if (p.matches(schema.column(c).name()) && !order.contains(c)) {
                        order.add(c);
                    }
                }
            }
            for (int c = 0; c < schema.size(); c++) {
                if (!order.contains(c)) {
                    order.add(c);
                }
            }
            return select(input, order, null);
        }
        if (op instanceof TabularOperator.ProjectRename rename) {
            Map<Integer, String> names = new HashMap<>();
            for (TabularOperator.Rename r : rename.renames()) {
                names.put(columnIndex(r.oldName(), schema, r.offset()), r.newName());
            }
            List<Integer> all = new ArrayList<>();
            for (int c = 0; c < schema.size(); c++) {
                all.add(c);
            }
            return select(input, all, names);
        }
        if (op instanceof TabularOperator.Take take) {
            return new PlanNode.Take(input, count(take.count(), "take"));
        }
        if (op instanceof TabularOperator.Sort sort) {
            return new PlanNode.Sort(input, sortKeys(sort.keys(), input), null);
        }
        if (op instanceof TabularOperator.Top top) {
            return new PlanNode.Sort(input, sortKeys(top.keys(), input), count(top.count(), "top"));
        }
        if (op instanceof TabularOperator.Summarize summarize) {
            return summarize(input, summarize.aggregates(), summarize.by(), summarize.offset());
        }
        if (op instanceof TabularOperator.Distinct distinct) {
            List<NamedExpr> by = distinct.columns();
            if (by.isEmpty()) {
                by = schema.columns().stream().map(c -> new NamedExpr(null, new Expr.NameRef(c.name(),
                        distinct.offset()), distinct.offset())).toList();
            }
            return summarize(input, List.of(), by, distinct.offset());
        }
        if (op instanceof TabularOperator.Count count) {
            return summarize(input, List.of(new NamedExpr("Count", new Expr.Call("count", List.of(), count.offset()),
                    count.offset())), List.of(), count.offset());
        }
        if (op instanceof TabularOperator.Union union) {
            List<PlanNode> inputs = new ArrayList<>();
            inputs.add(input);
            for (TabularExpression t : union.tables()) {
                inputs.add(bindTabular(t));
            }
            return union(inputs, union.options(), union.offset());
        }
        if (op instanceof TabularOperator.As as) {
            tabularLets.put(as.name(), input);
            return input;
        }
        if (op instanceof TabularOperator.Serialize serialize) {
            PlanNode serialized = input.serialized() ? input : new PlanNode.Serialize(input);
            return serialize.columns().isEmpty() ? serialized : extend(serialized, serialize.columns());
        }
        if (op instanceof TabularOperator.Parse parse) {
            return parse(input, parse);
        }
        if (op instanceof TabularOperator.ParseKv parseKv) {
            return parseKv(input, parseKv);
        }
        if (op instanceof TabularOperator.Search search) {
            return search(input, search);
        }
        if (op instanceof TabularOperator.MvExpand mvExpand) {
            return mvExpand(input, mvExpand);
        }
        if (op instanceof TabularOperator.Evaluate evaluate) {
            return evaluate(input, evaluate);
        }
        if (op instanceof TabularOperator.GetSchema) {
            return getSchema(schema);
        }
        if (op instanceof TabularOperator.MvApply mvApply) {
            return mvApply(input, mvApply);
        }
        if (op instanceof TabularOperator.Join join) {
            return JoinBinding.join(this, input, bindTabular(join.right()), join);
        }
        if (op instanceof TabularOperator.Lookup lookup) {
            return JoinBinding.lookup(this, input, bindTabular(lookup.right()), lookup);
        }
        if (op instanceof TabularOperator.MakeSeries makeSeries) {
            return SeriesBinding.makeSeries(this, input, makeSeries);
        }
        if (op instanceof TabularOperator.TopNested topNested) {
            return SeriesBinding.topNested(this, input, topNested);
        }
        if (op instanceof TabularOperator.Scan scan) {
            return ScanBinding.scan(this, input, scan);
        }

        String name = op instanceof TabularOperator.MvExpand
                ? "mv-expand" : op instanceof TabularOperator.Parse ? "parse" : op instanceof TabularOperator.GetSchema
                ? "getschema" : op.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        throw error("the '" + name + "' operator is not supported by the embedded engine yet", op.offset());
    }

    /** evaluate: the bag_unpack plugin (see {@link BagUnpack}); other plugins are refused by name. */
    private PlanNode evaluate(PlanNode input, TabularOperator.Evaluate op) {
        if (!op.plugin().equals("bag_unpack")) {
            throw error("the '" + op.plugin() + "' plugin of evaluate is not supported by the embedded engine"
                    + " (supported: bag_unpack)", op.offset());
        }
        List<Expr> args = op.args();
        if (args.isEmpty() || args.size() > 4 || !(args.get(0) instanceof Expr.NameRef column)) {
            throw error("bag_unpack expects a dynamic column, then optionally a column prefix, columnsConflict"
                    + " and ignoredProperties", op.offset());
        }
        int source = columnIndex(column.name(), input.schema(), column.offset());
        if (input.schema().column(source).type() != KqlType.DYNAMIC) {
            throw error("bag_unpack expects a dynamic column, not " + input.schema().column(source).type()
                    .kustoName(), column.offset());
        }
        Schema none = new Schema(List.of());
        Object prefix = args.size() > 1 ? constant(args.get(1), none, "bag_unpack's prefix") : null;
        Object conflict = args.size() > 2 ? constant(args.get(2), none, "bag_unpack's columnsConflict") : null;
        Object ignored = args.size() > 3 ? constant(args.get(3), none, "bag_unpack's ignoredProperties") : null;
        String conflictMode = conflict == null || conflict.toString().isEmpty() ? "error" : conflict.toString();
        if (!Set.of("error", "replace_source", "keep_source").contains(conflictMode)) {
            throw error("bag_unpack's columnsConflict must be 'error', 'replace_source' or 'keep_source'",
                    args.get(2).offset());
        }
        Set<String> ignoredKeys = new java.util.HashSet<>();
        if (ignored instanceof com.fasterxml.jackson.databind.JsonNode array && array.isArray()) {
            array.forEach(k -> ignoredKeys.add(k.asText()));
        }
        return BagUnpack.unpack(runner.apply(input), source, prefix == null ? "" : prefix.toString(), conflictMode,
                ignoredKeys, message -> error(message, op.offset()));
    }

    /** getschema: one row per input column, with Kusto's names of its .NET and KQL types. */
    private static PlanNode getSchema(Schema schema) {
        Schema out = Schema.of(new Column("ColumnName", KqlType.STRING), new Column("ColumnOrdinal", KqlType.INT),
                new Column("DataType", KqlType.STRING), new Column("ColumnType", KqlType.STRING));
        Batch.Builder rows = Batch.builder(out);
        for (int c = 0; c < schema.size(); c++) {
            KqlType type = schema.column(c).type();
            String dotNet = switch (type) {
                case BOOL -> "System.SByte";
                case INT -> "System.Int32";
                case LONG -> "System.Int64";
                case REAL -> "System.Double";
                case DECIMAL -> "System.Data.SqlTypes.SqlDecimal";
                case STRING -> "System.String";
                case DATETIME -> "System.DateTime";
                case TIMESPAN -> "System.TimeSpan";
                case GUID -> "System.Guid";
                case DYNAMIC -> "System.Object";
            };
            rows.addRow(schema.column(c).name(), c, dotNet, type.kustoName());
        }
        return new PlanNode.Values(out, List.of(rows.build()));
    }

    /**
     * mv-apply: the sub-query is bound over one input row's mv-expand. A column expanded under a new name
     * ({@code x = lst}) is left out of the sub-query's rows, as Kusto does; the input columns that the sub-query's
     * result lacks ({@code summarize} drops them) come first in the output, repeated for each of its rows.
     */
    private PlanNode mvApply(PlanNode input, TabularOperator.MvApply op) {
        PlanNode.RowsCell cell = new PlanNode.RowsCell();
        PlanNode.ApplyRows row = new PlanNode.ApplyRows(input.schema(), cell);
        PlanNode expanded = mvExpand(row, op.expansion());
        List<Integer> rowColumns = new ArrayList<>();
        Schema expandedSchema = expanded.schema();
        for (int c = 0; c < expandedSchema.size(); c++) {
            String name = expandedSchema.column(c).name();
            boolean consumed = op.expansion().columns().stream().anyMatch(item -> item.name() != null
                    && !item.name().equals(name) && item.expr() instanceof Expr.NameRef ref && ref.name().equals(name));
            if (!consumed) {
                rowColumns.add(c);
            }
        }
        if (rowColumns.size() < expandedSchema.size()) {
            expanded = select(expanded, rowColumns, null);
        }
        PlanNode outer = applyRows;
        applyRows = expanded;
        PlanNode perRow;
        try {
            perRow = bindTabular(op.subquery());
        } finally {
            applyRows = outer;
        }
        List<Integer> kept = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        Schema inputSchema = input.schema();
        for (int c = 0; c < inputSchema.size(); c++) {
            Column col = inputSchema.column(c);
            if (perRow.schema().indexOf(col.name()).isEmpty() && expanded.schema().indexOf(col.name()).isPresent()) {
                kept.add(c);
                columns.add(col);
            }
        }
        columns.addAll(perRow.schema().columns());
        return new PlanNode.MvApply(input, cell, perRow, kept, new Schema(columns));
    }

    /**
     * mv-expand: an expanded column keeps its place when it replaces an input column, else it is appended;
     * {@code to typeof(T)} converts the elements as {@code toT()} does (a projection over the expansion).
     */
    private PlanNode mvExpand(PlanNode input, TabularOperator.MvExpand op) {
        Schema schema = input.schema();
        List<Column> columns = new ArrayList<>(schema.columns());
        List<Integer> inputColumns = new ArrayList<>();
        for (int c = 0; c < schema.size(); c++) {
            inputColumns.add(c);
        }
        List<BoundExpr> arrays = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        for (NamedExpr item : op.columns()) {
            BoundExpr e = bindExpr(item.expr(), schema, input.serialized());
            if (e.type() != KqlType.DYNAMIC) {
                throw error("mv-expand expects a dynamic array or bag, not " + e.type().kustoName(),
                        item.expr().offset());
            }
            String name = item.name() != null ? item.name() : derivedName(item.expr());
            if (name == null) {
                throw error("mv-expand needs a name for this expression: write name = expression", item.offset());
            }
            int target = indexOf(columns, name);
            if (targets.contains(target) && target >= 0) {
                throw error("column '" + name + "' is expanded twice", item.offset());
            }
            if (target < 0) {
                target = columns.size();
                columns.add(new Column(name, KqlType.DYNAMIC));
                inputColumns.add(-1);
            } else {
                columns.set(target, new Column(name, KqlType.DYNAMIC));
                inputColumns.set(target, -1);
            }
            arrays.add(e);
            targets.add(target);
        }
        if (op.itemIndex() != null) {
            if (indexOf(columns, op.itemIndex()) >= 0) {
                throw error("with_itemindex column '" + op.itemIndex() + "' already exists", op.offset());
            }
            columns.add(new Column(op.itemIndex(), KqlType.LONG));
            inputColumns.add(-1);
        }
        PlanNode expanded = new PlanNode.MvExpand(input, arrays, targets, inputColumns, op.bagAsArray(),
                op.itemIndex() != null, op.limit() == null ? Long.MAX_VALUE : op.limit(), new Schema(columns));
        if (op.toTypes().stream().allMatch(t -> t == null)) {
            return expanded;
        }
        Schema out = expanded.schema();
        List<BoundExpr> exprs = new ArrayList<>();
        List<Column> converted = new ArrayList<>();
        for (int c = 0; c < out.size(); c++) {
            Column col = out.column(c);
            BoundExpr ref = new BoundExpr.ColumnRef(c, col.name(), col.type());
            int i = targets.indexOf(c);
            String to = i >= 0 ? op.toTypes().get(i) : null;
            if (to != null && !to.equals("dynamic")) {
                ref = call("to" + to, List.of(ref), op.columns().get(i).offset(), false);
            }
            exprs.add(ref);
            converted.add(new Column(col.name(), ref.type()));
        }
        return new PlanNode.Project(expanded, exprs, new Schema(converted));
    }

    private void checkPatternMatches(TabularOperator.NamePattern p, Schema schema) {
        if (!p.isWildcard() && schema.indexOf(p.pattern()).isEmpty()) {
            throw unknownColumn(p.pattern(), p.offset(), schema);
        }
    }

    /** The input's columns {@code indexes}, in that order, renamed where {@code names} says. */
    private PlanNode select(PlanNode input, List<Integer> indexes, Map<Integer, String> names) {
        Schema schema = input.schema();
        List<BoundExpr> exprs = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (int c : indexes) {
            Column col = schema.column(c);
            exprs.add(new BoundExpr.ColumnRef(c, col.name(), col.type()));
            columns.add(new Column(names != null && names.containsKey(c) ? names.get(c) : col.name(), col.type()));
        }
        return new PlanNode.Project(input, exprs, new Schema(columns));
    }

    private PlanNode project(PlanNode input, List<NamedExpr> raw, boolean print) {
        List<NamedExpr> items = TupleFunctions.expand(raw);
        Schema schema = input.schema();
        NameAllocator names = new NameAllocator();
        items.stream().filter(i -> i.name() != null).forEach(i -> names.reserve(i.name()));
        List<BoundExpr> exprs = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (int k = 0; k < items.size(); k++) {
            NamedExpr item = items.get(k);
            BoundExpr e = bindExpr(item.expr(), schema, input.serialized());
            String name = item.name();
            if (name == null) {
                String derived = print ? "print_" + k : derivedName(item.expr());
                name = derived == null ? names.nextColumn() : names.unique(derived);
            } else if (columns.stream().anyMatch(c -> c.name().equals(item.name()))) {
                throw error("column '" + item.name() + "' is projected twice", item.offset());
            }
            exprs.add(e);
            columns.add(new Column(name, e.type()));
        }
        return new PlanNode.Project(input, exprs, new Schema(columns));
    }

    /** extend: new columns after the input's; a name the input has replaces that column in place. */
    private PlanNode extend(PlanNode input, List<NamedExpr> raw) {
        List<NamedExpr> items = TupleFunctions.expand(raw);
        Schema schema = input.schema();
        List<BoundExpr> exprs = new ArrayList<>();
        List<Column> columns = new ArrayList<>(schema.columns());
        for (int c = 0; c < schema.size(); c++) {
            exprs.add(new BoundExpr.ColumnRef(c, schema.column(c).name(), schema.column(c).type()));
        }
        NameAllocator names = new NameAllocator();
        schema.names().forEach(names::reserve);
        items.stream().filter(i -> i.name() != null).forEach(i -> names.reserve(i.name()));
        for (NamedExpr item : items) {
            BoundExpr e = bindExpr(item.expr(), schema, input.serialized());
            String name = item.name();
            if (name == null) {
                String derived = derivedName(item.expr());
                name = derived == null ? names.nextColumn() : derived;
            }
            int existing = indexOf(columns, name);
            if (existing >= 0) {
                exprs.set(existing, e);
                columns.set(existing, new Column(name, e.type()));
            } else {
                exprs.add(e);
                columns.add(new Column(name, e.type()));
            }
        }
        return new PlanNode.Project(input, exprs, new Schema(columns));
    }

    /** parse / parse-where: the pattern compiled once into a {@link PatternExtraction}. */
    private PlanNode parse(PlanNode input, TabularOperator.Parse parse) {
        List<PatternExtraction.Part> parts = new ArrayList<>();
        for (Object part : parse.parts()) {
            if (part instanceof String text) {
                parts.add(new PatternExtraction.Part(text, null, null));
            } else {
                TabularOperator.ParseColumn c = (TabularOperator.ParseColumn) part;
                KqlType type = c.type() == null ? KqlType.STRING : KqlType.byName(c.type()).orElseThrow();
                parts.add(new PatternExtraction.Part(null, c.name(), type));
            }
        }
        PatternExtraction extraction;
        try {
            extraction = PatternExtraction.of(parse.kind(), parse.flags(), parts);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw error("parse kind=regex: the pattern is no valid regex: " + e.getDescription(), parse.offset());
        }
        return extract(input, parse.source(), extraction, parse.dropUnmatched(), parse.offset());
    }

    private PlanNode parseKv(PlanNode input, TabularOperator.ParseKv parseKv) {
        List<Column> columns = new ArrayList<>();
        for (TabularOperator.ParseColumn c : parseKv.columns()) {
            columns.add(new Column(c.name(), KqlType.byName(c.type()).orElseThrow()));
        }
        Map<String, String> options = parseKv.options();
        if (options.containsKey("regex") || options.containsKey("escape") || options.containsKey("greedy")) {
            throw error("parse-kv with regex, escape or greedy is not supported by the embedded engine yet"
                    + " (only pair_delimiter, kv_delimiter and quote)", parseKv.offset());
        }
        if (!options.containsKey("pair_delimiter") || !options.containsKey("kv_delimiter")) {
            throw error("parse-kv needs with (pair_delimiter=..., kv_delimiter=...)", parseKv.offset());
        }
        TextExtraction extraction;
        try {
            extraction = new KeyValueExtraction(columns, options.get("pair_delimiter"), options.get("kv_delimiter"),
                    options.get("quote"));
        } catch (IllegalArgumentException e) {
            throw error(KustoException.reason(e), parseKv.offset());
        }
        return extract(input, parseKv.source(), extraction, false, parseKv.offset());
    }

    /** The text of {@code source} (tostring of it when it is not a string) read by {@code extraction}. */
    private PlanNode extract(PlanNode input, Expr source, TextExtraction extraction, boolean dropUnmatched,
            int offset) {
        Schema schema = input.schema();
        BoundExpr text = bindExpr(source, schema, input.serialized());
        if (text.type() != KqlType.STRING) {
            text = call("tostring", List.of(text), source.offset(), input.serialized());
        }
        List<Column> columns = new ArrayList<>(schema.columns());
        List<Column> added = extraction.columns();
        int[] targets = new int[added.size()];
        for (int c = 0; c < added.size(); c++) {
            Column column = added.get(c);
            int existing = indexOf(columns, column.name());
            for (int d = 0; d < c; d++) {
                if (added.get(d).name().equals(column.name())) {
                    throw error("column '" + column.name() + "' is extracted twice", offset);
                }
            }
            if (existing >= 0) {
                columns.set(existing, column);
                targets[c] = existing;
            } else {
                targets[c] = columns.size();
                columns.add(column);
            }
        }
        return new PlanNode.Extract(input, text, extraction, targets, dropUnmatched, new Schema(columns));
    }

    /**
     * search: the predicate, where a bare string (or number) in a boolean place means "some column has this
     * term" ({@code "a*"}: a prefix, {@code "*a"}: a suffix, {@code "*a*"}: contained); the result gets a
     * {@code $table} column first, naming the input.
     */
    private PlanNode search(PlanNode input, TabularOperator.Search search) {
        Expr predicate = searchTerms(search.predicate(), input.schema(), search.caseSensitive(), search.offset());
        BoundExpr bound = bindExpr(predicate, input.schema(), input.serialized());
        if (bound.type() != KqlType.BOOL) {
            throw error("search expects a bool predicate or terms, not " + bound.type().kustoName(),
                    search.predicate().offset());
        }
        PlanNode filtered = new PlanNode.Filter(input, bound);
        Schema schema = filtered.schema();
        List<BoundExpr> exprs = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        String tableName = input instanceof PlanNode.Scan scan ? scan.table().name() : "search_arg0";
        exprs.add(new BoundExpr.Constant(KqlType.STRING, tableName));
        columns.add(new Column("$table", KqlType.STRING));
        for (int c = 0; c < schema.size(); c++) {
            exprs.add(new BoundExpr.ColumnRef(c, schema.column(c).name(), schema.column(c).type()));
            columns.add(schema.column(c));
        }
        return new PlanNode.Project(filtered, exprs, new Schema(columns));
    }

    private Expr searchTerms(Expr e, Schema schema, boolean caseSensitive, int offset) {
        if (e instanceof Expr.Literal l && l.value() != null && l.type() != KqlType.BOOL) {
            String term = l.value() instanceof String s ? s : KqlValues.toKustoString(l.value());
            return anyColumn(schema, termOperator(term, caseSensitive), new Expr.Literal(KqlType.STRING,
                    stripWildcards(term), l.offset()), l.offset());
        }
        if (e instanceof Expr.Binary b && (b.op().equals("and") || b.op().equals("or"))) {
            return new Expr.Binary(b.op(), searchTerms(b.left(), schema, caseSensitive, offset),
                    searchTerms(b.right(), schema, caseSensitive, offset), b.offset());
        }
        if (e instanceof Expr.Call c && c.name().equals("not") && c.args().size() == 1) {
            return new Expr.Call("not", List.of(searchTerms(c.args().get(0), schema, caseSensitive, offset)),
                    c.offset());
        }
        return e;
    }

    private static String termOperator(String term, boolean caseSensitive) {
        boolean prefix = term.length() > 1 && term.endsWith("*");
        boolean suffix = term.length() > 1 && term.startsWith("*");
        String op = prefix && suffix ? "contains" : prefix ? "hasprefix" : suffix ? "hassuffix" : "has";
        return caseSensitive ? op + "_cs" : op;
    }

    private static String stripWildcards(String term) {
        String t = term.length() > 1 && term.endsWith("*") ? term.substring(0, term.length() - 1) : term;
        return t.length() > 1 && t.startsWith("*") ? t.substring(1) : t;
    }

    /**
     * {@code tostring(col) op right} for every column of {@code schema}, or-ed: {@code * has "x"}; and-ed for a
     * negated operator ({@code * !has "x"}: no column has it).
     */
    private static Expr anyColumn(Schema schema, String op, Expr right, int offset) {
        String combine = op.startsWith("!") ? "and" : "or";
        List<Expr> tests = new ArrayList<>();
        for (Column c : schema.columns()) {
            Expr col = new Expr.NameRef(c.name(), offset);
            Expr text = c.type() == KqlType.STRING ? col : new Expr.Call("tostring", List.of(col), offset);
            tests.add(new Expr.Binary(op, text, right, offset));
        }
        return tests.isEmpty() ? new Expr.Literal(KqlType.BOOL, false, offset)
                : Expr.Binary.associative(combine, tests, Collections.nCopies(tests.size() - 1, offset));
    }

    private static int indexOf(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
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

    /** Conversions an aggregate's automatic name looks through: {@code sum(toint(v))} is {@code sum_v}. */
    private static final Set<String> CONVERSIONS = Set.of("tostring", "toint", "tolong", "todouble", "toreal",
            "todecimal", "tobool", "toboolean", "todatetime", "totimespan", "toguid", "todynamic", "toobject");

    /** The name an aggregate takes from its argument: a column, or a column inside a conversion call. */
    private static String aggregateArgumentName(Expr e) {
        if (e instanceof Expr.Call c && c.args().size() == 1 && CONVERSIONS.contains(c.name())) {
            return aggregateArgumentName(c.args().get(0));
        }
        return derivedName(e);
    }

    /** A by-key's name: also through calls (bin(t, 1h) is t, tostring(tag) is tag). */
    private static String keyName(Expr e) {
        String direct = derivedName(e);
        if (direct != null) {
            return direct;
        }
        if (e instanceof Expr.Call c && !c.args().isEmpty()) {
            return keyName(c.args().get(0));
        }
        return null;
    }

    private long count(Expr e, String operator) {
        Object value = constant(e, new Schema(List.of()), operator + "'s row count");
        if (!(value instanceof Long || value instanceof Integer) || ((Number) value).longValue() < 0) {
            throw error(operator + " expects a non-negative integer", e.offset());
        }
        return ((Number) value).longValue();
    }

    private List<PlanNode.SortKey> sortKeys(List<SortKey> keys,
                                            PlanNode input) {
        List<PlanNode.SortKey> out = new ArrayList<>();
        for (var k : keys) {
            BoundExpr e = bindExpr(k.expr(), input.schema(), input.serialized());
            if (e.type() == KqlType.DYNAMIC) {
                throw error("cannot sort by a dynamic value; convert it first (tostring, tolong...)",
                        k.expr().offset());
            }
            out.add(new PlanNode.SortKey(e, k.ascending(), k.effectiveNullsFirst()));
        }
        return out;
    }

    /**
     * summarize: an item that is an expression over aggregates ({@code x = sum(a) * 2},
     * {@code (max(t) - min(t)) / 1h}) has each aggregate computed as a hidden column, and a projection over the
     * aggregated rows computes the expression.
     */
    private PlanNode summarize(PlanNode input, List<NamedExpr> aggregates, List<NamedExpr> by, int offset) {
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
                String hint = a.expr() instanceof Expr.Call c && functions.scalar(c.name()).isEmpty()
                        ? Suggestions.didYouMean(c.name(), functions.names()) : "";
                throw error("summarize expects an aggregation function call such as count(), sum(x), arg_max(x, *),"
                        + " or an expression over them" + hint, a.expr().offset());
            }
            flatIndex.add(-1);
            computed.add(rewritten);
        }
        List<int[]> spans = new ArrayList<>();
        PlanNode.Aggregate aggregate = summarizeCalls(input, flat, by, spans);
        if (computed.stream().allMatch(java.util.Objects::isNull)) {
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
                BoundExpr e = bindExpr(computed.get(i), aggSchema, false);
                String name = aggregates.get(i).name() != null ? aggregates.get(i).name() : names.nextColumn();
                exprs.add(e);
                columns.add(new Column(name, e.type()));
            }
        }
        return new PlanNode.Project(aggregate, exprs, new Schema(columns));
    }

    private static final String HIDDEN = "__aggregate_";

    private boolean isAggregateCall(Expr e) {
        return e instanceof Expr.Call call && functions.aggregate(call.name()).isPresent();
    }

    /** {@code e} with each aggregate call replaced by a reference to a hidden column added to {@code flat}. */
    private Expr hoistAggregates(Expr e, List<NamedExpr> flat) {
        if (isAggregateCall(e)) {
            String name = HIDDEN + flat.size();
            flat.add(new NamedExpr(name, e, e.offset()));
            return new Expr.NameRef(name, e.offset());
        }
        if (e instanceof Expr.Call c) {
            return new Expr.Call(c.name(), c.args().stream().map(a -> hoistAggregates(a, flat)).toList(), c.offset());
        }
        if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), hoistAggregates(b.left(), flat), hoistAggregates(b.right(), flat),
                    b.offset());
        }
        if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), hoistAggregates(u.operand(), flat), u.offset());
        }
        if (e instanceof Expr.ListOp l) {
            return new Expr.ListOp(l.op(), hoistAggregates(l.left(), flat),
                    l.items().stream().map(a -> hoistAggregates(a, flat)).toList(), l.offset());
        }
        if (e instanceof Expr.Between b) {
            return new Expr.Between(b.negated(), hoistAggregates(b.value(), flat), hoistAggregates(b.low(), flat),
                    hoistAggregates(b.high(), flat), b.offset());
        }
        if (e instanceof Expr.Member m) {
            return new Expr.Member(hoistAggregates(m.target(), flat), m.name(), m.offset());
        }
        if (e instanceof Expr.Index i) {
            return new Expr.Index(hoistAggregates(i.target(), flat), hoistAggregates(i.index(), flat), i.offset());
        }
        return e;
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
            BoundExpr e = bindExpr(k.expr(), schema, false);
            if (e.type() == KqlType.DYNAMIC) {
                throw error("cannot group by a dynamic value; convert it first (tostring, tolong...)",
                        k.expr().offset());
            }
            String name = k.name() != null ? k.name() : keyName(k.expr());
            name = name == null ? names.nextColumn() : names.unique(name);
            keys.add(e);
            columns.add(new Column(name, e.type()));
        }
        List<PlanNode.BoundAggregate> bound = new ArrayList<>();
        for (NamedExpr a : aggregates) {
            if (!(a.expr() instanceof Expr.Call call) || functions.aggregate(call.name()).isEmpty()) {
                String hint = a.expr() instanceof Expr.Call c && functions.scalar(c.name()).isEmpty()
                        ? Suggestions.didYouMean(c.name(), functions.names()) : "";
                throw error("summarize expects an aggregation function call such as count(), sum(x), arg_max(x, *)"
                        + hint + " (expressions over aggregates are not supported by the embedded engine yet)",
                        a.expr().offset());
            }
            AggregateFunction function = functions.aggregate(call.name()).orElseThrow();
            List<BoundExpr> args = new ArrayList<>();
            List<String> argNames = new ArrayList<>();
            for (Expr arg : call.args()) {
                if (arg instanceof Expr.Star star) {
                    if (!function.acceptsStar()) {
                        throw error(call.name() + " does not take '*'", star.offset());
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
                    args.add(bindExpr(arg, schema, false));
                    argNames.add(aggregateArgumentName(arg));
                }
            }
            AggregateBinding binding;
            try {
                binding = function.bind(args.stream().map(Binder::argument).toList());
            } catch (BindException e) {
                throw error(e.getMessage(), call.offset());
            }
            args = convert(args, binding.argumentTypes());
            List<String> outNames = a.name() != null && binding.outputTypes().size() == 1 ? List.of(a.name())
                    : function.outputNames(argNames, call.args().size() == args.size()
                            ? args.stream().map(Binder::argument).toList() : List.of());
            spans.add(new int[] {columns.size(), columns.size() + binding.outputTypes().size()});
            for (int i = 0; i < binding.outputTypes().size(); i++) {
                String n = a.name() != null && i == 0 ? a.name() : names.unique(outNames.get(i));
                if (a.name() != null && i == 0 && columns.stream().anyMatch(col -> col.name().equals(a.name()))) {
                    throw error("column '" + a.name() + "' is defined twice", a.offset());
                }
                columns.add(new Column(n, binding.outputTypes().get(i)));
            }
            bound.add(new PlanNode.BoundAggregate(call.name(), binding, args));
        }
        return new PlanNode.Aggregate(input, keys, bound, new Schema(columns));
    }

    /**
     * union: columns by name in order of appearance; {@code kind=inner} keeps only the columns every input has.
     * A name with different types in two inputs is refused, as the Kusto emulator does.
     */
    private PlanNode union(List<PlanNode> inputs, TabularOperator.UnionOptions options, int offset) {
        LinkedHashMap<String, KqlType> columns = new LinkedHashMap<>();
        for (PlanNode input : inputs) {
            for (Column c : input.schema().columns()) {
                KqlType existing = columns.putIfAbsent(c.name(), c.type());
                if (existing != null && existing != c.type()) {
                    throw error("union: column '" + c.name() + "' is " + existing.kustoName() + " in one input and "
                            + c.type().kustoName() + " in another", offset);
                }
            }
        }
        if (!options.outer()) {
            columns.keySet().removeIf(n -> inputs.stream().anyMatch(i -> i.schema().indexOf(n).isEmpty()));
        }
        List<Column> out = new ArrayList<>();
        if (options.withSource() != null) {
            out.add(new Column(options.withSource(), KqlType.STRING));
        }
        columns.forEach((n, t) -> out.add(new Column(n, t)));
        Schema schema = new Schema(out);
        List<PlanNode> projected = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            PlanNode input = inputs.get(i);
            List<BoundExpr> exprs = new ArrayList<>();
            if (options.withSource() != null) {
                exprs.add(new BoundExpr.Constant(KqlType.STRING, "union_arg" + i));
            }
            columns.forEach((n, t) -> exprs.add(input.schema().indexOf(n)
                    .<BoundExpr>map(c -> new BoundExpr.ColumnRef(c, n, t))
                    .orElse(new BoundExpr.Constant(t, t == KqlType.STRING ? "" : null))));
            projected.add(new PlanNode.Project(input, exprs, schema));
        }
        return new PlanNode.Union(projected, schema);
    }

    // ------------------------------------------------------------------ scalar

    private static Argument argument(BoundExpr e) {
        return e instanceof BoundExpr.Constant c ? new Argument(c.type(), true, c.value()) : Argument.of(e.type());
    }

    /** The value of a constant expression (range bounds, take counts). */
    Object constant(Expr e, Schema schema, String what) {
        BoundExpr bound = bindExpr(e, schema, false);
        if (!(bound instanceof BoundExpr.Constant c)) {
            throw error(what + " must be a constant", e.offset());
        }
        return c.value();
    }

    BoundExpr bindExpr(Expr e, Schema schema, boolean serialized) {
        if (e instanceof Expr.Literal l) {
            return new BoundExpr.Constant(l.type(), l.value());
        }
        if (e instanceof Expr.NameRef n) {
            return resolveName(n, schema);
        }
        if (e instanceof Expr.SideRef s) {
            throw error("$left/$right may only be used in join conditions", s.offset());
        }
        if (e instanceof Expr.Star s) {
            throw error("'*' is not valid here", s.offset());
        }
        if (e instanceof Expr.Call c) {
            if (functions.isOperator(c.name())) {
                throw error("'" + c.name() + "' is an operator, not a function: write a " + c.name() + " b",
                        c.offset());
            }
            if (functions.aggregate(c.name()).isPresent() && functions.scalar(c.name()).isEmpty()) {
                throw error("the aggregation function " + c.name() + "() may only be used in summarize", c.offset());
            }
            List<BoundExpr> args = new ArrayList<>();
            for (Expr a : c.args()) {
                args.add(bindExpr(a, schema, serialized));
            }
            return call(c.name(), args, c.offset(), serialized);
        }
        if (e instanceof Expr.Binary b && b.left() instanceof Expr.Star && !b.op().equals("and")
                && !b.op().equals("or")) {
            return bindExpr(anyColumn(schema, b.op(), b.right(), b.offset()), schema, serialized);
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
        PlanNode plan = bindTabular(t.query());
        if (plan.schema().size() == 0) {
            throw error("toscalar expects a query with at least one column", t.offset());
        }
        KqlType type = plan.schema().column(0).type();
        Object value = firstValue(runner.apply(plan));
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
        var index = schema.indexOf(n.name());
        if (index.isPresent()) {
            Column c = schema.column(index.get());
            return new BoundExpr.ColumnRef(index.get(), c.name(), c.type());
        }
        BoundExpr let = scalarLets.get(n.name());
        if (let != null) {
            return let;
        }
        throw unknownColumn(n.name(), n.offset(), schema);
    }

    KustoSyntaxException unknownColumn(String name, int offset, Schema schema) {
        List<String> candidates = new ArrayList<>(schema.names());
        candidates.addAll(scalarLets.keySet());
        return error("unknown column '" + name + "'" + Suggestions.didYouMean(name, candidates) + " (columns: "
                + (schema.size() == 0 ? "none" : String.join(", ", schema.names())) + ")", offset);
    }

    private int columnIndex(String name, Schema schema, int offset) {
        return schema.indexOf(name).orElseThrow(() -> unknownColumn(name, offset, schema));
    }

    private BoundExpr call(String name, List<BoundExpr> args, int offset, boolean serialized) {
        ScalarFunction function = functions.scalar(name).orElseThrow(() -> error("unknown function '" + name + "'"
                + Suggestions.didYouMean(name, functions.names()), offset));
        if (function instanceof SerialFunction && !serialized) {
            throw error(name + "() needs serialized rows: put serialize, sort or top before it", offset);
        }
        ScalarBinding binding;
        try {
            binding = function.bind(args.stream().map(Binder::argument).toList());
        } catch (BindException e) {
            throw error(e.getMessage(), offset);
        }
        List<BoundExpr> converted = convert(args, binding.argumentTypes());
        BoundExpr.Call call = new BoundExpr.Call(name, binding.kernel(), converted, binding.type(),
                binding.deterministic());
        if (binding.deterministic() && converted.stream().allMatch(a -> a instanceof BoundExpr.Constant)) {
            return fold(call);
        }
        return call;
    }

    private static List<BoundExpr> convert(List<BoundExpr> args, List<KqlType> types) {
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

    KustoSyntaxException error(String problem, int offset) {
        return new KustoSyntaxException(problem, source, offset);
    }
}

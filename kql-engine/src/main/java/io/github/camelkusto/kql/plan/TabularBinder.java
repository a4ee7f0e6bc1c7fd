package io.github.camelkusto.kql.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.PatternSyntaxException;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.Suggestions;
import io.github.camelkusto.kql.catalog.PartitionFilter;
import io.github.camelkusto.kql.catalog.Table;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.syntax.KustoSyntaxException;
import io.github.camelkusto.kql.syntax.ast.Expr;
import io.github.camelkusto.kql.syntax.ast.NamedExpr;
import io.github.camelkusto.kql.syntax.ast.SortKey;
import io.github.camelkusto.kql.syntax.ast.TabularExpression;
import io.github.camelkusto.kql.syntax.ast.TabularOperator;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.Ticks;

/**
 * Tabular binding: table references, literals, range, print, union and each tabular operator, as {@link PlanNode}s.
 * Expressions go to {@link ExpressionBinder}, summarize and its kin to {@link AggregateBinder}; join, make-series,
 * top-nested and scan have helpers of their own ({@link JoinBinding}, {@link SeriesBinding}, {@link ScanBinding}).
 */
final class TabularBinder {
    private final Binder binder;

    TabularBinder(Binder binder) {
        this.binder = binder;
    }

    PlanNode bindTabular(TabularExpression e) {
        return bindTabular(e, List.of());
    }

    /** @param wheres the predicates of the {@code where}s right after {@code e}: what an external table may prune */
    private PlanNode bindTabular(TabularExpression e, List<Expr> wheres) {
        if (e instanceof TabularExpression.TableReference ref) {
            return resolveTable(ref.name(), ref.offset());
        }
        if (e instanceof TabularExpression.ExternalTableReference ref) {
            PartitionPruning pruning = new PartitionPruning(binder.expressions, wheres);
            return new PlanNode.Scan(binder.database.externalTable(ref.name(),
                    pruning.prunes() ? pruning : PartitionFilter.NONE).orElseThrow(
                    () -> new KustoSyntaxException("unknown external table '" + ref.name() + "'", binder.source,
                            ref.offset())));
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
            return new UnionBinding(binder).source(union);
        }
        if (e instanceof TabularExpression.FunctionCall call) {
            return binder.calls.tabularCall(function(call.name(), call.offset()), call.args(), call.offset());
        }
        if (e instanceof TabularExpression.TablePattern pattern) {
            return new UnionBinding(binder).source(new TabularExpression.Union(TabularOperator.UnionOptions.DEFAULT,
                    List.of(pattern), pattern.offset()));
        }
        if (e instanceof TabularExpression.ApplyRows rows) {
            if (binder.applyRows == null) {
                throw binder.error("the rows of mv-apply exist only in its sub-query", rows.offset());
            }
            return binder.applyRows;
        }
        TabularExpression.Pipe pipe = (TabularExpression.Pipe) e;
        List<Expr> inputWheres = List.of();
        if (pipe.operator() instanceof TabularOperator.Where where) {
            inputWheres = new ArrayList<>(wheres);
            inputWheres.add(where.predicate());
        }
        return bindOperator(bindTabular(pipe.input(), inputWheres), pipe.operator());
    }

    private PlanNode resolveTable(String name, int offset) {
        PlanNode let = binder.tabularLets.get(name);
        if (let != null) {
            return let;
        }
        var function = binder.userFunctions.get(name);
        if (function != null) {
            return binder.calls.tabularCall(function, List.of(), offset); // a tabular function called by name
        }
        Table table = binder.database.table(name).orElse(null);
        if (table != null) {
            return new PlanNode.Scan(table);
        }
        Collection<String> names = new TreeSet<>(binder.database.tableNames());
        names.addAll(binder.tabularLets.keySet());
        throw new KustoSyntaxException("unknown table '" + name + "'" + Suggestions.didYouMean(name, names)
                + " (tables in database " + binder.database.name() + ": "
                + (names.isEmpty() ? "none" : String.join(", ", names)) + ")", binder.source, offset);
    }

    private PlanNode range(TabularExpression.Range range) {
        Schema none = new Schema(List.of());
        Object from = binder.expressions.constant(range.from(), none, "range's start");
        Object to = binder.expressions.constant(range.to(), none, "range's end");
        Object step = binder.expressions.constant(range.step(), none, "range's step");
        KqlType fromType = binder.expressions.bindExpr(range.from(), none, false).type();
        KqlType stepType = binder.expressions.bindExpr(range.step(), none, false).type();
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
                && binder.expressions.bindExpr(range.to(), none, false).type() == fromType) {
            long f = ticks(from);
            long t = ticks(to);
            long s = ticks(step);
            checkStep(s == 0, range);
            return new PlanNode.Range(Schema.of(new Column(range.column(), fromType)), fromType, 0, 0, f, s,
                    rangeCount(f, t, s));
        }
        throw new KustoSyntaxException("range expects numbers, or datetimes/timespans with a timespan step, not "
                + fromType.kustoName() + " and a " + stepType.kustoName() + " step", binder.source, range.offset());
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
            throw new KustoSyntaxException("range step must not be 0", binder.source, range.step().offset());
        }
    }

    private PlanNode bindOperator(PlanNode input, TabularOperator op) {
        Schema schema = input.schema();
        if (op instanceof TabularOperator.Where where) {
            BoundExpr predicate = binder.expressions.bindExpr(where.predicate(), schema, input.serialized());
            if (predicate.type() != KqlType.BOOL) {
                throw binder.error("where expects a bool predicate, not " + predicate.type().kustoName(),
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
            for (int k = 0; k < reorder.columns().size(); k++) {
                TabularOperator.NamePattern p = reorder.columns().get(k);
                checkPatternMatches(p, schema);
                List<Integer> matched = new ArrayList<>();
                for (int c = 0; c < schema.size(); c++) {
                    if (p.matches(schema.column(c).name()) && !order.contains(c)) {
                        matched.add(c);
                    }
                }
                String by = reorder.orders().get(k);
                if (by != null) {
                    Comparator<Integer> byName = by.startsWith("granny")
                            ? (a, b) -> NaturalOrder.compare(schema.column(a).name(), schema.column(b).name())
                            : Comparator.comparing(c -> schema.column(c).name());
                    matched.sort(by.endsWith("desc") ? byName.reversed() : byName);
                }
                order.addAll(matched);
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
                names.put(binder.expressions.columnIndex(r.oldName(), schema, r.offset()), r.newName());
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
            return binder.aggregates.summarize(input, summarize.aggregates(), summarize.by(), summarize.offset());
        }
        if (op instanceof TabularOperator.Distinct distinct) {
            List<NamedExpr> by = distinct.columns();
            if (by.isEmpty()) {
                by = schema.columns().stream().map(c -> new NamedExpr(null, new Expr.NameRef(c.name(),
                        distinct.offset()), distinct.offset())).toList();
            }
            return binder.aggregates.summarize(input, List.of(), by, distinct.offset());
        }
        if (op instanceof TabularOperator.Count count) {
            return binder.aggregates.summarize(input, List.of(new NamedExpr("Count", new Expr.Call("count", List.of(),
                    count.offset()),
                    count.offset())), List.of(), count.offset());
        }
        if (op instanceof TabularOperator.Union union) {
            return new UnionBinding(binder).operator(input, union);
        }
        if (op instanceof TabularOperator.Invoke invoke) {
            List<Object> args = new ArrayList<>();
            args.add(new TabularExpression.ApplyRows(invoke.offset()));
            args.addAll(invoke.args());
            PlanNode saved = binder.applyRows;
            binder.applyRows = input;
            try {
                return binder.calls.tabularCall(function(invoke.function(), invoke.offset()), args, invoke.offset());
            } finally {
                binder.applyRows = saved;
            }
        }
        if (op instanceof TabularOperator.Partition partition) {
            return PartitionBinding.partition(binder, input, partition);
        }
        if (op instanceof TabularOperator.As as) {
            binder.tabularLets.put(as.name(), input);
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
            return MvBinding.mvExpand(binder, input, mvExpand);
        }
        if (op instanceof TabularOperator.Evaluate evaluate) {
            return new PluginBinding(binder).evaluate(input, evaluate);
        }
        if (op instanceof TabularOperator.GetSchema) {
            return getSchema(schema);
        }
        if (op instanceof TabularOperator.MvApply mvApply) {
            return MvBinding.mvApply(binder, input, mvApply);
        }
        if (op instanceof TabularOperator.Join join) {
            return JoinBinding.join(binder, input, bindTabular(join.right()), join);
        }
        if (op instanceof TabularOperator.Lookup lookup) {
            return JoinBinding.lookup(binder, input, bindTabular(lookup.right()), lookup);
        }
        if (op instanceof TabularOperator.MakeSeries makeSeries) {
            return SeriesBinding.makeSeries(binder, input, makeSeries);
        }
        if (op instanceof TabularOperator.TopNested topNested) {
            return SeriesBinding.topNested(binder, input, topNested);
        }
        if (op instanceof TabularOperator.Scan scan) {
            return ScanBinding.scan(binder, input, scan);
        }

        String name = op instanceof TabularOperator.MvExpand
                ? "mv-expand" : op instanceof TabularOperator.Parse ? "parse" : op instanceof TabularOperator.GetSchema
                ? "getschema" : op.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        throw binder.error("the '" + name + "' operator is not supported by the embedded engine yet", op.offset());
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

    private void checkPatternMatches(TabularOperator.NamePattern p, Schema schema) {
        if (!p.isWildcard() && schema.indexOf(p.pattern()).isEmpty()) {
            throw binder.expressions.unknownColumn(p.pattern(), p.offset(), schema);
        }
    }

    /** The input's columns {@code indexes}, in that order, renamed where {@code names} says. */
    PlanNode select(PlanNode input, List<Integer> indexes, Map<Integer, String> names) {
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
            BoundExpr e = binder.expressions.bindExpr(item.expr(), schema, input.serialized());
            String name = item.name();
            if (name == null) {
                String derived = print ? "print_" + k : ExpressionBinder.derivedName(item.expr());
                name = derived == null ? names.nextColumn() : names.unique(derived);
            } else if (columns.stream().anyMatch(c -> c.name().equals(item.name()))) {
                throw binder.error("column '" + item.name() + "' is projected twice", item.offset());
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
            BoundExpr e = binder.expressions.bindExpr(item.expr(), schema, input.serialized());
            String name = item.name();
            if (name == null) {
                String derived = ExpressionBinder.derivedName(item.expr());
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
        } catch (PatternSyntaxException e) {
            throw binder.error("parse kind=regex: the pattern is no valid regex: " + e.getDescription(),
                    parse.offset());
        }
        return extract(input, parse.source(), extraction, parse.dropUnmatched(), parse.offset());
    }

    private PlanNode parseKv(PlanNode input, TabularOperator.ParseKv parseKv) {
        List<Column> columns = new ArrayList<>();
        for (TabularOperator.ParseColumn c : parseKv.columns()) {
            columns.add(new Column(c.name(), KqlType.byName(c.type()).orElseThrow()));
        }
        Map<String, String> options = parseKv.options();
        if (options.containsKey("regex") && (options.containsKey("pair_delimiter")
                || options.containsKey("kv_delimiter"))) {
            throw binder.error("parse-kv takes either regex or delimiters, not both", parseKv.offset());
        }
        TextExtraction extraction;
        try {
            extraction = new KeyValueExtraction(columns, options.get("pair_delimiter"), options.get("kv_delimiter"),
                    repeated(options.get("quote")), repeated(options.get("escape")),
                    "true".equalsIgnoreCase(options.get("greedy")), options.get("regex"));
        } catch (IllegalArgumentException e) {
            throw binder.error(KustoException.reason(e), parseKv.offset());
        }
        return extract(input, parseKv.source(), extraction, false, parseKv.offset());
    }

    /** The values of a repeatable parse-kv option (kept NUL-separated by the parser), or null. */
    private static List<String> repeated(String values) {
        return values == null ? null : List.of(values.split("\0", -1));
    }

    /** The text of {@code source} (tostring of it when it is not a string) read by {@code extraction}. */
    private PlanNode extract(PlanNode input, Expr source, TextExtraction extraction, boolean dropUnmatched,
            int offset) {
        Schema schema = input.schema();
        BoundExpr text = binder.expressions.bindExpr(source, schema, input.serialized());
        if (text.type() != KqlType.STRING) {
            text = binder.expressions.call("tostring", List.of(text), source.offset(), input.serialized());
        }
        List<Column> columns = new ArrayList<>(schema.columns());
        List<Column> added = extraction.columns();
        int[] targets = new int[added.size()];
        for (int c = 0; c < added.size(); c++) {
            Column column = added.get(c);
            int existing = indexOf(columns, column.name());
            for (int d = 0; d < c; d++) {
                if (added.get(d).name().equals(column.name())) {
                    throw binder.error("column '" + column.name() + "' is extracted twice", offset);
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
     * {@code $table} column first, naming the input (search as a source: the table each row came from).
     */
    private PlanNode search(PlanNode input, TabularOperator.Search search) {
        Expr predicate = SearchTerms.searchTerms(search.predicate(), input.schema(), search.caseSensitive(),
                search.offset());
        BoundExpr bound = binder.expressions.bindExpr(predicate, input.schema(), input.serialized());
        if (bound.type() != KqlType.BOOL) {
            throw binder.error("search expects a bool predicate or terms, not " + bound.type().kustoName(),
                    search.predicate().offset());
        }
        PlanNode filtered = new PlanNode.Filter(input, bound);
        Schema schema = filtered.schema();
        if (schema.indexOf("$table").isPresent()) {
            return filtered; // search over several tables: the union already names each row's table
        }
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

    static int indexOf(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    long count(Expr e, String operator) {
        Object value = binder.expressions.constant(e, new Schema(List.of()), operator + "'s row count");
        if (!(value instanceof Long || value instanceof Integer) || ((Number) value).longValue() < 0) {
            throw binder.error(operator + " expects a non-negative integer", e.offset());
        }
        return ((Number) value).longValue();
    }

    private List<PlanNode.SortKey> sortKeys(List<SortKey> keys,
                                            PlanNode input) {
        List<PlanNode.SortKey> out = new ArrayList<>();
        for (var k : keys) {
            BoundExpr e = binder.expressions.bindExpr(k.expr(), input.schema(), input.serialized());
            if (e.type() == KqlType.DYNAMIC) {
                throw binder.error("cannot sort by a dynamic value; convert it first (tostring, tolong...)",
                        k.expr().offset());
            }
            out.add(new PlanNode.SortKey(e, k.ascending(), k.effectiveNullsFirst()));
        }
        return out;
    }

    private io.github.camelkusto.kql.syntax.ast.Query.FunctionLet function(String name, int offset) {
        var function = binder.userFunctions.get(name);
        if (function == null) {
            throw binder.error("unknown function '" + name + "'" + Suggestions.didYouMean(name,
                    binder.userFunctions.keySet()), offset);
        }
        return function;
    }
}

package io.github.camelkusto.kql.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.syntax.KustoSyntaxException;
import io.github.camelkusto.kql.syntax.ast.TabularExpression;
import io.github.camelkusto.kql.syntax.ast.TabularOperator;
import io.github.camelkusto.kql.types.KqlType;

/**
 * union, as ADX documents it: legs are tables, tabular expressions or wildcard patterns ({@code union T*}: every
 * table and view whose name matches, in name order); {@code withsource=C} names each row's leg (a table's or
 * view's name, else {@code union_argN} as Kusto names other legs); {@code isfuzzy=true} leaves out the legs that
 * do not resolve (an error only when none does). Columns go by name in order of appearance; a name that has
 * several types becomes one column per type, {@code name_type} (made unique against the other names);
 * {@code kind=inner} keeps only the columns every leg has.
 */
final class UnionBinding {
    private final Binder binder;
    private final List<PlanNode> plans = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private boolean fuzzy;
    private KustoSyntaxException firstFailure;

    UnionBinding(Binder binder) {
        this.binder = binder;
    }

    PlanNode source(TabularExpression.Union union) {
        fuzzy = union.options().fuzzy();
        union.tables().forEach(this::add);
        return bind(union.options(), union.offset());
    }

    PlanNode operator(PlanNode input, TabularOperator.Union union) {
        fuzzy = union.options().fuzzy();
        plans.add(input);
        names.add(input instanceof PlanNode.Scan scan ? scan.table().name() : "union_arg0");
        union.tables().forEach(this::add);
        return bind(union.options(), union.offset());
    }

    private PlanNode bind(TabularOperator.UnionOptions options, int offset) {
        if (plans.isEmpty()) {
            throw firstFailure != null ? firstFailure : binder.error("union: no leg resolves", offset);
        }
        return union(binder, plans, names, options, offset);
    }

    private void add(TabularExpression t) {
        if (t instanceof TabularExpression.TablePattern pattern) {
            TabularOperator.NamePattern matcher = new TabularOperator.NamePattern(pattern.pattern(), pattern.offset());
            Set<String> candidates = new TreeSet<>(binder.database.tableNames());
            binder.userFunctions.values().stream().filter(f -> f.view()).forEach(f -> candidates.add(f.name()));
            List<String> matching = candidates.stream().filter(matcher::matches).toList();
            if (matching.isEmpty()) {
                fail(binder.error("no table matches '" + pattern.pattern() + "' (tables in database "
                        + binder.database.name() + ": " + String.join(", ", new TreeSet<>(binder.database
                        .tableNames())) + ")", pattern.offset()));
                return;
            }
            matching.forEach(name -> add(new TabularExpression.TableReference(name, pattern.offset())));
            return;
        }
        PlanNode plan;
        try {
            plan = binder.tabular.bindTabular(t);
        } catch (KustoSyntaxException e) {
            fail(e);
            return;
        }
        boolean named = t instanceof TabularExpression.TableReference ref && (plan instanceof PlanNode.Scan
                || binder.userFunctions.containsKey(ref.name()) && !binder.tabularLets.containsKey(ref.name()));
        String asName = t instanceof TabularExpression.Pipe p && p.operator() instanceof TabularOperator.As as
                ? as.name() : null; // a leg ending in '| as T1' is named T1 (the as page's union example)
        names.add(named ? ((TabularExpression.TableReference) t).name()
                : asName != null ? asName : "union_arg" + plans.size());
        plans.add(plan);
    }

    private void fail(KustoSyntaxException e) {
        if (!fuzzy) {
            throw e;
        }
        if (firstFailure == null) {
            firstFailure = e;
        }
    }

    /** The union of {@code inputs}; {@code sourceNames} are what {@code withsource} shows for each. */
    static PlanNode union(Binder binder, List<PlanNode> inputs, List<String> sourceNames,
            TabularOperator.UnionOptions options, int offset) {
        Map<String, List<KqlType>> typesByName = new LinkedHashMap<>();
        List<Column> pairs = new ArrayList<>(); // distinct (name, type) in order of appearance
        for (PlanNode input : inputs) {
            for (Column c : input.schema().columns()) {
                List<KqlType> types = typesByName.computeIfAbsent(c.name(), n -> new ArrayList<>());
                if (!types.contains(c.type())) {
                    types.add(c.type());
                    pairs.add(c);
                }
            }
        }
        if (!options.outer()) {
            pairs.removeIf(p -> inputs.stream().anyMatch(i -> i.schema().indexOf(p.name()).isEmpty()
                    || i.schema().column(i.schema().indexOf(p.name()).get()).type() != p.type()));
        }
        Set<String> taken = new HashSet<>();
        typesByName.forEach((name, types) -> {
            if (types.size() == 1) {
                taken.add(name);
            }
        });
        List<Column> out = new ArrayList<>();
        if (options.withSource() != null) {
            out.add(new Column(options.withSource(), KqlType.STRING));
        }
        for (Column p : pairs) {
            String name = p.name();
            if (typesByName.get(name).size() > 1) {
                String base = name + "_" + p.type().kustoName();
                name = base;
                for (int k = 1; taken.contains(name); k++) {
                    name = base + k;
                }
                taken.add(name);
            }
            out.add(new Column(name, p.type()));
        }
        Schema schema = new Schema(out);
        List<PlanNode> projected = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Schema in = inputs.get(i).schema();
            List<BoundExpr> exprs = new ArrayList<>();
            if (options.withSource() != null) {
                exprs.add(new BoundExpr.Constant(KqlType.STRING, sourceNames.get(i)));
            }
            for (Column p : pairs) {
                var index = in.indexOf(p.name());
                KqlType t = p.type();
                exprs.add(index.isPresent() && in.column(index.get()).type() == t
                        ? new BoundExpr.ColumnRef(index.get(), p.name(), t)
                        : new BoundExpr.Constant(t, t == KqlType.STRING ? "" : null));
            }
            projected.add(new PlanNode.Project(inputs.get(i), exprs, schema));
        }
        return new PlanNode.Union(projected, schema);
    }
}

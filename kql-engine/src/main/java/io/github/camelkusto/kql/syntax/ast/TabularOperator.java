package io.github.camelkusto.kql.syntax.ast;

import java.util.List;

/** An operator applied to a table after {@code |}. {@code offset} is where the operator's name is. */
public sealed interface TabularOperator {
    int offset();

    record Where(Expr predicate, int offset) implements TabularOperator {
    }

    record Project(List<NamedExpr> columns, int offset) implements TabularOperator {
        public Project {
            columns = List.copyOf(columns);
        }
    }

    /** A column name, or a wildcard pattern such as {@code b*} ({@code *} matches any run of characters). */
    record NamePattern(String pattern, int offset) {
        public boolean isWildcard() {
            return pattern.contains("*");
        }

        public boolean matches(String name) {
            return isWildcard() ? name.matches(java.util.regex.Pattern.quote(pattern).replace("*", "\\E.*\\Q"))
                    : name.equals(pattern);
        }
    }

    record ProjectAway(List<NamePattern> columns, int offset) implements TabularOperator {
        public ProjectAway {
            columns = List.copyOf(columns);
        }
    }

    /** {@code project-keep a, b*}: the matching columns, in table order. */
    record ProjectKeep(List<NamePattern> columns, int offset) implements TabularOperator {
        public ProjectKeep {
            columns = List.copyOf(columns);
        }
    }

    record Rename(String newName, String oldName, int offset) {
    }

    record ProjectRename(List<Rename> renames, int offset) implements TabularOperator {
        public ProjectRename {
            renames = List.copyOf(renames);
        }
    }

    /**
     * project-reorder; {@code orders} has, for each pattern, how the columns it matches are ordered among
     * themselves: {@code asc}, {@code desc}, {@code granny-asc}, {@code granny-desc} (by name), or null (as they are).
     */
    record ProjectReorder(List<NamePattern> columns, List<String> orders, int offset) implements TabularOperator {
        public ProjectReorder {
            columns = List.copyOf(columns);
            orders = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(orders));
        }
    }

    record Extend(List<NamedExpr> columns, int offset) implements TabularOperator {
        public Extend {
            columns = List.copyOf(columns);
        }
    }

    record Summarize(List<NamedExpr> aggregates, List<NamedExpr> by, int offset) implements TabularOperator {
        public Summarize {
            aggregates = List.copyOf(aggregates);
            by = List.copyOf(by);
        }
    }

    /** {@code take N} (alias {@code limit N}): at most N rows, any N. */
    record Take(Expr count, int offset) implements TabularOperator {
    }

    record Sort(List<SortKey> keys, int offset) implements TabularOperator {
        public Sort {
            keys = List.copyOf(keys);
        }
    }

    record Top(Expr count, List<SortKey> keys, int offset) implements TabularOperator {
        public Top {
            keys = List.copyOf(keys);
        }
    }

    /** {@code distinct *} (empty {@code columns}) or {@code distinct a, b}. */
    record Distinct(List<NamedExpr> columns, int offset) implements TabularOperator {
        public Distinct {
            columns = List.copyOf(columns);
        }
    }

    record Count(int offset) implements TabularOperator {
    }

    /**
     * Options of union: {@code kind=inner|outer} (outer by default), {@code withsource=Column} (or null),
     * {@code isfuzzy=true} (legs that do not resolve are left out).
     */
    record UnionOptions(boolean outer, String withSource, boolean fuzzy) {
        public static final UnionOptions DEFAULT = new UnionOptions(true, null, false);
    }

    /** {@code T | union [options] T2, ...}: the input is the first table. */
    record Union(UnionOptions options, List<TabularExpression> tables, int offset) implements TabularOperator {
        public Union {
            tables = List.copyOf(tables);
        }
    }

    /** A join key: {@code on col} (same name both sides) or {@code $left.a == $right.b}. */
    record JoinKey(String left, String right, int offset) {
    }

    /** {@code join kind=K (right) on keys}; {@code kind} is lower case, innerunique by default. */
    record Join(String kind, TabularExpression right, List<JoinKey> keys, int offset) implements TabularOperator {
        public Join {
            keys = List.copyOf(keys);
        }
    }

    /** {@code lookup kind=K (right) on keys}; {@code kind} is leftouter (the default) or inner. */
    record Lookup(String kind, TabularExpression right, List<JoinKey> keys, int offset) implements TabularOperator {
        public Lookup {
            keys = List.copyOf(keys);
        }
    }

    /**
     * {@code mv-expand [bagexpansion=bag|array] [with_itemindex=I] [name =] expr [to typeof(T)], ... [limit N]};
     * {@code toTypes} holds the type name of each column, or null.
     */
    record MvExpand(List<NamedExpr> columns, List<String> toTypes, boolean bagAsArray, String itemIndex, Long limit,
                    int offset) implements TabularOperator {
        public MvExpand {
            columns = List.copyOf(columns);
            toTypes = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(toTypes));
        }
    }

    /**
     * {@code parse [kind=simple|regex|relaxed] [flags=F] expr with [*] "text" col [: type] "text" ... [*]}:
     * {@code parts} alternate literal text (String) and captured columns ({@link ParseColumn}); {@code *} is a
     * {@link ParseColumn} without a name. {@code kind} is lower case; {@code flags} the regex flags or null.
     * {@code parse-where} ({@code dropUnmatched}) keeps only the rows that match.
     */
    record Parse(Expr source, List<Object> parts, String kind, String flags, boolean dropUnmatched, int offset)
            implements TabularOperator {
        public Parse {
            parts = List.copyOf(parts);
        }
    }

    /**
     * {@code parse-kv expr as (key:type, ...) with (pair_delimiter=';', kv_delimiter='=', quote='"', ...)}:
     * {@code options} by lower-case name, values as written (quotes removed).
     */
    record ParseKv(Expr source, List<ParseColumn> columns, java.util.Map<String, String> options, int offset)
            implements TabularOperator {
        public ParseKv {
            columns = List.copyOf(columns);
            options = java.util.Map.copyOf(options);
        }
    }

    /**
     * {@code search [kind=case_sensitive] predicate}: a bare string in the predicate ({@code "err"}, {@code "a*"})
     * matches rows where any column has that term.
     */
    record Search(boolean caseSensitive, Expr predicate, int offset) implements TabularOperator {
        /** The call a predicate's {@code col:"term"} is parsed to: a term restricted to one column. */
        public static final String COLUMN_TERM = "$search_column_term";

    }

    record ParseColumn(String name, String type, int offset) {
    }

    record As(String name, int offset) implements TabularOperator {
    }

    /** {@code serialize [name = expr, ...]}. */
    record Serialize(List<NamedExpr> columns, int offset) implements TabularOperator {
        public Serialize {
            columns = List.copyOf(columns);
        }
    }

    /** One aggregation of make-series with its {@code default = v} (null: Kusto's default, 0). */
    record SeriesAggregate(NamedExpr aggregate, Expr defaultValue) {
    }

    /**
     * {@code make-series agg [default = v], ... on axis [from a] [to b] step s [by keys]}; {@code from}/{@code to}
     * are null when omitted.
     */
    record MakeSeries(List<SeriesAggregate> aggregates, Expr axis, Expr from, Expr to, Expr step, List<NamedExpr> by,
                      boolean nonempty, int offset) implements TabularOperator {
        public MakeSeries {
            aggregates = List.copyOf(aggregates);
            by = List.copyOf(by);
        }
    }

    /** One level of top-nested: {@code [N] of key by [name =] aggregate [asc|desc]}; {@code count} null: all. */
    record TopNestedLevel(Expr count, NamedExpr key, NamedExpr aggregate, boolean ascending, int offset) {
    }

    record TopNested(List<TopNestedLevel> levels, int offset) implements TabularOperator {
        public TopNested {
            levels = List.copyOf(levels);
        }
    }

    /** {@code name: type = default} of scan's declare clause ({@code defaultValue} null: a null default). */
    record ScanVariable(String name, String type, Expr defaultValue, int offset) {
    }

    /** {@code step name [optional] [output = all|last|none]: predicate => var = expr, ...;} ({@code output} as written). */
    record ScanStep(String name, boolean optional, String output, Expr predicate, List<NamedExpr> assignments,
                    int offset) {
        public ScanStep {
            assignments = List.copyOf(assignments);
        }
    }

    /** {@code scan [with_match_id = Id] [declare (...)] with (steps)}; {@code matchId} null when not asked. */
    record Scan(String matchId, List<ScanVariable> declared, List<ScanStep> steps, int offset)
            implements TabularOperator {
        public Scan {
            declared = List.copyOf(declared);
            steps = List.copyOf(steps);
        }
    }

    record GetSchema(int offset) implements TabularOperator {
    }

    /**
     * {@code evaluate plugin(args) [: ([*,] col:type, ...)]}: {@code plugin} as written; {@code outputSchema} is
     * the declared output schema, or null; {@code keepInputColumns} when it starts with {@code *}.
     */
    record Evaluate(String plugin, List<Expr> args, List<io.github.camelkusto.kql.data.Column> outputSchema,
                    boolean keepInputColumns, int offset) implements TabularOperator {
        public Evaluate {
            args = List.copyOf(args);
            outputSchema = outputSchema == null ? null : List.copyOf(outputSchema);
        }
    }

    /**
     * {@code mv-apply [name =] expr [to typeof(T)], ... on (subquery)}: for each input row, {@code subquery} runs
     * over the rows {@code expansion} makes of it; {@code subquery} starts at a {@link TabularExpression.ApplyRows}.
     */
    record MvApply(MvExpand expansion, TabularExpression subquery, int offset) implements TabularOperator {
    }

    /**
     * {@code partition [hint.strategy=native|shuffle|legacy] by column (subquery)}: {@code subquery} starts at a
     * {@link TabularExpression.ApplyRows} (the rows of one key); or {@code { subquery with its own source }}
     * ({@code withSource}), legacy only, where the key column's name is the key's value. {@code strategy} is lower
     * case, legacy when not given.
     */
    record Partition(String strategy, String column, TabularExpression subquery, boolean withSource, int offset)
            implements TabularOperator {
    }

    /** {@code invoke f(args)}: the user-defined tabular function {@code f} with the input as its first argument. */
    record Invoke(String function, List<Object> args, int offset) implements TabularOperator {
        public Invoke {
            args = List.copyOf(args);
        }
    }
}

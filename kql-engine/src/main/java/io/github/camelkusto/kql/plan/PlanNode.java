package io.github.camelkusto.kql.plan;

import java.util.List;

import io.github.camelkusto.kql.catalog.Table;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.functions.AggregateBinding;
import io.github.camelkusto.kql.types.KqlType;

/**
 * A bound query: a tree of relational steps whose schemas are known. The exec package runs it; binding never
 * reads a row. {@link #serialized()} says whether the rows have an order that row_number() may rely on.
 */
public sealed interface PlanNode {
    Schema schema();

    default boolean serialized() {
        return false;
    }

    /** The extents of a table of the database. */
    record Scan(Table table) implements PlanNode {
        @Override
        public Schema schema() {
            return table.schema();
        }
    }

    /**
     * Rows known when binding (datatable). Not serialized: Kusto refuses row_number() right after a datatable
     * (only range, sort, top, serialize... give rows an order).
     */
    record Values(Schema schema, List<Batch> batches) implements PlanNode {
    }

    /** One row without columns: what print computes its columns over. */
    record SingleRow() implements PlanNode {
        @Override
        public Schema schema() {
            return new Schema(List.of());
        }

        @Override
        public boolean serialized() {
            return true;
        }
    }

    /**
     * {@code range}: {@code count} values {@code from + i * step} of {@code type} (long storage: long, datetime,
     * timespan; or real), made lazily batch by batch.
     */
    record Range(Schema schema, KqlType type, double fromReal, double stepReal, long from, long step, long count)
            implements PlanNode {
        @Override
        public boolean serialized() {
            return true;
        }
    }

    /**
     * where; {@code unread}: output columns no later step reads (see {@link ColumnPruning}), which the selection
     * fills with nulls instead of copying.
     */
    record Filter(PlanNode input, BoundExpr predicate, List<Integer> unread) implements PlanNode {
        public Filter {
            unread = List.copyOf(unread);
        }

        public Filter(PlanNode input, BoundExpr predicate) {
            this(input, predicate, List.of());
        }

        @Override
        public Schema schema() {
            return input.schema();
        }

        @Override
        public boolean serialized() {
            return input.serialized();
        }
    }

    /** Computes each output column from the input row (project, extend, project-away/-rename/-reorder, print). */
    record Project(PlanNode input, List<BoundExpr> columns, Schema schema) implements PlanNode {
        public Project {
            columns = List.copyOf(columns);
        }

        @Override
        public boolean serialized() {
            return input.serialized();
        }
    }

    record Take(PlanNode input, long count) implements PlanNode {
        @Override
        public Schema schema() {
            return input.schema();
        }

        @Override
        public boolean serialized() {
            return input.serialized();
        }
    }

    /** An aggregate call bound for summarize: its binding and argument expressions. */
    record BoundAggregate(String function, AggregateBinding binding, List<BoundExpr> args) {
        public BoundAggregate {
            args = List.copyOf(args);
        }
    }

    /** summarize (also distinct and count): keys first, then each aggregate's output columns. */
    record Aggregate(PlanNode input, List<BoundExpr> keys, List<BoundAggregate> aggregates, Schema schema)
            implements PlanNode {
        public Aggregate {
            keys = List.copyOf(keys);
            aggregates = List.copyOf(aggregates);
        }
    }

    record SortKey(BoundExpr expr, boolean ascending, boolean nullsFirst) {
    }

    /** sort / order by; top when {@code limit} is set. */
    record Sort(PlanNode input, List<SortKey> keys, Long limit) implements PlanNode {
        public Sort {
            keys = List.copyOf(keys);
        }

        @Override
        public Schema schema() {
            return input.schema();
        }

        @Override
        public boolean serialized() {
            return true;
        }
    }

    /** Inputs already projected to the same schema, one after another. */
    record Union(List<PlanNode> inputs, Schema schema) implements PlanNode {
        public Union {
            inputs = List.copyOf(inputs);
        }
    }

    /**
     * parse / parse-where / parse-kv: the columns of {@code extraction} read from the string {@code text} of each
     * row, written into the input's columns at {@code targets} (an index past the input's columns appends one);
     * {@code dropUnmatched} drops the rows whose text does not match (parse-where). Streaming.
     */
    record Extract(PlanNode input, BoundExpr text, TextExtraction extraction, int[] targets, boolean dropUnmatched,
            Schema schema) implements PlanNode {
        @Override
        public boolean serialized() {
            return input.serialized();
        }
    }

    /** Which rows a join keeps; {@link #streamsLeftOnly()} kinds never need to see the whole left side. */
    enum JoinKind {
        INNER_UNIQUE, INNER, LEFT_OUTER, RIGHT_OUTER, FULL_OUTER, LEFT_SEMI, LEFT_ANTI, RIGHT_SEMI, RIGHT_ANTI;

        /** Kinds whose output depends only on each left row and the right side (no unmatched-right rows). */
        public boolean streamsLeftOnly() {
            return this != RIGHT_OUTER && this != FULL_OUTER && this != RIGHT_SEMI && this != RIGHT_ANTI;
        }
    }

    /**
     * join and lookup: equality of {@code leftKeys} and {@code rightKeys} (same types, position by position).
     * The output is the left columns {@code leftColumns} then the right columns {@code rightColumns} (indexes
     * into each side's schema), named by {@code schema}. {@code unread}: output columns no later step reads (see
     * {@link ColumnPruning}), which the join fills with nulls instead of gathering.
     */
    record Join(PlanNode left, PlanNode right, JoinKind kind, List<BoundExpr> leftKeys, List<BoundExpr> rightKeys,
                List<Integer> leftColumns, List<Integer> rightColumns, Schema schema, List<Integer> unread)
            implements PlanNode {
        public Join {
            leftKeys = List.copyOf(leftKeys);
            rightKeys = List.copyOf(rightKeys);
            leftColumns = List.copyOf(leftColumns);
            rightColumns = List.copyOf(rightColumns);
            unread = List.copyOf(unread);
        }

        public Join(PlanNode left, PlanNode right, JoinKind kind, List<BoundExpr> leftKeys, List<BoundExpr> rightKeys,
                    List<Integer> leftColumns, List<Integer> rightColumns, Schema schema) {
            this(left, right, kind, leftKeys, rightKeys, leftColumns, rightColumns, schema, List.of());
        }
    }

    /**
     * mv-expand: each input row repeated once per element of its {@code arrays} (evaluated dynamic values, expanded
     * side by side; the longest decides, the others give null), at most {@code limit} times. Output column
     * {@code targets[i]} receives the elements of {@code arrays[i]}; the other columns are the input's, in place
     * ({@code inputColumns[c]} is the input column of output column c, or -1). A bag expands to one-property bags,
     * or to {@code [key, value]} arrays when {@code bagAsArray}; {@code itemIndex} appends the element's index.
     */
    record MvExpand(PlanNode input, List<BoundExpr> arrays, List<Integer> targets, List<Integer> inputColumns,
                    boolean bagAsArray, boolean itemIndex, long limit, Schema schema) implements PlanNode {
        public MvExpand {
            arrays = List.copyOf(arrays);
            targets = List.copyOf(targets);
            inputColumns = List.copyOf(inputColumns);
        }
    }

    /**
     * The rows an mv-apply sub-plan runs over: the executor of {@link MvApply} puts one input row in
     * {@code rows} (per thread) before it runs the sub-plan.
     */
    record ApplyRows(Schema schema, RowsCell rows) implements PlanNode {
        @Override
        public boolean serialized() {
            return true;
        }
    }

    /** Where {@link MvApply}'s executor hands the current input row to its sub-plan's {@link ApplyRows}. */
    final class RowsCell {
        private final ThreadLocal<Batch> current = new ThreadLocal<>();

        public Batch get() {
            return current.get();
        }

        public void set(Batch row) {
            current.set(row);
        }
    }

    /**
     * mv-apply: for each input row, {@code perRow} (which starts at an {@link ApplyRows} over {@code rows}: the
     * row's mv-expand, then the sub-query) runs; the output is the input columns {@code keptColumns} (those the
     * sub-query's result does not have) repeated, then the sub-query's columns. Streaming.
     */
    record MvApply(PlanNode input, RowsCell rows, PlanNode perRow, List<Integer> keptColumns, Schema schema)
            implements PlanNode {
        public MvApply {
            keptColumns = List.copyOf(keptColumns);
        }
    }

    /** The input's partitions read in order as one: rows get an order (serialize). */
    record Serialize(PlanNode input) implements PlanNode {
        @Override
        public Schema schema() {
            return input.schema();
        }

        @Override
        public boolean serialized() {
            return true;
        }
    }

    /**
     * make-series over {@code input}, an aggregate grouped by the series keys then the axis bin (its columns: the
     * keys, the bin, the aggregates): one row per key with one array per aggregate ({@code defaults} where a bin
     * has no row) and the axis array. {@code from}/{@code to} (null: the data's first bin / last bin + step) and
     * {@code step} are in the axis' numeric form: Double for real, else Long (ticks for datetime and timespan).
     * {@code nonempty} (kind=nonempty, no keys): an empty input still gives one row of defaults from..to.
     */
    record MakeSeries(Aggregate input, int keyCount, List<Object> defaults, KqlType axisType, Number from, Number to,
                      Number step, boolean nonempty, Schema schema) implements PlanNode {
        public MakeSeries {
            defaults = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(defaults));
        }
    }

    /**
     * top-nested: {@code levels.get(k)} aggregates the input by the keys of levels 0..k; each level keeps its
     * {@code counts.get(k)} best rows (null: all) within each row kept by the level before.
     */
    record TopNested(List<Aggregate> levels, List<Long> counts, List<Boolean> ascending, Schema schema)
            implements PlanNode {
        public TopNested {
            levels = List.copyOf(levels);
            counts = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(counts));
            ascending = List.copyOf(ascending);
        }
    }

    /**
     * A step of scan: its predicate and assignments ({@code targets.get(i)}: the declared variable it sets);
     * {@code output} false for {@code output=none}.
     */
    record ScanStep(BoundExpr predicate, List<Integer> targets, List<BoundExpr> values, boolean output) {
        public ScanStep {
            targets = List.copyOf(targets);
            values = List.copyOf(values);
        }
    }

    /**
     * scan: {@code variables} declared variables with their {@code defaults}. Step expressions see a row of the
     * input's columns, then the variables (at their defaults), then the {@code s.c} the steps read: column or
     * variable {@code stateColumns.get(i)[1]} of step {@code stateColumns.get(i)[0]}'s record in the state the
     * condition is checked with.
     * The output is the input's columns, the variables, and the match id when {@code matchId}.
     */
    record ScanSteps(PlanNode input, List<Column> variables, List<Object> defaults, List<ScanStep> steps,
                     Schema expressionSchema, List<int[]> stateColumns, boolean matchId, Schema schema)
            implements PlanNode {
        public ScanSteps {
            variables = List.copyOf(variables);
            defaults = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(defaults));
            steps = List.copyOf(steps);
            stateColumns = List.copyOf(stateColumns);
        }

        @Override
        public boolean serialized() {
            return true;
        }
    }
}

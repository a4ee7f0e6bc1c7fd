package io.github.camelkusto.kql.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.syntax.ast.TabularOperator;
import io.github.camelkusto.kql.types.KqlType;

/**
 * {@code partition [hint.strategy=native|shuffle|legacy] by column (subquery)}: the subquery runs over the rows of
 * each value of the column (null is a value too), and the result is the union of the results. The strategies give
 * the same result (ADX documents that they differ only in how the work is spread); legacy, the default, allows at
 * most 64 values, as in ADX, and is the only one that takes {@code { subquery with its own source }}, where the
 * column's name means the partition's value (also through {@code toscalar(column)}).
 *
 * <p>Like {@code evaluate bag_unpack}, the values must be known to build the plan, so the input is read
 * (materialised) when the query is prepared; each partition then reads its rows from that copy.
 */
final class PartitionBinding {
    /** ADX's limit on the partitions of the legacy strategy. */
    static final int LEGACY_LIMIT = 64;

    private PartitionBinding() {
    }

    static PlanNode partition(Binder binder, PlanNode input, TabularOperator.Partition op) {
        Schema schema = input.schema();
        int key = binder.expressions.columnIndex(op.column(), schema, op.offset());
        KqlType keyType = schema.column(key).type();
        if (keyType == KqlType.DYNAMIC) {
            throw binder.error("partition by a dynamic column is not supported: convert it first (tostring...)",
                    op.offset());
        }
        List<Batch> batches = PluginBinding.readAll(binder, input);
        Set<Object> keys = new LinkedHashSet<>();
        for (Batch b : batches) {
            for (int r = 0; r < b.rowCount(); r++) {
                keys.add(b.value(key, r));
            }
        }
        if (op.strategy().equals("legacy") && keys.size() > LEGACY_LIMIT) {
            throw binder.error("partition: the legacy strategy allows at most " + LEGACY_LIMIT + " values of '"
                    + op.column() + "', it has " + keys.size() + "; use hint.strategy=native or shuffle",
                    op.offset());
        }
        PlanNode all = new PlanNode.Values(schema, batches);
        List<PlanNode> results = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (keys.isEmpty()) {
            // no partition: the subquery over no rows still says what the result's columns are
            PlanNode none = op.withSource() ? null : subquery(binder, new PlanNode.Values(schema, List.of()), op, null,
                    keyType);
            return none == null ? new PlanNode.Values(new Schema(List.of()), List.of())
                    : new PlanNode.Values(none.schema(), List.of());
        }
        for (Object value : keys) {
            BoundExpr column = new BoundExpr.ColumnRef(key, op.column(), keyType);
            BoundExpr predicate = value == null ? binder.expressions.call("isnull", List.of(column), op.offset(), false)
                    : binder.expressions.call("==", List.of(column, new BoundExpr.Constant(keyType, value)),
                    op.offset(), false);
            results.add(subquery(binder, new PlanNode.Filter(all, predicate), op, value, keyType));
            names.add("partition_" + results.size());
        }
        if (results.size() == 1) {
            return results.get(0);
        }
        return UnionBinding.union(binder, results, names, TabularOperator.UnionOptions.DEFAULT, op.offset());
    }

    private static PlanNode subquery(Binder binder, PlanNode rows, TabularOperator.Partition op, Object value,
            KqlType keyType) {
        if (!op.withSource()) {
            PlanNode saved = binder.applyRows;
            binder.applyRows = rows;
            try {
                return binder.tabular.bindTabular(op.subquery());
            } finally {
                binder.applyRows = saved;
            }
        }
        Map<String, PlanNode> savedTables = new HashMap<>(binder.tabularLets);
        Map<String, BoundExpr> savedScalars = new HashMap<>(binder.scalarLets);
        try {
            Schema one = Schema.of(new Column(op.column(), keyType));
            Batch.Builder row = Batch.builder(one);
            row.addRow(value);
            binder.tabularLets.put(op.column(), new PlanNode.Values(one, List.of(row.build())));
            binder.scalarLets.put(op.column(), new BoundExpr.Constant(keyType, value));
            return binder.tabular.bindTabular(op.subquery());
        } finally {
            binder.tabularLets.clear();
            binder.tabularLets.putAll(savedTables);
            binder.scalarLets.clear();
            binder.scalarLets.putAll(savedScalars);
        }
    }
}

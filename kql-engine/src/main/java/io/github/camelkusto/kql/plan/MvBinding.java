package io.github.camelkusto.kql.plan;

import java.util.ArrayList;
import java.util.List;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.syntax.ast.Expr;
import io.github.camelkusto.kql.syntax.ast.NamedExpr;
import io.github.camelkusto.kql.syntax.ast.TabularOperator;
import io.github.camelkusto.kql.types.KqlType;

/** Binds mv-expand (arrays and bags to rows) and mv-apply (a sub-query per row over its expanded values). */
final class MvBinding {
    private MvBinding() {
    }

    /**
     * mv-apply: the sub-query is bound over one input row's mv-expand. A column expanded under a new name
     * ({@code x = lst}) is left out of the sub-query's rows, as Kusto does; the input columns that the sub-query's
     * result lacks ({@code summarize} drops them) come first in the output, repeated for each of its rows.
     */
    static PlanNode mvApply(Binder binder, PlanNode input, TabularOperator.MvApply op) {
        PlanNode.RowsCell cell = new PlanNode.RowsCell();
        PlanNode.ApplyRows row = new PlanNode.ApplyRows(input.schema(), cell);
        PlanNode expanded = mvExpand(binder, row, op.expansion());
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
            expanded = binder.tabular.select(expanded, rowColumns, null);
        }
        PlanNode outer = binder.applyRows;
        binder.applyRows = expanded;
        PlanNode perRow;
        try {
            perRow = binder.tabular.bindTabular(op.subquery());
        } finally {
            binder.applyRows = outer;
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
    static PlanNode mvExpand(Binder binder, PlanNode input, TabularOperator.MvExpand op) {
        Schema schema = input.schema();
        List<Column> columns = new ArrayList<>(schema.columns());
        List<Integer> inputColumns = new ArrayList<>();
        for (int c = 0; c < schema.size(); c++) {
            inputColumns.add(c);
        }
        List<BoundExpr> arrays = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        for (NamedExpr item : op.columns()) {
            BoundExpr e = binder.expressions.bindExpr(item.expr(), schema, input.serialized());
            if (e.type() != KqlType.DYNAMIC) {
                throw binder.error("mv-expand expects a dynamic array or bag, not " + e.type().kustoName(),
                        item.expr().offset());
            }
            String name = item.name() != null ? item.name() : ExpressionBinder.derivedName(item.expr());
            if (name == null) {
                throw binder.error("mv-expand needs a name for this expression: write name = expression",
                        item.offset());
            }
            int target = TabularBinder.indexOf(columns, name);
            if (targets.contains(target) && target >= 0) {
                throw binder.error("column '" + name + "' is expanded twice", item.offset());
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
            if (TabularBinder.indexOf(columns, op.itemIndex()) >= 0) {
                throw binder.error("with_itemindex column '" + op.itemIndex() + "' already exists", op.offset());
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
                ref = binder.expressions.call("to" + to, List.of(ref), op.columns().get(i).offset(), false);
            }
            exprs.add(ref);
            converted.add(new Column(col.name(), ref.type()));
        }
        return new PlanNode.Project(expanded, exprs, new Schema(converted));
    }
}

package io.github.camelkusto.kql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.syntax.ast.TabularOperator;
import io.github.camelkusto.kql.types.KqlType;

/**
 * Binds join and lookup: resolves the keys on each side, checks that their types agree (int and long widen to
 * long, numbers to real), and names the output as Kusto does: the left columns as they are, then the right
 * columns, each right name already taken getting the first free numeric suffix ({@code k1}, {@code k2} after a
 * second join). Semi and anti joins keep one side only; lookup drops the right side's key columns.
 */
final class JoinBinding {
    private static final Map<String, PlanNode.JoinKind> KINDS = Map.ofEntries(
            Map.entry("innerunique", PlanNode.JoinKind.INNER_UNIQUE), Map.entry("inner", PlanNode.JoinKind.INNER),
            Map.entry("leftouter", PlanNode.JoinKind.LEFT_OUTER),
            Map.entry("rightouter", PlanNode.JoinKind.RIGHT_OUTER),
            Map.entry("fullouter", PlanNode.JoinKind.FULL_OUTER), Map.entry("leftsemi", PlanNode.JoinKind.LEFT_SEMI),
            Map.entry("leftanti", PlanNode.JoinKind.LEFT_ANTI), Map.entry("anti", PlanNode.JoinKind.LEFT_ANTI),
            Map.entry("leftantisemi", PlanNode.JoinKind.LEFT_ANTI),
            Map.entry("rightsemi", PlanNode.JoinKind.RIGHT_SEMI),
            Map.entry("rightanti", PlanNode.JoinKind.RIGHT_ANTI),
            Map.entry("rightantisemi", PlanNode.JoinKind.RIGHT_ANTI));

    private JoinBinding() {
    }

    static PlanNode join(Binder binder, PlanNode left, PlanNode right, TabularOperator.Join join) {
        PlanNode.JoinKind kind = KINDS.get(join.kind());
        boolean keepLeft = kind != PlanNode.JoinKind.RIGHT_SEMI && kind != PlanNode.JoinKind.RIGHT_ANTI;
        boolean keepRight = kind != PlanNode.JoinKind.LEFT_SEMI && kind != PlanNode.JoinKind.LEFT_ANTI;
        return bind(binder, left, right, kind, join.keys(), keepLeft, keepRight, false);
    }

    static PlanNode lookup(Binder binder, PlanNode left, PlanNode right, TabularOperator.Lookup lookup) {
        PlanNode.JoinKind kind = lookup.kind().equals("inner") ? PlanNode.JoinKind.INNER
                : PlanNode.JoinKind.LEFT_OUTER;
        return bind(binder, left, right, kind, lookup.keys(), true, true, true);
    }

    private static PlanNode bind(Binder binder, PlanNode left, PlanNode right, PlanNode.JoinKind kind,
                                 List<TabularOperator.JoinKey> keys, boolean keepLeft, boolean keepRight,
                                 boolean dropRightKeys) {
        Schema ls = left.schema();
        Schema rs = right.schema();
        List<BoundExpr> leftKeys = new ArrayList<>();
        List<BoundExpr> rightKeys = new ArrayList<>();
        List<Integer> rightKeyColumns = new ArrayList<>();
        for (TabularOperator.JoinKey key : keys) {
            int l = ls.indexOf(key.left()).orElseThrow(() -> binder.expressions.unknownColumn(key.left(), key.offset(), ls));
            int r = rs.indexOf(key.right()).orElseThrow(() -> binder.expressions.unknownColumn(key.right(), key.offset(), rs));
            KqlType lt = ls.column(l).type();
            KqlType rt = rs.column(r).type();
            KqlType common = commonType(lt, rt);
            if (common == null) {
                throw binder.error("join key '" + key.left() + "' is " + lt.kustoName() + " on the left but '"
                        + key.right() + "' is " + rt.kustoName() + " on the right", key.offset());
            }
            leftKeys.add(widen(new BoundExpr.ColumnRef(l, key.left(), lt), common));
            rightKeys.add(widen(new BoundExpr.ColumnRef(r, key.right(), rt), common));
            rightKeyColumns.add(r);
        }
        NameAllocator names = new NameAllocator();
        List<Column> columns = new ArrayList<>();
        List<Integer> leftColumns = new ArrayList<>();
        List<Integer> rightColumns = new ArrayList<>();
        if (keepLeft) {
            for (int c = 0; c < ls.size(); c++) {
                names.reserve(ls.column(c).name());
                columns.add(ls.column(c));
                leftColumns.add(c);
            }
        }
        if (keepRight) {
            for (int c = 0; c < rs.size(); c++) {
                if (dropRightKeys && rightKeyColumns.contains(c)) {
                    continue;
                }
                columns.add(new Column(names.unique(rs.column(c).name()), rs.column(c).type()));
                rightColumns.add(c);
            }
        }
        return new PlanNode.Join(left, right, kind, leftKeys, rightKeys, leftColumns, rightColumns,
                new Schema(columns));
    }

    private static KqlType commonType(KqlType a, KqlType b) {
        if (a == b) {
            return a;
        }
        if (isNumber(a) && isNumber(b)) {
            return a == KqlType.REAL || b == KqlType.REAL ? KqlType.REAL : KqlType.LONG;
        }
        return null;
    }

    private static boolean isNumber(KqlType t) {
        return t == KqlType.INT || t == KqlType.LONG || t == KqlType.REAL;
    }

    private static BoundExpr widen(BoundExpr e, KqlType type) {
        return e.type() == type ? e : new BoundExpr.Widen(e, type);
    }
}

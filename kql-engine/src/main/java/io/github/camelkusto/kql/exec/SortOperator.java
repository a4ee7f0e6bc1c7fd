package io.github.camelkusto.kql.exec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.DoubleVector;
import io.github.camelkusto.kql.data.LongVector;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.data.VectorBuilder;
import io.github.camelkusto.kql.functions.EvalContext;
import io.github.camelkusto.kql.plan.PlanNode;

/**
 * sort / order by / top: materialises its input (documented exception to bounded memory), sorts an index array
 * with a stable merge sort comparing the primitive key storage, and emits the rows in batches.
 */
final class SortOperator {
    private SortOperator() {
    }

    interface IntComparator {
        int compare(int a, int b);
    }

    static List<Batch> run(PlanNode.Sort sort, QueryResult input) {
        Batch all = Materialized.of(input);
        int n = all.rowCount();
        EvalContext context = new EvalContext(n, 0);
        List<IntComparator> comparators = new ArrayList<>();
        for (PlanNode.SortKey key : sort.keys()) {
            comparators.add(comparator(key.expr().evaluate(all, context), key.ascending(), key.nullsFirst()));
        }
        IntComparator order = (a, b) -> {
            for (IntComparator c : comparators) {
                int r = c.compare(a, b);
                if (r != 0) {
                    return r;
                }
            }
            return 0;
        };
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        mergeSort(index, new int[n], 0, n, order);
        int limit = sort.limit() == null ? n : (int) Math.min(n, sort.limit());
        List<Batch> out = new ArrayList<>();
        for (int from = 0; from < limit; from += Batch.MAX_ROWS) {
            int count = Math.min(Batch.MAX_ROWS, limit - from);
            int[] rows = java.util.Arrays.copyOfRange(index, from, from + count);
            out.add(all.select(rows, count));
        }
        return out;
    }

    private static IntComparator comparator(Vector v, boolean ascending, boolean nullsFirst) {
        int sign = ascending ? 1 : -1;
        IntComparator values;
        switch (VectorBuilder.storage(v.type())) {
            case LONG -> {
                LongVector lv = (LongVector) v;
                values = (a, b) -> sign * Long.compare(lv.getLong(a), lv.getLong(b));
            }
            case DOUBLE -> {
                DoubleVector dv = (DoubleVector) v;
                values = (a, b) -> sign * Double.compare(dv.getDouble(a), dv.getDouble(b));
            }
            default -> values = (a, b) -> sign * compareObjects(v.getObject(a), v.getObject(b));
        }
        if (!v.hasNulls()) {
            return values;
        }
        int nullOrder = nullsFirst ? -1 : 1;
        return (a, b) -> {
            boolean an = v.isNull(a);
            boolean bn = v.isNull(b);
            if (an || bn) {
                return an == bn ? 0 : an ? nullOrder : -nullOrder;
            }
            return values.compare(a, b);
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareObjects(Object a, Object b) {
        if (a instanceof BigDecimal x) {
            return x.compareTo((BigDecimal) b);
        }
        return ((Comparable) a).compareTo(b);
    }

    /** Stable merge sort of {@code a[lo, hi)}. */
    static void mergeSort(int[] a, int[] tmp, int lo, int hi, IntComparator c) {
        if (hi - lo <= 24) {
            for (int i = lo + 1; i < hi; i++) {
                int x = a[i];
                int j = i - 1;
                while (j >= lo && c.compare(a[j], x) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, tmp, lo, mid, c);
        mergeSort(a, tmp, mid, hi, c);
        if (c.compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            if (j >= hi || i < mid && c.compare(tmp[i], tmp[j]) <= 0) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }
}

package io.github.camelkusto.kql.exec;

import java.util.ArrayList;
import java.util.List;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.LongVector;
import io.github.camelkusto.kql.data.ObjectVector;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.plan.BoundExpr;
import io.github.camelkusto.kql.types.KqlType;

/**
 * A where predicate that is an {@code and} of comparisons of a column with a constant ({@code Level == 'Error'
 * and DurationMs > 4000}), run straight into a selection vector: the first comparison picks the rows of the
 * batch, each next one keeps those of the picked rows it holds for. No boolean vector per comparison and per
 * batch is built (the general path builds one per comparison and one per {@code and}), and later comparisons
 * only look at the rows still selected.
 * <p>
 * Covers long-stored columns (long, datetime, timespan) with ==, !=, &lt;, &lt;=, &gt;, &gt;= and strings with
 * == and != (case-sensitive), on batches whose compared columns have no null and are not constant; a batch
 * outside that ({@link #select} answers -1) goes the general way, so results never depend on it.
 */
abstract class RowSelection {
    private static final List<String> OPERATORS = List.of("==", "!=", "<", "<=", ">", ">=");

    /**
     * Writes the rows of {@code batch} the predicate holds for into {@code selection}, ascending; returns how
     * many, or -1 when this batch's vectors are not ones it handles.
     */
    abstract int select(Batch batch, int[] selection);

    /** The selection for {@code predicate}, or null when it is not an {@code and} of column-constant comparisons. */
    static RowSelection of(BoundExpr predicate) {
        List<Comparison> comparisons = new ArrayList<>();
        return collect(predicate, comparisons) ? new Conjunction(comparisons.toArray(Comparison[]::new)) : null;
    }

    private static boolean collect(BoundExpr e, List<Comparison> out) {
        if (!(e instanceof BoundExpr.Call call)) {
            return false;
        }
        if (call.function().equals("and") && call.args().size() == 2) {
            return collect(call.args().get(0), out) && collect(call.args().get(1), out);
        }
        int op = OPERATORS.indexOf(call.function());
        if (op < 0 || call.args().size() != 2) {
            return false;
        }
        BoundExpr a = call.args().get(0);
        BoundExpr b = call.args().get(1);
        if (a instanceof BoundExpr.Constant && b instanceof BoundExpr.ColumnRef) {
            BoundExpr swap = a;
            a = b;
            b = swap;
            op = mirrored(op);
        }
        if (!(a instanceof BoundExpr.ColumnRef column) || !(b instanceof BoundExpr.Constant constant)
                || constant.value() == null || column.type() != constant.type()) {
            return false;
        }
        Comparison c = switch (column.type()) {
            case LONG, DATETIME, TIMESPAN -> new LongComparison(column.index(), op,
                    ((LongVector) Vector.constant(constant.type(), constant.value(), 1)).values()[0]);
            case STRING -> op <= 1 ? new StringEquality(column.index(), op == 1, (String) constant.value()) : null;
            default -> null;
        };
        if (c == null) {
            return false;
        }
        out.add(c);
        return true;
    }

    /** {@code constant op column} as {@code column op' constant}. */
    private static int mirrored(int op) {
        return switch (op) {
            case 2 -> 4;
            case 3 -> 5;
            case 4 -> 2;
            case 5 -> 3;
            default -> op;
        };
    }

    private static final class Conjunction extends RowSelection {
        private final Comparison[] comparisons;

        Conjunction(Comparison[] comparisons) {
            this.comparisons = comparisons;
        }

        @Override
        int select(Batch batch, int[] selection) {
            for (Comparison c : comparisons) {
                if (!c.handles(batch.column(c.column))) {
                    return -1;
                }
            }
            int count = comparisons[0].first(batch.column(comparisons[0].column), batch.rowCount(), selection);
            for (int k = 1; k < comparisons.length && count > 0; k++) {
                count = comparisons[k].narrow(batch.column(comparisons[k].column), selection, count);
            }
            return count;
        }
    }

    /** One comparison of a column with a constant. */
    private abstract static class Comparison {
        final int column;

        Comparison(int column) {
            this.column = column;
        }

        /** A plain vector: not constant, no null. */
        boolean handles(Vector v) {
            return !v.isConstant() && !v.hasNulls();
        }

        /** The rows {@code 0..n} that pass, into {@code out}; how many. */
        abstract int first(Vector v, int n, int[] out);

        /** Keeps those of {@code rows[0..count)} that pass, in place; how many. */
        abstract int narrow(Vector v, int[] rows, int count);
    }

    private static final class LongComparison extends Comparison {
        private final int op;
        private final long constant;

        LongComparison(int column, int op, long constant) {
            super(column);
            this.op = op;
            this.constant = constant;
        }

        @Override
        boolean handles(Vector v) {
            return v instanceof LongVector && super.handles(v);
        }

        @Override
        int first(Vector v, int n, int[] out) {
            long[] x = ((LongVector) v).values();
            long c = constant;
            int k = 0;
            switch (op) {
                case 0 -> {
                    for (int i = 0; i < n; i++) {
                        out[k] = i;
                        k += x[i] == c ? 1 : 0;
                    }
                }
                case 1 -> {
                    for (int i = 0; i < n; i++) {
                        out[k] = i;
                        k += x[i] != c ? 1 : 0;
                    }
                }
                case 2 -> {
                    for (int i = 0; i < n; i++) {
                        out[k] = i;
                        k += x[i] < c ? 1 : 0;
                    }
                }
                case 3 -> {
                    for (int i = 0; i < n; i++) {
                        out[k] = i;
                        k += x[i] <= c ? 1 : 0;
                    }
                }
                case 4 -> {
                    for (int i = 0; i < n; i++) {
                        out[k] = i;
                        k += x[i] > c ? 1 : 0;
                    }
                }
                default -> {
                    for (int i = 0; i < n; i++) {
                        out[k] = i;
                        k += x[i] >= c ? 1 : 0;
                    }
                }
            }
            return k;
        }

        @Override
        int narrow(Vector v, int[] rows, int count) {
            long[] x = ((LongVector) v).values();
            int k = 0;
            for (int j = 0; j < count; j++) {
                int i = rows[j];
                rows[k] = i;
                k += holds(x[i]) ? 1 : 0;
            }
            return k;
        }

        private boolean holds(long value) {
            return switch (op) {
                case 0 -> value == constant;
                case 1 -> value != constant;
                case 2 -> value < constant;
                case 3 -> value <= constant;
                case 4 -> value > constant;
                default -> value >= constant;
            };
        }
    }

    /** {@code ==} / {@code !=} of a string column with a string: String.equals, as the general kernel does. */
    private static final class StringEquality extends Comparison {
        private final boolean negated;
        private final String constant;

        StringEquality(int column, boolean negated, String constant) {
            super(column);
            this.negated = negated;
            this.constant = constant;
        }

        @Override
        boolean handles(Vector v) {
            return v instanceof ObjectVector && v.type() == KqlType.STRING && super.handles(v);
        }

        // A stored column of few values shares one instance per value (ExtentBuilder): a row holding the same
        // instance as the row before passes as it did, decided without reading the string.
        @Override
        int first(Vector v, int n, int[] out) {
            Object[] x = ((ObjectVector) v).values();
            Object last = null;
            int pass = 0;
            int k = 0;
            for (int i = 0; i < n; i++) {
                Object s = x[i];
                if (s != last) {
                    last = s;
                    pass = constant.equals(s) != negated ? 1 : 0;
                }
                out[k] = i;
                k += pass;
            }
            return k;
        }

        @Override
        int narrow(Vector v, int[] rows, int count) {
            Object[] x = ((ObjectVector) v).values();
            Object last = null;
            int pass = 0;
            int k = 0;
            for (int j = 0; j < count; j++) {
                int i = rows[j];
                Object s = x[i];
                if (s != last) {
                    last = s;
                    pass = constant.equals(s) != negated ? 1 : 0;
                }
                rows[k] = i;
                k += pass;
            }
            return k;
        }
    }
}

package io.github.camelkusto.kql.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Column pruning: works out, from the query's result down, which columns of each step's output a later step
 * reads, and tells the steps that copy rows (where's selection, join's gather) which of their output columns
 * nobody reads: they fill those with nulls instead of copying them. Schemas and column positions stay as bound;
 * only the copying goes. {@code Logs | join (Users) on UserId | count} then copies no column at all.
 * <p>
 * Conservative by construction: a step it does not know (parse, mv-expand, make-series, scan...) keeps every
 * column of its output and of everything below it; a projected column nobody reads still gets computed when it
 * calls a serial function (its row order matters to the rows around it).
 */
final class ColumnPruning {
    private ColumnPruning() {
    }

    /** {@code root} with the columns no step reads marked on the steps that copy rows; the result reads all. */
    static PlanNode prune(PlanNode root) {
        return prune(root, all(root));
    }

    private static PlanNode prune(PlanNode node, BitSet read) {
        if (node instanceof PlanNode.Filter f) {
            BitSet in = (BitSet) read.clone();
            references(f.predicate(), in);
            return new PlanNode.Filter(prune(f.input(), in), f.predicate(), unread(f, read));
        }
        if (node instanceof PlanNode.Project p) {
            return project(p, read);
        }
        if (node instanceof PlanNode.Take t) {
            return new PlanNode.Take(prune(t.input(), read), t.count());
        }
        if (node instanceof PlanNode.Serialize s) {
            return new PlanNode.Serialize(prune(s.input(), read));
        }
        if (node instanceof PlanNode.Sort s) {
            BitSet in = (BitSet) read.clone();
            s.keys().forEach(k -> references(k.expr(), in));
            return new PlanNode.Sort(prune(s.input(), in), s.keys(), s.limit());
        }
        if (node instanceof PlanNode.Aggregate a) {
            BitSet in = new BitSet();
            a.keys().forEach(k -> references(k, in));
            a.aggregates().forEach(agg -> agg.args().forEach(e -> references(e, in)));
            return new PlanNode.Aggregate(prune(a.input(), in), a.keys(), a.aggregates(), a.schema());
        }
        if (node instanceof PlanNode.Union u) {
            return new PlanNode.Union(u.inputs().stream().map(i -> prune(i, read)).toList(), u.schema());
        }
        if (node instanceof PlanNode.Join j) {
            return join(j, read);
        }
        return node;
    }

    /** Unread outputs that are not serial are computed as nulls; the rest say which input columns they read. */
    private static PlanNode project(PlanNode.Project p, BitSet read) {
        BitSet in = new BitSet();
        List<BoundExpr> columns = new ArrayList<>(p.columns());
        for (int c = 0; c < columns.size(); c++) {
            BoundExpr e = columns.get(c);
            if (read.get(c) || usesSerialFunction(e)) {
                references(e, in);
            } else if (!(e instanceof BoundExpr.Constant)) {
                columns.set(c, new BoundExpr.Constant(e.type(), null));
            }
        }
        return new PlanNode.Project(prune(p.input(), in), columns, p.schema());
    }

    private static PlanNode join(PlanNode.Join j, BitSet read) {
        BitSet left = new BitSet();
        BitSet right = new BitSet();
        int leftCount = j.leftColumns().size();
        for (int c = read.nextSetBit(0); c >= 0; c = read.nextSetBit(c + 1)) {
            if (c < leftCount) {
                left.set(j.leftColumns().get(c));
            } else {
                right.set(j.rightColumns().get(c - leftCount));
            }
        }
        j.leftKeys().forEach(k -> references(k, left));
        j.rightKeys().forEach(k -> references(k, right));
        return new PlanNode.Join(prune(j.left(), left), prune(j.right(), right), j.kind(), j.leftKeys(),
                j.rightKeys(), j.leftColumns(), j.rightColumns(), j.schema(), unread(j, read));
    }

    /** The output columns of {@code node} outside {@code read}. */
    private static List<Integer> unread(PlanNode node, BitSet read) {
        List<Integer> unread = new ArrayList<>();
        for (int c = 0; c < node.schema().size(); c++) {
            if (!read.get(c)) {
                unread.add(c);
            }
        }
        return unread;
    }

    private static BitSet all(PlanNode node) {
        BitSet all = new BitSet();
        all.set(0, node.schema().size());
        return all;
    }

    /** Adds the input columns {@code e} reads to {@code columns}. */
    static void references(BoundExpr e, BitSet columns) {
        if (e instanceof BoundExpr.ColumnRef r) {
            columns.set(r.index());
        } else if (e instanceof BoundExpr.Call c) {
            c.args().forEach(a -> references(a, columns));
        } else if (e instanceof BoundExpr.Widen w) {
            references(w.inner(), columns);
        }
    }

    private static boolean usesSerialFunction(BoundExpr e) {
        if (e instanceof BoundExpr.Call c) {
            return c.kernel() instanceof io.github.camelkusto.kql.functions.SerialKernel
                    || c.args().stream().anyMatch(ColumnPruning::usesSerialFunction);
        }
        return e instanceof BoundExpr.Widen w && usesSerialFunction(w.inner());
    }
}

package io.github.camelkusto.kql.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.LongVector;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.data.VectorBuilder;
import io.github.camelkusto.kql.functions.EvalContext;
import io.github.camelkusto.kql.plan.BoundExpr;
import io.github.camelkusto.kql.plan.PlanNode;
import io.github.camelkusto.kql.plan.PlanNode.JoinKind;
import io.github.camelkusto.kql.types.KqlType;

/**
 * join and lookup as a hash join. The right side (the smaller one, by Kusto's convention for the side after
 * {@code join}) is read once into columns and hashed by its keys ({@link GroupTable}: one group per distinct key,
 * the rows of a group chained in their order); it is the only part held in memory. The left side streams: each
 * left batch's keys are looked up column-at-a-time and the output is gathered by row indexes, at most
 * {@link Batch#MAX_ROWS} rows per output batch, however many right rows a key matches.
 * <p>
 * Kinds that depend only on each left row (inner, innerunique, leftouter, leftsemi, leftanti) keep one output
 * partition per left partition, probed in parallel against the shared read-only table. The kinds that also emit
 * right rows by whether any left row matched them (rightouter, fullouter, rightsemi, rightanti) read the left
 * partitions one after another in one partition and emit those right rows at its end.
 * <p>
 * As in Kusto, keys compare by value: a null key matches a null key, NaN matches NaN. innerunique keeps the first
 * left row it reads of each key (Kusto keeps an arbitrary one).
 */
final class JoinOperator {
    private JoinOperator() {
    }

    static QueryResult run(PlanNode.Join node, QueryResult left, QueryResult right, ScratchArrays scratch) {
        BuildSide build = new BuildSide(node, right);
        List<Partition> partitions = new ArrayList<>();
        if (node.kind().streamsLeftOnly()) {
            for (Partition p : left.partitions()) {
                partitions.add(() -> new ProbeStream(node, build, p.open(), false, scratch));
            }
        } else {
            partitions.add(() -> new ProbeStream(node, build, Streams.concat(left.partitions()), true, scratch));
        }
        return new QueryResult(node.schema(), partitions);
    }

    /**
     * The right side: its columns (plus one null row at {@link #nullRow}), its groups of equal keys (a hash table,
     * or {@link DenseKeys} for one long key whose values lie close together) and the chain of rows of each group.
     * Its arrays are sized from the right side's row count when the plan knows it (a table, extended or not)
     * rather than grown by copying, and when every right row has a key of its own (a join on an id) the groups
     * are the rows themselves: no row-to-group array and no chains.
     */
    static final class BuildSide {
        private final PlanNode.Join node;
        private final QueryResult input;
        private volatile boolean built;
        Vector[] columns;
        GroupTable table;
        int rows;
        int nullRow;
        int groupCount;
        /** The group of each row, the first row of each group, the row after each in its group; null: row r is group r. */
        private int[] rowGroup;
        private int[] first;
        private int[] next;
        AtomicIntegerArray claimed;
        DenseKeys dense;

        BuildSide(PlanNode.Join node, QueryResult input) {
            this.node = node;
            this.input = input;
        }

        /** The group of each left row's keys ({@code keys}), -1 where the right side has none. */
        void find(Vector[] keys, int n, int[] groups) {
            if (dense != null) {
                dense.find((LongVector) keys[0], n, groups);
            } else {
                table.find(keys, n, groups);
            }
        }

        /** The first right row of group {@code g}. */
        int firstRow(int g) {
            return first == null ? g : first[g];
        }

        /** The right row after {@code r} in its group, -1 after the last. */
        int nextRow(int r) {
            return next == null ? -1 : next[r];
        }

        int groupOf(int r) {
            return rowGroup == null ? r : rowGroup[r];
        }

        /** Reads and hashes the right side on first use, once, whichever partition asks first. */
        BuildSide get() {
            if (!built) {
                synchronized (this) {
                    if (!built) {
                        build();
                        built = true;
                    }
                }
            }
            return this;
        }

        private void build() {
            Schema schema = node.right().schema();
            int known = knownRows(node.right());
            int expected = known >= 0 ? known : 64;
            VectorBuilder[] builders = new VectorBuilder[schema.size()];
            boolean[] gathered = gatheredRightColumns(node);
            for (int c = 0; c < builders.length; c++) {
                // + 1: the null row
                builders[c] = gathered[c] ? new VectorBuilder(schema.column(c).type(), expected + 1) : null;
            }
            List<KqlType> keyTypes = node.rightKeys().stream().map(BoundExpr::type).toList();
            // one long key: its values are collected first, to see whether they lie close enough for DenseKeys;
            // a table's own column is taken as its extents store it (never changed), anything else is copied
            boolean oneLongKey = keyTypes.size() == 1
                    && VectorBuilder.storage(keyTypes.get(0)) == VectorBuilder.Storage.LONG;
            boolean storedKey = oneLongKey && node.right() instanceof PlanNode.Scan
                    && node.rightKeys().get(0) instanceof BoundExpr.ColumnRef;
            List<LongVector> keyParts = oneLongKey ? new ArrayList<>() : null;
            VectorBuilder longKeys = oneLongKey && !storedKey ? new VectorBuilder(keyTypes.get(0), expected) : null;
            table = oneLongKey ? null : GroupTable.create(keyTypes);
            int[][] groups = {oneLongKey ? null : new int[expected]};
            int[][] ids = {null};
            int[] count = {0};
            Streams.forEachBatch(input, batch -> {
                int n = batch.rowCount();
                for (int c = 0; c < builders.length; c++) {
                    if (builders[c] == null) {
                        continue;
                    }
                    Vector v = batch.column(c);
                    for (int i = 0; i < n; i++) {
                        builders[c].appendFrom(v, i);
                    }
                }
                Vector[] keys = keys(node.rightKeys(), batch);
                if (storedKey) {
                    keyParts.add((LongVector) keys[0]);
                } else if (longKeys != null) {
                    for (int i = 0; i < n; i++) {
                        longKeys.appendFrom(keys[0], i);
                    }
                } else {
                    if (groups[0].length < count[0] + n) {
                        groups[0] = Arrays.copyOf(groups[0], Math.max(groups[0].length * 2, count[0] + n));
                    }
                    ids[0] = hash(keys, n, groups[0], count[0], ids[0]);
                }
                count[0] += n;
            });
            rows = count[0];
            nullRow = rows;
            columns = new Vector[builders.length];
            for (int c = 0; c < builders.length; c++) {
                if (builders[c] == null) {
                    columns[c] = Vector.missing(schema.column(c).type(), rows + 1);
                    continue;
                }
                builders[c].appendNull();
                columns[c] = builders[c].build();
            }
            if (longKeys != null) {
                keyParts.add((LongVector) longKeys.build());
            }
            group(keyParts, keyTypes, groups[0]);
            if (node.kind() == JoinKind.INNER_UNIQUE) {
                claimed = new AtomicIntegerArray(groupCount);
            }
        }

        /**
         * Puts the groups of {@code n} rows' {@code keys}, found in {@link #table}, into {@code groupOfRow} from
         * {@code at}, through {@code ids} (grown when short, null at first); returns the ids array to pass next time.
         */
        private int[] hash(Vector[] keys, int n, int[] groupOfRow, int at, int[] ids) {
            int[] out = ids == null || ids.length < n ? new int[n] : ids;
            table.assign(keys, n, out);
            System.arraycopy(out, 0, groupOfRow, at, n);
            return out;
        }

        /** Groups the rows: by the long keys {@code keyParts} (in row order) when one, else as {@code hashed} says. */
        private void group(List<LongVector> keyParts, List<KqlType> keyTypes, int[] hashed) {
            int[] groupOfRow = hashed;
            if (keyParts != null) {
                dense = DenseKeys.assign(keyParts, rows);
                if (dense != null) {
                    groupOfRow = dense.rowGroup();
                } else {
                    table = GroupTable.create(keyTypes);
                    groupOfRow = new int[rows];
                    int[] ids = null;
                    int at = 0;
                    for (LongVector part : keyParts) {
                        ids = hash(new Vector[] {part}, part.size(), groupOfRow, at, ids);
                        at += part.size();
                    }
                }
            }
            groupCount = dense != null ? dense.groupCount() : table.groupCount();
            if (groupCount == rows) {
                return; // groups are numbered in order of first appearance: row r is group r, alone in it
            }
            rowGroup = groupOfRow;
            first = new int[groupCount];
            next = new int[rows];
            Arrays.fill(first, -1);
            for (int r = rows - 1; r >= 0; r--) {
                next[r] = first[rowGroup[r]];
                first[rowGroup[r]] = r;
            }
        }
    }

    /** The rows {@code node} gives when the plan knows them without running it (a table, projected), else -1. */
    static int knownRows(PlanNode node) {
        if (node instanceof PlanNode.Scan scan) {
            long rows = 0;
            for (Batch extent : scan.table().extents()) {
                rows += extent.rowCount();
            }
            return rows < Integer.MAX_VALUE ? (int) rows : -1;
        }
        return node instanceof PlanNode.Project project ? knownRows(project.input()) : -1;
    }

    /** The right columns some output column that a later step reads comes from: the only ones held. */
    private static boolean[] gatheredRightColumns(PlanNode.Join node) {
        boolean[] gathered = new boolean[node.right().schema().size()];
        boolean[] unread = Streams.mask(node.unread(), node.schema().size());
        int leftCount = node.leftColumns().size();
        for (int c = 0; c < node.rightColumns().size(); c++) {
            if (unread == null || !unread[leftCount + c]) {
                gathered[node.rightColumns().get(c)] = true;
            }
        }
        return gathered;
    }

    private static Vector[] keys(List<BoundExpr> keys, Batch batch) {
        EvalContext context = new EvalContext(batch.rowCount(), 0);
        Vector[] out = new Vector[keys.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = keys.get(k).evaluate(batch, context);
        }
        return out;
    }

    /** Probes the left batches one after another; for the right-side kinds, ends with the right rows to emit. */
    private static final class ProbeStream implements BatchStream {
        private final PlanNode.Join node;
        private final BuildSide lazyBuild;
        private final BatchStream left;
        private final boolean emitsRightRows;
        private final JoinKind kind;
        private final ScratchArrays scratch;
        /** The row pairs of the output batch being gathered; taken from {@link #scratch} when first read. */
        private int[] leftRows;
        private int[] rightRows;
        private final boolean[] unread;
        private BuildSide build;
        private boolean[] groupMatched;
        private Batch current;
        private int[] groups;
        private int row;
        private int chain = -1;
        private int tailRow = -1;

        ProbeStream(PlanNode.Join node, BuildSide build, BatchStream left, boolean emitsRightRows,
                ScratchArrays scratch) {
            this.node = node;
            this.scratch = scratch;
            this.lazyBuild = build;
            this.left = left;
            this.emitsRightRows = emitsRightRows;
            this.kind = node.kind();
            this.unread = Streams.mask(node.unread(), node.schema().size());
        }

        @Override
        public Batch next() {
            if (build == null) {
                build = lazyBuild.get();
                groupMatched = emitsRightRows ? new boolean[build.groupCount] : null;
            }
            if (leftRows == null) {
                leftRows = scratch.take(Batch.MAX_ROWS);
                rightRows = scratch.take(Batch.MAX_ROWS);
            }
            while (tailRow < 0) {
                if (current == null || row >= current.rowCount()) {
                    current = left.next();
                    if (current == null) {
                        tailRow = 0;
                        break;
                    }
                    int n = current.rowCount();
                    groups = scratch.atLeast(groups, n);
                    build.find(keys(node.leftKeys(), current), n, groups);
                    row = 0;
                    chain = -1;
                }
                int count = probe();
                if (count > 0) {
                    return output(current, count);
                }
            }
            return emitsRightRows ? tail() : null;
        }

        /** Pairs rows of {@link #current} from {@link #row} on, up to a full batch; returns how many. */
        private int probe() {
            int n = current.rowCount();
            int count = 0;
            while (row < n && count < Batch.MAX_ROWS) {
                int g = groups[row];
                if (chain >= 0) {
                    leftRows[count] = row;
                    rightRows[count++] = chain;
                    chain = build.nextRow(chain);
                    if (chain < 0) {
                        row++;
                    }
                    continue;
                }
                switch (kind) {
                    case INNER, RIGHT_OUTER -> {
                        if (g >= 0) {
                            matched(g);
                            chain = build.firstRow(g);
                            continue;
                        }
                    }
                    case INNER_UNIQUE -> {
                        if (g >= 0 && build.claimed.compareAndSet(g, 0, 1)) {
                            chain = build.firstRow(g);
                            continue;
                        }
                    }
                    case LEFT_OUTER, FULL_OUTER -> {
                        if (g >= 0) {
                            matched(g);
                            chain = build.firstRow(g);
                            continue;
                        }
                        leftRows[count] = row;
                        rightRows[count++] = build.nullRow;
                    }
                    case LEFT_SEMI -> {
                        if (g >= 0) {
                            leftRows[count++] = row;
                        }
                    }
                    case LEFT_ANTI -> {
                        if (g < 0) {
                            leftRows[count++] = row;
                        }
                    }
                    case RIGHT_SEMI, RIGHT_ANTI -> {
                        if (g >= 0) {
                            matched(g);
                        }
                    }
                }
                row++;
            }
            return count;
        }

        private void matched(int group) {
            if (groupMatched != null) {
                groupMatched[group] = true;
            }
        }

        private Batch output(Batch leftBatch, int count) {
            Vector[] out = new Vector[node.schema().size()];
            int c = 0;
            for (int l : node.leftColumns()) {
                out[c] = leftBatch == null || isUnread(c) ? Vector.missing(node.schema().column(c).type(), count)
                        : leftBatch.column(l).select(leftRows, count);
                c++;
            }
            for (int r : node.rightColumns()) {
                out[c] = isUnread(c) ? Vector.missing(node.schema().column(c).type(), count)
                        : build.columns[r].select(rightRows, count);
                c++;
            }
            return new Batch(node.schema(), out, count);
        }

        private boolean isUnread(int column) {
            return unread != null && unread[column];
        }

        /** The right rows no left row matched (outer, anti) or that some left row matched (semi). */
        private Batch tail() {
            boolean wantMatched = kind == JoinKind.RIGHT_SEMI;
            int count = 0;
            while (tailRow < build.rows && count < Batch.MAX_ROWS) {
                if (groupMatched[build.groupOf(tailRow)] == wantMatched) {
                    rightRows[count++] = tailRow;
                }
                tailRow++;
            }
            return count == 0 ? null : output(null, count);
        }

        @Override
        public void close() {
            scratch.give(leftRows);
            scratch.give(rightRows);
            scratch.give(groups);
            leftRows = null;
            rightRows = null;
            groups = null;
            left.close();
        }
    }
}

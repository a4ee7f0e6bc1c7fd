package io.github.camelkusto.kql.exec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.IntStream;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.LongVector;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.data.VectorBuilder;
import io.github.camelkusto.kql.functions.EvalContext;
import io.github.camelkusto.kql.plan.BoundExpr;
import io.github.camelkusto.kql.plan.PlanNode;

/**
 * top N (a sort with a small limit) without sorting everything: each partition keeps its best N rows in a
 * bounded heap (worst on top, so a row that does not beat it costs one comparison), partitions in parallel; the
 * partitions' candidates are then ordered and the first N emitted. Ties keep the input order (partition, then
 * row), as the stable full sort does, so both give the same rows. Memory: N rows (and the batches they are
 * in) per partition.
 */
final class TopN {
    /** Above this limit the full sort is used: the heap's per-row objects would cost more than sorting. */
    static final long MAX_LIMIT = 100_000;
    /** Up to this limit a batch's candidate rows come from its first key's kept best rows (a small list each). */
    static final int MAX_CANDIDATES = 1024;

    private TopN() {
    }

    /** A kept row: its batch, its key values and its position in the input (partition, row). */
    private record Candidate(Batch batch, Vector[] keys, int row, int partition, long seq) {
    }

    /**
     * The top rows of {@code input}. {@code extents}, when not null, are the stored extents {@code input}'s
     * partitions read as they are, one each and in order (a plain table scan): their first key's kept min and max
     * then choose the partition read first and spare reading the ones that cannot make the cut.
     */
    static List<Batch> run(PlanNode.Sort sort, QueryResult input, List<Batch> extents, Parallel parallel) {
        int limit = (int) (long) sort.limit();
        List<PlanNode.SortKey> keys = sort.keys();
        Comparator<Candidate> order = (a, b) -> {
            for (int k = 0; k < keys.size(); k++) {
                PlanNode.SortKey key = keys.get(k);
                int c = compare(a.keys[k], a.row, b.keys[k], b.row, key.ascending(), key.nullsFirst());
                if (c != 0) {
                    return c;
                }
            }
            int c = Integer.compare(a.partition, b.partition);
            return c != 0 ? c : Long.compare(a.seq, b.seq);
        };
        List<Batch> out = new ArrayList<>();
        if (limit <= 0) {
            return out;
        }
        SharedBound bound = new SharedBound(keys.get(0).ascending() ? 1 : -1);
        PartitionTops tops = new PartitionTops(limit, order.reversed(), bound);
        List<Partition> partitions = input.partitions();
        List<Candidate> all = new ArrayList<>();
        int[] toRead = extents == null ? null : readBestExtentFirst(partitions, extents, keys, tops, all);
        int[] indexes = toRead != null ? toRead : IntStream.range(0, partitions.size()).toArray();
        List<Partition> reading = Arrays.stream(indexes).mapToObj(partitions::get).toList();
        parallel.readPartitions(reading, p -> new PartitionTop(indexes[p], tops), (top, batch) -> top.add(batch, keys))
                .forEach(top -> all.addAll(top.heap));
        all.sort(order);
        int n = Math.min(limit, all.size());
        for (int from = 0; from < n; from += Batch.MAX_ROWS) {
            int count = Math.min(Batch.MAX_ROWS, n - from);
            Vector[] columns = new Vector[input.schema().size()];
            for (int c = 0; c < columns.length; c++) {
                VectorBuilder column = new VectorBuilder(input.schema().column(c).type(), count);
                for (int i = from; i < from + count; i++) {
                    Candidate row = all.get(i);
                    column.appendFrom(row.batch.column(c), row.row);
                }
                columns[c] = column.build();
            }
            out.add(new Batch(input.schema(), columns, count));
        }
        return out;
    }

    /** What every partition's {@link PartitionTop} shares. */
    private record PartitionTops(int limit, Comparator<Candidate> worstFirst, SharedBound bound) {
    }

    /**
     * Reads, on the calling thread, the partition whose extent holds the best first key (the earliest of equals)
     * into {@code candidates}; returns the other partitions whose extent's best can still make the cut, or null
     * when the extents' best keys are not known. For keys that grow with ingestion (top by Timestamp desc), and
     * for keys whose every extent holds the best value, that one extent is all that is read.
     */
    private static int[] readBestExtentFirst(List<Partition> partitions, List<Batch> extents,
            List<PlanNode.SortKey> keys, PartitionTops tops, List<Candidate> candidates) {
        long[] best = storedBest(extents, keys);
        if (best == null) {
            return null;
        }
        int first = 0;
        for (int p = 1; p < best.length; p++) {
            if (tops.bound.sign * Long.compare(best[p], best[first]) < 0) {
                first = p;
            }
        }
        PartitionTop top = new PartitionTop(first, tops);
        try (BatchStream batches = partitions.get(first).open()) {
            for (Batch b = batches.next(); b != null; b = batches.next()) {
                top.add(b, keys);
            }
        }
        candidates.addAll(top.heap);
        int read = first;
        return IntStream.range(0, best.length)
                .filter(p -> p != read && !tops.bound.excludes(best[p], p, keys.size() == 1)).toArray();
    }

    /**
     * Per extent, the best first key any of its rows has (the kept max for a descending key, min ascending), or
     * null when that is not known without reading: a first key that is not a column of long storage, or one with
     * nulls somewhere (whose order the general comparison decides).
     */
    private static long[] storedBest(List<Batch> extents, List<PlanNode.SortKey> keys) {
        if (!(keys.get(0).expr() instanceof BoundExpr.ColumnRef column)) {
            return null;
        }
        long[] best = new long[extents.size()];
        for (int p = 0; p < best.length; p++) {
            if (!(extents.get(p).column(column.index()) instanceof LongVector values) || values.hasNulls()
                    || values.size() == 0) {
                return null;
            }
            best[p] = keys.get(0).ascending() ? values.min() : values.max();
        }
        return best.length == 0 ? null : best;
    }

    /**
     * The first key of the worst row kept by some partition's full heap (and that partition): every partition
     * has at least N rows no worse than it, so a row worse on that key cannot be in the top N, nor can one tied
     * with it on the only key that comes after that partition's rows. The tightest one seen is kept.
     */
    private record Bound(long value, int partition) {
    }

    /** The tightest {@link Bound} of all partitions so far, shared by the partitions' threads. */
    private static final class SharedBound {
        private final int sign;
        private volatile Bound tightest;

        SharedBound(int sign) {
            this.sign = sign;
        }

        Bound get() {
            return tightest;
        }

        synchronized void offer(long value, int partition) {
            Bound b = tightest;
            if (b == null || sign * Long.compare(value, b.value) < 0 || value == b.value && partition < b.partition) {
                tightest = new Bound(value, partition);
            }
        }

        /** Whether a row of {@code partition} whose first key is {@code value} cannot be in the top N. */
        boolean excludes(long value, int partition, boolean oneKey) {
            Bound b = tightest;
            if (b == null) {
                return false;
            }
            int c = sign * Long.compare(value, b.value);
            return c > 0 || c == 0 && oneKey && b.partition <= partition;
        }
    }

    /** One partition's best rows so far. */
    private static final class PartitionTop {
        final int partition;
        final int limit;
        final PriorityQueue<Candidate> heap;
        final SharedBound bound;
        long seen;

        PartitionTop(int partition, PartitionTops shared) {
            this.partition = partition;
            this.limit = shared.limit;
            this.heap = new PriorityQueue<>(Math.min(limit, 1024) + 1, shared.worstFirst);
            this.bound = shared.bound;
        }

        void add(Batch batch, List<PlanNode.SortKey> keys) {
            int n = batch.rowCount();
            EvalContext context = new EvalContext(n, seen);
            Vector[] values = new Vector[keys.size()];
            values[0] = keys.get(0).expr().evaluate(batch, context);
            // The common case, a first key in long storage: most rows lose to the worst kept one on that key
            // alone, which is decided here on the primitive values; the rest take the general comparison.
            boolean primitive = values[0] instanceof LongVector && !values[0].hasNulls();
            int sign = keys.get(0).ascending() ? 1 : -1;
            boolean oneKey = values.length == 1;
            long best = 0; // the batch's best first key, when primitive
            if (primitive) {
                LongVector first = (LongVector) values[0];
                best = sign > 0 ? first.min() : first.max();
                // A batch whose best first key cannot make the cut is skipped whole (a stored extent's min and
                // max are kept with it, so this costs nothing from the second query on).
                if (bound.excludes(best, partition, oneKey)) {
                    seen += n;
                    return;
                }
            }
            for (int k = 1; k < values.length; k++) {
                values[k] = keys.get(k).expr().evaluate(batch, context);
            }
            long[] first = primitive ? ((LongVector) values[0]).values() : null;
            int[] only = primitive ? candidates((LongVector) values[0], sign, oneKey) : null;
            int count = only == null ? n : only.length;
            int mask = values[0].mask();
            boolean thresholdKnown = false;
            long threshold = 0;
            for (int j = 0; j < count; j++) {
                int i = only == null ? j : only[j];
                if (heap.size() < limit) {
                    heap.add(new Candidate(batch, values, i, partition, seen + i));
                    if (primitive && heap.size() == limit) {
                        offerWorst();
                    }
                    continue;
                }
                if (primitive) {
                    if (!thresholdKnown) {
                        Candidate worst = heap.peek();
                        if (worst.keys[0].isNull(worst.row)) {
                            primitive = false; // a null kept: leave the order of nulls to the general comparison
                        } else {
                            threshold = worst.keys[0].getLong(worst.row);
                            thresholdKnown = true;
                            int c = sign * Long.compare(best, threshold);
                            if (c > 0 || c == 0 && oneKey) {
                                break; // not even the batch's best can make the cut now: nor can its later rows
                            }
                        }
                    }
                    if (thresholdKnown) {
                        long v = first[i & mask];
                        int c = sign * Long.compare(v, threshold);
                        if (c > 0 || c == 0 && oneKey || bound.excludes(v, partition, oneKey)) {
                            continue; // worse than the worst kept, or tied with it (a tie keeps the earlier row)
                        }
                    }
                }
                Candidate worst = heap.peek();
                if (beats(values, i, worst, keys)) {
                    heap.poll();
                    heap.add(new Candidate(batch, values, i, partition, seen + i));
                    thresholdKnown = false;
                    if (primitive) {
                        offerWorst();
                    }
                }
            }
            seen += n;
        }

        /**
         * The only rows of a batch that can be in this partition's top N, in row order, or null to read them all:
         * rows not among the batch's own best N on the first key lose to N of its rows, except rows tied on the
         * first key with its N-th best, whose later keys decide. The batch's best rows come from its first key's
         * kept {@link LongVector#bestRows} (computed once for a stored extent), so the rows are not read again.
         */
        private int[] candidates(LongVector first, int sign, boolean oneKey) {
            int n = first.size();
            if (limit > MAX_CANDIDATES || n <= 4L * limit) {
                return null; // a few rows, or a limit near the batch's size: reading them all is as cheap
            }
            int[] best = first.bestRows(limit + 1, sign < 0);
            if (!oneKey && first.getLong(best[limit]) == first.getLong(best[limit - 1])) {
                return null; // the N-th best's ties go past the kept rows: the later keys need them all
            }
            int[] inRowOrder = Arrays.copyOf(best, limit);
            Arrays.sort(inRowOrder);
            return inRowOrder;
        }

        /** Offers the full heap's worst first key to the other partitions as a bound. */
        private void offerWorst() {
            Candidate worst = heap.peek();
            if (!worst.keys[0].isNull(worst.row)) {
                bound.offer(worst.keys[0].getLong(worst.row), partition);
            }
        }

        /** Whether row {@code i} comes strictly before the kept {@code worst} (a tie keeps the earlier row). */
        private static boolean beats(Vector[] values, int i, Candidate worst, List<PlanNode.SortKey> keys) {
            for (int k = 0; k < values.length; k++) {
                PlanNode.SortKey key = keys.get(k);
                int c = compare(values[k], i, worst.keys[k], worst.row, key.ascending(), key.nullsFirst());
                if (c != 0) {
                    return c < 0;
                }
            }
            return false;
        }
    }

    /** The sort order of row {@code i} of {@code a} against row {@code j} of {@code b}, as the full sort orders. */
    static int compare(Vector a, int i, Vector b, int j, boolean ascending, boolean nullsFirst) {
        boolean an = a.isNull(i);
        boolean bn = b.isNull(j);
        if (an || bn) {
            int nullOrder = nullsFirst ? -1 : 1;
            return an == bn ? 0 : an ? nullOrder : -nullOrder;
        }
        int sign = ascending ? 1 : -1;
        return sign * switch (VectorBuilder.storage(a.type())) {
            case LONG -> Long.compare(a.getLong(i), b.getLong(j));
            case DOUBLE -> Double.compare(a.getDouble(i), b.getDouble(j));
            case OBJECT -> compareObjects(a.getObject(i), b.getObject(j));
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareObjects(Object a, Object b) {
        if (a instanceof BigDecimal x) {
            return x.compareTo((BigDecimal) b);
        }
        return ((Comparable) a).compareTo(b);
    }
}

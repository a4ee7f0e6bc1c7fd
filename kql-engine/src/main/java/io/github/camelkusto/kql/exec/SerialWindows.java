package io.github.camelkusto.kql.exec;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.data.VectorBuilder;
import io.github.camelkusto.kql.functions.EvalContext;
import io.github.camelkusto.kql.functions.SerialKernel;
import io.github.camelkusto.kql.plan.BoundExpr;

/**
 * Reads a stream batch by batch for expressions with serial functions (prev, next, row_cumsum...): each batch
 * comes as a window with up to {@code before} rows already read in front and up to {@code after} rows still to
 * come behind (read ahead, held until their turn), and one evaluation state for the whole stream. Without
 * neighbours to show, the window is the batch itself. Memory stays bounded: a batch plus the neighbour rows.
 */
final class SerialWindows {
    /** A batch's rows {@code [from, to)} in {@code rows}; {@code firstRow}: the stream position of row 0. */
    record Window(Batch rows, int from, int to, long firstRow, Map<Object, Object> state) {
        EvalContext context() {
            return new EvalContext(rows.rowCount(), firstRow, from, to, state, rows.ingestion().orElse(null));
        }

        boolean isWholeBatch() {
            return from == 0 && to == rows.rowCount();
        }

        /** The batch's own part of a vector computed over the window. */
        Vector own(Vector v) {
            return isWholeBatch() || v.isConstant() ? v.isConstant() ? Vector.constant(v.type(), v.box(0), to - from)
                    : v : v.slice(from, to);
        }

        Batch batch() {
            return isWholeBatch() ? rows : rows.slice(from, to);
        }
    }

    private final BatchStream input;
    private final int before;
    private final int after;
    private final Map<Object, Object> state = new HashMap<>();
    private final ArrayDeque<Batch> ahead = new ArrayDeque<>();
    private int aheadRows;
    private boolean exhausted;
    private Batch tail;
    private long emitted;

    SerialWindows(BatchStream input, List<BoundExpr> expressions) {
        this.input = input;
        int b = 0;
        int a = 0;
        for (BoundExpr e : expressions) {
            b += reach(e, true);
            a += reach(e, false);
        }
        this.before = b;
        this.after = a;
    }

    /** Whether any of {@code expressions} calls a serial function. */
    static boolean usesSerialFunctions(List<BoundExpr> expressions) {
        return expressions.stream().anyMatch(SerialWindows::usesSerial);
    }

    private static boolean usesSerial(BoundExpr e) {
        if (e instanceof BoundExpr.Call c) {
            return c.kernel() instanceof SerialKernel || c.args().stream().anyMatch(SerialWindows::usesSerial);
        }
        return e instanceof BoundExpr.Widen w && usesSerial(w.inner());
    }

    /** The rows before (after) a row that the serial functions of {@code e} may read, nesting included. */
    private static int reach(BoundExpr e, boolean backwards) {
        if (e instanceof BoundExpr.Call c) {
            int inner = 0;
            for (BoundExpr a : c.args()) {
                inner += reach(a, backwards);
            }
            if (c.kernel() instanceof SerialKernel s) {
                inner += backwards ? s.rowsBefore() : s.rowsAfter();
            }
            return inner;
        }
        if (e instanceof BoundExpr.Widen w) {
            return reach(w.inner(), backwards);
        }
        return 0;
    }

    /** The next batch as a window, or null at the end. */
    Window next() {
        Batch current;
        if (ahead.isEmpty()) {
            current = read();
        } else {
            current = ahead.poll();
            aheadRows -= current.rowCount();
        }
        if (current == null) {
            return null;
        }
        int n = current.rowCount();
        if (before == 0 && after == 0) {
            Window w = new Window(current, 0, n, emitted, state);
            emitted += n;
            return w;
        }
        while (aheadRows < after && !exhausted) {
            Batch b = read();
            if (b != null) {
                ahead.add(b);
                aheadRows += b.rowCount();
            }
        }
        int pre = tail == null ? 0 : tail.rowCount();
        Batch rows = concat(tail, current, after);
        Window w = new Window(rows, pre, pre + n, emitted - pre, state);
        emitted += n;
        Batch seen = concat(tail, current, 0);
        tail = before == 0 ? null : seen.slice(Math.max(0, seen.rowCount() - before), seen.rowCount());
        return w;
    }

    private Batch read() {
        if (exhausted) {
            return null;
        }
        Batch b = input.next();
        if (b == null) {
            exhausted = true;
        }
        return b;
    }

    /** {@code tail}, {@code current} and up to {@code following} rows of the batches read ahead, as one batch. */
    private Batch concat(Batch tail, Batch current, int following) {
        if ((tail == null || tail.rowCount() == 0) && (following == 0 || ahead.isEmpty())) {
            return current;
        }
        int cols = current.columns().length;
        VectorBuilder[] out = new VectorBuilder[cols];
        for (int c = 0; c < cols; c++) {
            out[c] = new VectorBuilder(current.schema().column(c).type(), current.rowCount() + before + following);
        }
        int[] total = {0};
        java.util.function.BiConsumer<Batch, Integer> add = (b, rows) -> {
            for (int c = 0; c < cols; c++) {
                for (int r = 0; r < rows; r++) {
                    out[c].appendFrom(b.column(c), r);
                }
            }
            total[0] += rows;
        };
        if (tail != null) {
            add.accept(tail, tail.rowCount());
        }
        add.accept(current, current.rowCount());
        int left = following;
        for (Batch b : ahead) {
            if (left <= 0) {
                break;
            }
            int take = Math.min(left, b.rowCount());
            add.accept(b, take);
            left -= take;
        }
        Vector[] vectors = new Vector[cols];
        for (int c = 0; c < cols; c++) {
            vectors[c] = out[c].build();
        }
        return new Batch(current.schema(), vectors, total[0]);
    }

    void close() {
        input.close();
    }
}

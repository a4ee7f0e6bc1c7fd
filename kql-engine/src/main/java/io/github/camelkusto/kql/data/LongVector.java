package io.github.camelkusto.kql.data;

import java.util.Arrays;

import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.Ticks;

/** bool (0/1), int, long, datetime and timespan (100 ns ticks) in a {@code long[]}. */
public final class LongVector extends Vector {
    private final long[] values;

    /** {@code values} is taken, not copied: the caller gives it up. {@code nulls} may be null (no null). */
    public LongVector(KqlType type, long[] values, boolean[] nulls, int size) {
        this(type, values, nulls, size, false);
    }

    LongVector(KqlType type, long[] values, boolean[] nulls, int size, boolean constant) {
        super(type, size, nulls, constant);
        this.values = values;
    }

    /**
     * {min, max} of the values (nulls' storage included), computed on first use and kept: a stored extent's
     * column is read by many queries, and top-N skips a whole extent whose best value cannot make the cut.
     */
    private volatile long[] range;

    /** The smallest value in storage (a null row's storage counts too: callers check {@link #hasNulls()}). */
    public long min() {
        return range()[0];
    }

    /** The largest value in storage (see {@link #min()}). */
    public long max() {
        return range()[1];
    }

    private long[] range() {
        long[] known = range;
        if (known == null) {
            int n = mask == 0 ? Math.min(size, 1) : size;
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = 0; i < n; i++) {
                long v = values[i];
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            known = new long[] {min, max};
            range = known;
        }
        return known;
    }

    /** {@link #bestRows}' kept answers, largest and smallest first: a stored extent's column serves many queries. */
    private volatile int[] largestRows;
    private volatile int[] smallestRows;

    /**
     * The positions of the rows with the {@code k} largest (or smallest) values, best first, a tie going to the
     * earlier row; {@code min(k, size)} of them, or more (a longer list kept from an earlier call: its prefix is
     * the answer). Storage values count, nulls' included, as in {@link #min()}. Computed on first use and kept, so
     * top-N reads a stored extent's few candidate rows instead of all of them from the second query on. The
     * array is shared: callers must not write to it.
     */
    public int[] bestRows(int k, boolean largest) {
        int wanted = Math.min(k, size);
        int[] known = largest ? largestRows : smallestRows;
        if (known != null && known.length >= wanted) {
            return known;
        }
        int[] rows;
        if (mask == 0) {
            rows = new int[wanted];
            for (int i = 0; i < wanted; i++) {
                rows[i] = i; // one value for every row: the earliest rows win the ties
            }
        } else {
            rows = BestRows.of(values, size, wanted, largest);
        }
        if (largest) {
            largestRows = rows;
        } else {
            smallestRows = rows;
        }
        return rows;
    }

    /** The storage, indexed as {@code values()[i & mask()]}. */
    public long[] values() {
        return values;
    }

    @Override
    public long getLong(int i) {
        return values[i & mask];
    }

    /** Row {@code i} as double: long-stored numbers widen for real arithmetic. */
    @Override
    public double getDouble(int i) {
        return values[i & mask];
    }

    @Override
    public Object box(int i) {
        if (isNull(i)) {
            return null;
        }
        long v = values[i & mask];
        return switch (type) {
            case BOOL -> v != 0;
            case INT -> (int) v;
            case DATETIME -> Ticks.toInstant(v);
            case TIMESPAN -> Ticks.toDuration(v);
            default -> v;
        };
    }

    @Override
    public Vector select(int[] rows, int count) {
        if (mask == 0) {
            return withSize(count);
        }
        long[] out = new long[count];
        for (int k = 0; k < count; k++) {
            out[k] = values[rows[k]];
        }
        return new LongVector(type, out, selectNulls(nulls, mask, rows, count), count);
    }

    @Override
    public Vector slice(int from, int to) {
        if (mask == 0) {
            return withSize(to - from);
        }
        return new LongVector(type, Arrays.copyOfRange(values, from, to), sliceNulls(nulls, mask, from, to),
                to - from);
    }

    @Override
    public Vector withSize(int newSize) {
        if (mask != 0) {
            throw new IllegalStateException("only a constant vector can be resized");
        }
        return new LongVector(type, values, nulls, newSize, true);
    }
}

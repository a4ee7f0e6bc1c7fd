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

package io.github.camelkusto.kql.data;

import java.util.Arrays;

import io.github.camelkusto.kql.types.KqlType;

/** real values in a {@code double[]}. */
public final class DoubleVector extends Vector {
    private final double[] values;

    /** {@code values} is taken, not copied. {@code nulls} may be null (no null). */
    public DoubleVector(double[] values, boolean[] nulls, int size) {
        this(values, nulls, size, false);
    }

    DoubleVector(double[] values, boolean[] nulls, int size, boolean constant) {
        super(KqlType.REAL, size, nulls, constant);
        this.values = values;
    }

    /** The storage, indexed as {@code values()[i & mask()]}. */
    public double[] values() {
        return values;
    }

    @Override
    public double getDouble(int i) {
        return values[i & mask];
    }

    @Override
    public Object box(int i) {
        return isNull(i) ? null : values[i & mask];
    }

    @Override
    public Vector select(int[] rows, int count) {
        if (mask == 0) {
            return withSize(count);
        }
        double[] out = new double[count];
        for (int k = 0; k < count; k++) {
            out[k] = values[rows[k]];
        }
        return new DoubleVector(out, selectNulls(nulls, mask, rows, count), count);
    }

    @Override
    public Vector slice(int from, int to) {
        if (mask == 0) {
            return withSize(to - from);
        }
        return new DoubleVector(Arrays.copyOfRange(values, from, to), sliceNulls(nulls, mask, from, to), to - from);
    }

    @Override
    public Vector withSize(int newSize) {
        if (mask != 0) {
            throw new IllegalStateException("only a constant vector can be resized");
        }
        return new DoubleVector(values, nulls, newSize, true);
    }
}

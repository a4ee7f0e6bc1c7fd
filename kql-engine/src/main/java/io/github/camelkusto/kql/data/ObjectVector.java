package io.github.camelkusto.kql.data;

import java.util.Arrays;

import io.github.camelkusto.kql.types.KqlType;

/**
 * string (String, never null: Kusto strings are empty, not null), decimal (BigDecimal), guid (UUID) and dynamic
 * (JsonNode; a JSON null inside dynamic is a NullNode, a typed null is null) in an {@code Object[]}. Null
 * elements are the nulls, so no separate mask is kept.
 */
public final class ObjectVector extends Vector {
    private final Object[] values;

    /** {@code values} is taken, not copied; its null elements are the vector's nulls. */
    public ObjectVector(KqlType type, Object[] values, int size) {
        this(type, values, size, false);
    }

    ObjectVector(KqlType type, Object[] values, int size, boolean constant) {
        super(type, size, nullsOf(values, constant ? 1 : size), constant);
        this.values = values;
    }

    private static boolean[] nullsOf(Object[] values, int n) {
        boolean[] nulls = null;
        for (int i = 0; i < n; i++) {
            if (values[i] == null) {
                if (nulls == null) {
                    nulls = new boolean[n];
                }
                nulls[i] = true;
            }
        }
        return nulls;
    }

    /** The storage, indexed as {@code values()[i & mask()]}; null elements are nulls. */
    public Object[] values() {
        return values;
    }

    @Override
    public Object getObject(int i) {
        return values[i & mask];
    }

    @Override
    public Object box(int i) {
        return values[i & mask];
    }

    @Override
    public Vector select(int[] rows, int count) {
        if (mask == 0) {
            return withSize(count);
        }
        Object[] out = new Object[count];
        for (int k = 0; k < count; k++) {
            out[k] = values[rows[k]];
        }
        return new ObjectVector(type, out, count);
    }

    @Override
    public Vector slice(int from, int to) {
        if (mask == 0) {
            return withSize(to - from);
        }
        return new ObjectVector(type, Arrays.copyOfRange(values, from, to), to - from);
    }

    @Override
    public Vector withSize(int newSize) {
        if (mask != 0) {
            throw new IllegalStateException("only a constant vector can be resized");
        }
        return new ObjectVector(type, values, newSize, true);
    }
}

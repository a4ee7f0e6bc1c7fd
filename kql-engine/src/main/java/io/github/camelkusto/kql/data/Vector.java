package io.github.camelkusto.kql.data;

import io.github.camelkusto.kql.types.KqlType;

/**
 * One column of a {@link Batch}: typed values in primitive or object storage, with an optional null mask.
 * <p>
 * Storage by type: bool (0/1), int, long, datetime (100 ns ticks since 1970) and timespan (ticks) in a
 * {@link LongVector}; real in a {@link DoubleVector}; string, decimal, guid and dynamic in an
 * {@link ObjectVector}. A <em>constant</em> vector (a literal broadcast over a batch) stores one value and reads
 * it for every row: its {@link #mask()} is 0, so kernels index storage as {@code values[i & mask]} and need no
 * special case (a normal vector's mask is -1). The null mask is {@code null} when the vector has no null.
 * Vectors are immutable once built.
 */
public abstract sealed class Vector permits LongVector, DoubleVector, ObjectVector {
    protected final KqlType type;
    protected final int size;
    protected final boolean[] nulls;
    protected final int mask;

    protected Vector(KqlType type, int size, boolean[] nulls, boolean constant) {
        this.type = type;
        this.size = size;
        this.nulls = nulls;
        this.mask = constant ? 0 : -1;
    }

    public final KqlType type() {
        return type;
    }

    public final int size() {
        return size;
    }

    /** 0 for a constant vector, -1 otherwise: storage index of row {@code i} is {@code i & mask()}. */
    public final int mask() {
        return mask;
    }

    public final boolean isConstant() {
        return mask == 0;
    }

    /** The null mask indexed like the storage ({@code nulls()[i & mask()]}), or {@code null} when none is null. */
    public final boolean[] nulls() {
        return nulls;
    }

    public final boolean hasNulls() {
        return nulls != null;
    }

    public final boolean isNull(int i) {
        return nulls != null && nulls[i & mask];
    }

    /**
     * Whether row {@code i} is null as Kusto sees it ({@code isnull()} is true): a typed null, or a dynamic value
     * that is JSON {@code null} ({@code dynamic(null)}, {@code parse_json('null')}). Artifacts write both as the
     * format's null, never as the text {@code null}.
     */
    public final boolean isKustoNull(int i) {
        return isNull(i) || type == KqlType.DYNAMIC
                && getObject(i) instanceof com.fasterxml.jackson.databind.JsonNode json && json.isNull();
    }

    /** Row {@code i} in primitive long storage (bool, int, long, datetime ticks, timespan ticks). */
    public long getLong(int i) {
        throw new UnsupportedOperationException(type + " is not stored as long");
    }

    public double getDouble(int i) {
        throw new UnsupportedOperationException(type + " is not stored as double");
    }

    /** Row {@code i} in object storage (String, BigDecimal, UUID, JsonNode). */
    public Object getObject(int i) {
        throw new UnsupportedOperationException(type + " is not stored as object");
    }

    /** Row {@code i} boxed as the contract of {@link Batch#value}: Long, Instant, Duration, ..., or null. */
    public abstract Object box(int i);

    /** The rows {@code rows[0..count)} of this vector, in that order (a constant stays constant). */
    public abstract Vector select(int[] rows, int count);

    /** Rows {@code [from, to)}. */
    public abstract Vector slice(int from, int to);

    /** This vector's values, as a vector of {@code size} rows (constants are resized). */
    public abstract Vector withSize(int size);

    /** A vector of {@code size} typed nulls. */
    public static Vector nulls(KqlType type, int size) {
        return VectorBuilder.constant(type, null, size);
    }

    /**
     * {@code size} rows of a column with no value to give (the side of an outer join without a match, a column no
     * later step reads): null, or the empty string (a string is never null).
     */
    public static Vector missing(KqlType type, int size) {
        return constant(type, type == KqlType.STRING ? "" : null, size);
    }

    /** {@code value} (a contract value as {@link Batch#value} returns, or null) broadcast over {@code size} rows. */
    public static Vector constant(KqlType type, Object value, int size) {
        return VectorBuilder.constant(type, value, size);
    }

    protected static boolean[] selectNulls(boolean[] nulls, int mask, int[] rows, int count) {
        if (nulls == null || mask == 0) {
            return nulls;
        }
        boolean[] out = null;
        for (int k = 0; k < count; k++) {
            if (nulls[rows[k]]) {
                if (out == null) {
                    out = new boolean[count];
                }
                out[k] = true;
            }
        }
        return out;
    }

    protected static boolean[] sliceNulls(boolean[] nulls, int mask, int from, int to) {
        if (nulls == null || mask == 0) {
            return nulls;
        }
        for (int i = from; i < to; i++) {
            if (nulls[i]) {
                return java.util.Arrays.copyOfRange(nulls, from, to);
            }
        }
        return null;
    }
}

package io.github.camelkusto.kql.data;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.Ticks;

/**
 * Appends values of one type and builds a {@link Vector}: in primitive form ({@link #appendLong},
 * {@link #appendDouble}, {@link #appendObject}) on hot paths, boxed ({@link #appendBoxed}) elsewhere.
 */
public final class VectorBuilder {
    private final KqlType type;
    private long[] longs;
    private double[] doubles;
    private Object[] objects;
    private boolean[] nulls;
    private int size;

    public VectorBuilder(KqlType type, int capacity) {
        this.type = type;
        int c = Math.max(capacity, 4);
        switch (storage(type)) {
            case LONG -> longs = new long[c];
            case DOUBLE -> doubles = new double[c];
            case OBJECT -> objects = new Object[c];
        }
    }

    public enum Storage { LONG, DOUBLE, OBJECT }

    public static Storage storage(KqlType type) {
        return switch (type) {
            case BOOL, INT, LONG, DATETIME, TIMESPAN -> Storage.LONG;
            case REAL -> Storage.DOUBLE;
            case DECIMAL, STRING, GUID, DYNAMIC -> Storage.OBJECT;
        };
    }

    public KqlType type() {
        return type;
    }

    public int size() {
        return size;
    }

    private void grow() {
        int capacity = longs != null ? longs.length : doubles != null ? doubles.length : objects.length;
        if (size < capacity) {
            return;
        }
        int more = capacity + (capacity >> 1) + 1;
        if (longs != null) {
            longs = Arrays.copyOf(longs, more);
        } else if (doubles != null) {
            doubles = Arrays.copyOf(doubles, more);
        } else {
            objects = Arrays.copyOf(objects, more);
        }
        if (nulls != null) {
            nulls = Arrays.copyOf(nulls, more);
        }
    }

    public void appendLong(long v) {
        grow();
        longs[size++] = v;
    }

    public void appendDouble(double v) {
        grow();
        doubles[size++] = v;
    }

    /** A value in object storage (String, BigDecimal, UUID, JsonNode); null is a typed null. */
    public void appendObject(Object v) {
        grow();
        objects[size++] = v;
    }

    public void appendNull() {
        grow();
        if (objects != null) {
            objects[size++] = type == KqlType.STRING ? "" : null; // Kusto strings are never null
            return;
        }
        if (nulls == null) {
            nulls = new boolean[longs != null ? longs.length : doubles.length];
        }
        nulls[size++] = true;
    }

    /** Row {@code i} of {@code v} (a vector of the same storage). */
    public void appendFrom(Vector v, int i) {
        if (v.isNull(i)) {
            appendNull();
        } else if (longs != null) {
            appendLong(v.getLong(i));
        } else if (doubles != null) {
            appendDouble(v.getDouble(i));
        } else {
            appendObject(v.getObject(i));
        }
    }

    /** A contract value as {@link Batch#value} returns it (Boolean, Integer, Instant, ...), or null. */
    public void appendBoxed(Object value) {
        if (value == null) {
            appendNull();
            return;
        }
        switch (storage(type)) {
            case LONG -> appendLong(toLong(type, value));
            case DOUBLE -> appendDouble(((Number) value).doubleValue());
            case OBJECT -> appendObject(toObject(type, value));
        }
    }

    static long toLong(KqlType type, Object value) {
        return switch (type) {
            case BOOL -> (Boolean) value ? 1 : 0;
            case DATETIME -> Ticks.of((Instant) value);
            case TIMESPAN -> Ticks.of((Duration) value);
            case INT -> ((Number) value).intValue();
            default -> ((Number) value).longValue();
        };
    }

    static Object toObject(KqlType type, Object value) {
        Class<?> expected = switch (type) {
            case STRING -> String.class;
            case DECIMAL -> BigDecimal.class;
            case GUID -> UUID.class;
            default -> JsonNode.class;
        };
        if (!expected.isInstance(value)) {
            throw new IllegalArgumentException("a " + type + " value must be a " + expected.getSimpleName()
                    + ", not " + value.getClass().getSimpleName());
        }
        return value;
    }

    public Vector build() {
        Vector v = switch (storage(type)) {
            case LONG -> new LongVector(type, longs, nulls == null ? null : Arrays.copyOf(nulls, size), size);
            case DOUBLE -> new DoubleVector(doubles, nulls == null ? null : Arrays.copyOf(nulls, size), size);
            case OBJECT -> new ObjectVector(type, objects, size);
        };
        longs = null;
        doubles = null;
        objects = null;
        return v;
    }

    static Vector constant(KqlType type, Object value, int size) {
        boolean[] nulls = value == null ? new boolean[] {true} : null;
        return switch (storage(type)) {
            case LONG -> new LongVector(type, new long[] {value == null ? 0 : toLong(type, value)}, nulls, size, true);
            case DOUBLE -> new DoubleVector(new double[] {value == null ? 0 : ((Number) value).doubleValue()}, nulls,
                    size, true);
            case OBJECT -> new ObjectVector(type, new Object[] {value == null ? null : toObject(type, value)}, size,
                    true);
        };
    }
}

package io.github.camelkusto.export.artifact;

import java.util.Arrays;

/**
 * The encoded fields of one text column's recent values, found by String instance: a column of few distinct values
 * (levels, service names, a literal) holds the same instances row after row (the engine's extents share them), and
 * copying an instance's field is cheaper than checking and encoding its characters again. Slots are chosen by the
 * String's hash, which String keeps once computed: a column whose values are mostly new instances (each would cost
 * a hash computation and a copy into the cache) stops looking after a trial of {@value #TRIAL} values. Not
 * thread-safe: one per column of one encoder.
 */
final class RepeatedFields {
    private static final int SLOTS = 64;
    static final int TRIAL = 4096;
    private final String[] values = new String[SLOTS];
    private final byte[][] fields = new byte[SLOTS][];
    private int lookups;
    private int hits;
    private boolean stopped;

    /** Whether this column's values are still looked up. */
    boolean active() {
        return !stopped;
    }

    /** The field last encoded for this very instance (not merely an equal String), or null. */
    byte[] find(String value) {
        if (++lookups == TRIAL) {
            stopped = hits < TRIAL / 2; // fewer than half of the values were repeats
            lookups = 0;
            hits = 0;
        }
        int slot = value.hashCode() & (SLOTS - 1);
        if (values[slot] == value) {
            hits++;
            return fields[slot];
        }
        return null;
    }

    /** Keeps {@code encoded[from, to)} as the field of {@code value}. */
    void keep(String value, byte[] encoded, int from, int to) {
        int slot = value.hashCode() & (SLOTS - 1);
        values[slot] = value;
        byte[] field = fields[slot];
        if (field != null && field.length == to - from) {
            System.arraycopy(encoded, from, field, 0, to - from);
        } else {
            fields[slot] = Arrays.copyOfRange(encoded, from, to);
        }
    }
}

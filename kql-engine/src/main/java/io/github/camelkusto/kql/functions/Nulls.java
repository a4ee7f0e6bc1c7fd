package io.github.camelkusto.kql.functions;

import io.github.camelkusto.kql.data.Vector;

/** Null masks of kernel results. */
public final class Nulls {
    private Nulls() {
    }

    /** The rows where any of {@code vectors} is null, as a mask of {@code n} rows; null when none is. */
    public static boolean[] union(int n, Vector... vectors) {
        boolean[] out = null;
        for (Vector v : vectors) {
            if (!v.hasNulls()) {
                continue;
            }
            boolean[] nulls = v.nulls();
            int m = v.mask();
            if (out == null) {
                out = new boolean[n];
            }
            for (int i = 0; i < n; i++) {
                out[i] |= nulls[i & m];
            }
        }
        return out;
    }

    /** {@code mask} with row {@code i} set, allocating it on the first null. */
    public static boolean[] set(boolean[] mask, int n, int i) {
        boolean[] out = mask != null ? mask : new boolean[n];
        out[i] = true;
        return out;
    }
}

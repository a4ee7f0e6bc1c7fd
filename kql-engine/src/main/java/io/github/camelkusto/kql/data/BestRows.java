package io.github.camelkusto.kql.data;

/**
 * The positions of the {@code k} best values of a long storage, best first, a tie going to the earlier position:
 * one pass with a bounded heap of primitives (worst kept on top), so a value that does not beat the worst kept
 * costs one comparison.
 */
final class BestRows {
    private BestRows() {
    }

    /** The best {@code min(k, n)} of {@code values[0..n)}: the largest when {@code largest}, else the smallest. */
    static int[] of(long[] values, int n, int k, boolean largest) {
        int sign = largest ? 1 : -1;
        int capacity = Math.min(k, n);
        long[] heapValues = new long[capacity];
        int[] heapRows = new int[capacity];
        int size = 0;
        for (int i = 0; i < n; i++) {
            long v = values[i];
            if (size < capacity) {
                heapValues[size] = v;
                heapRows[size] = i;
                siftUp(heapValues, heapRows, size++, sign);
            } else if (sign * Long.compare(v, heapValues[0]) > 0) {
                // a later row tied with the worst kept loses the tie: only a strictly better value gets in
                heapValues[0] = v;
                heapRows[0] = i;
                siftDown(heapValues, heapRows, size, sign);
            }
        }
        int[] bestFirst = new int[size];
        for (int last = size - 1; last >= 0; last--) {
            bestFirst[last] = heapRows[0];
            heapValues[0] = heapValues[last];
            heapRows[0] = heapRows[last];
            siftDown(heapValues, heapRows, last, sign);
        }
        return bestFirst;
    }

    /** Whether entry {@code a} is worse than entry {@code b}: a worse value, or the same value at a later row. */
    private static boolean worse(long[] values, int[] rows, int a, int b, int sign) {
        int c = sign * Long.compare(values[a], values[b]);
        return c < 0 || c == 0 && rows[a] > rows[b];
    }

    private static void siftUp(long[] values, int[] rows, int at, int sign) {
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!worse(values, rows, at, parent, sign)) {
                return;
            }
            swap(values, rows, at, parent);
            at = parent;
        }
    }

    private static void siftDown(long[] values, int[] rows, int size, int sign) {
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                return;
            }
            if (child + 1 < size && worse(values, rows, child + 1, child, sign)) {
                child++;
            }
            if (!worse(values, rows, child, at, sign)) {
                return;
            }
            swap(values, rows, at, child);
            at = child;
        }
    }

    private static void swap(long[] values, int[] rows, int a, int b) {
        long v = values[a];
        values[a] = values[b];
        values[b] = v;
        int r = rows[a];
        rows[a] = rows[b];
        rows[b] = r;
    }
}

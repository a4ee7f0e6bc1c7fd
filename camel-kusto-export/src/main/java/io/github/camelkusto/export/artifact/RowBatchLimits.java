package io.github.camelkusto.export.artifact;

/**
 * How big one batch of rows may grow, whichever bound it reaches first: {@code rows} rows, or {@code bytes} of
 * the rows' estimated heap size ({@link RowMaps#estimate}). A batch holds at least one row.
 */
public record RowBatchLimits(int rows, long bytes) {
    public static final int DEFAULT_ROWS = 10_000;
    public static final long DEFAULT_BYTES = 16L * 1024 * 1024;
    public static final RowBatchLimits DEFAULT = new RowBatchLimits(DEFAULT_ROWS, DEFAULT_BYTES);

    public RowBatchLimits {
        if (rows < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1 row, not " + rows);
        }
        if (bytes < 1) {
            throw new IllegalArgumentException("batchBytes must be at least 1 byte, not " + bytes);
        }
    }

    /** The limits with each bound given replacing the default. */
    public static RowBatchLimits of(Integer rows, Long bytes) {
        return new RowBatchLimits(rows != null ? rows : DEFAULT_ROWS, bytes != null ? bytes : DEFAULT_BYTES);
    }
}

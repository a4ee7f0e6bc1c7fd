package io.github.camelkusto.kql.data;

import java.util.List;

/**
 * A slice of rows stored column by column as {@link Vector}s. {@link #value} boxes row values to the
 * contract types: Boolean, Integer (int), Long (long), Double (real), BigDecimal (decimal), String (string,
 * never null), Instant (datetime), Duration (timespan), UUID (guid), JsonNode (dynamic); {@code null} is a
 * typed null. Operators produce batches of at most {@link #MAX_ROWS} rows (table extents are handed out as
 * stored). A batch is never modified after it is built; operators make new batches.
 */
public final class Batch {
    /**
     * Rows per batch made by the engine: big enough that per-batch costs (dispatch, allocation) vanish against
     * the per-row loops, small enough that a batch of a few columns stays in the CPU caches.
     */
    public static final int MAX_ROWS = 8192;

    private final Schema schema;
    private final Vector[] columns;
    private final int rowCount;
    /** The ingestion of a table extent's rows (kept by the slices and selections of it); null for other rows. */
    private final Ingestion ingestion;

    public Batch(Schema schema, Vector[] columns, int rowCount) {
        this(schema, columns, rowCount, null);
    }

    private Batch(Schema schema, Vector[] columns, int rowCount, Ingestion ingestion) {
        if (columns.length != schema.size()) {
            throw new IllegalArgumentException(columns.length + " vectors for schema " + schema);
        }
        for (int c = 0; c < columns.length; c++) {
            if (columns[c].size() != rowCount || columns[c].type() != schema.column(c).type()) {
                throw new IllegalArgumentException("column " + schema.column(c) + " got a vector of "
                        + columns[c].size() + " " + columns[c].type() + " values for " + rowCount + " rows");
            }
        }
        this.schema = schema;
        this.columns = columns;
        this.rowCount = rowCount;
        this.ingestion = ingestion;
    }

    /** The same rows as ingested by {@code ingestion}: how a database stamps the extents it stores. */
    public Batch stamped(Ingestion ingestion) {
        return new Batch(schema, columns, rowCount, ingestion);
    }

    /** The ingestion of these rows when they are (part of) a table extent: for {@code ingestion_time()}. */
    public java.util.Optional<Ingestion> ingestion() {
        return java.util.Optional.ofNullable(ingestion);
    }

    public Schema schema() {
        return schema;
    }

    public int rowCount() {
        return rowCount;
    }

    public Vector column(int column) {
        return columns[column];
    }

    /** A copy of the column array (the vectors themselves are immutable and shared). */
    public Vector[] columns() {
        return columns.clone();
    }

    public Object value(int column, int row) {
        return columns[column].box(row);
    }

    /** The first {@code rows} rows of this batch (itself when it has no more). */
    public Batch head(int rows) {
        return rows >= rowCount ? this : slice(0, rows);
    }

    /** Rows {@code [from, to)}. */
    public Batch slice(int from, int to) {
        Vector[] cut = new Vector[columns.length];
        for (int c = 0; c < columns.length; c++) {
            cut[c] = columns[c].slice(from, to);
        }
        return new Batch(schema, cut, to - from, ingestion);
    }

    /** The rows {@code rows[0..count)}, in that order. */
    public Batch select(int[] rows, int count) {
        Vector[] out = new Vector[columns.length];
        for (int c = 0; c < columns.length; c++) {
            out[c] = columns[c].select(rows, count);
        }
        return new Batch(schema, out, count, ingestion);
    }

    /**
     * The rows {@code rows[0..count)}, in that order, with the columns marked in {@code unread} not copied but
     * {@link Vector#missing missing} (no later step reads them); {@code unread} null: all copied.
     */
    public Batch select(int[] rows, int count, boolean[] unread) {
        if (unread == null) {
            return select(rows, count);
        }
        Vector[] out = new Vector[columns.length];
        for (int c = 0; c < columns.length; c++) {
            out[c] = unread[c] ? Vector.missing(columns[c].type(), count) : columns[c].select(rows, count);
        }
        return new Batch(schema, out, count, ingestion);
    }

    /** The same rows under another schema of the same types (renamed columns). */
    public Batch withSchema(Schema renamed) {
        return new Batch(renamed, columns, rowCount, ingestion);
    }

    /** Splits vectors of any length into batches of at most {@link #MAX_ROWS} rows. */
    public static List<Batch> chunks(Schema schema, Vector[] columns, int rowCount) {
        if (rowCount <= MAX_ROWS) {
            return List.of(new Batch(schema, columns, rowCount));
        }
        Batch whole = new Batch(schema, columns, rowCount);
        java.util.List<Batch> out = new java.util.ArrayList<>();
        for (int from = 0; from < rowCount; from += MAX_ROWS) {
            out.add(whole.slice(from, Math.min(rowCount, from + MAX_ROWS)));
        }
        return out;
    }

    public static Builder builder(Schema schema) {
        return new Builder(schema);
    }

    /** Collects rows of contract values and hands them out as batches. */
    public static final class Builder {
        private final Schema schema;
        private VectorBuilder[] columns;
        private int rows;

        private Builder(Schema schema) {
            this.schema = schema;
            reset();
        }

        private void reset() {
            columns = new VectorBuilder[schema.size()];
            for (int c = 0; c < columns.length; c++) {
                columns[c] = new VectorBuilder(schema.column(c).type(), 64);
            }
            rows = 0;
        }

        public Builder addRow(Object... values) {
            if (values.length != schema.size()) {
                throw new IllegalArgumentException(
                        "row has " + values.length + " values but the schema " + schema + " has " + schema.size());
            }
            for (int c = 0; c < values.length; c++) {
                try {
                    columns[c].appendBoxed(values[c]);
                } catch (ClassCastException e) {
                    throw new IllegalArgumentException("column " + schema.column(c) + " cannot hold "
                            + values[c].getClass().getSimpleName() + " " + values[c]);
                }
            }
            rows++;
            return this;
        }

        public int rowCount() {
            return rows;
        }

        /** Builds a batch of the rows added so far and starts a new one. */
        public Batch build() {
            Vector[] vectors = new Vector[columns.length];
            for (int c = 0; c < columns.length; c++) {
                vectors[c] = columns[c].build();
            }
            Batch batch = new Batch(schema, vectors, rows);
            reset();
            return batch;
        }
    }
}

package io.github.camelkusto.export.kql.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A slice of rows stored column by column: {@code columns[c][r]} is the value of column {@code c} in row
 * {@code r}, {@code null} for a typed null. Values are Boolean, Integer, Long, Double, BigDecimal, String,
 * Instant (datetime), Duration (timespan), UUID (guid) or String holding JSON (dynamic).
 * A batch is never modified after it is built; operators make new batches.
 */
public final class Batch {
    private final Schema schema;
    private final Object[][] columns;
    private final int rowCount;

    private Batch(Schema schema, Object[][] columns, int rowCount) {
        this.schema = schema;
        this.columns = columns;
        this.rowCount = rowCount;
    }

    public Schema schema() {
        return schema;
    }

    public int rowCount() {
        return rowCount;
    }

    public Object value(int column, int row) {
        return columns[column][row];
    }

    /** The first {@code rows} rows of this batch (itself when it has no more). */
    public Batch head(int rows) {
        if (rows >= rowCount) {
            return this;
        }
        Object[][] cut = new Object[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            cut[c] = Arrays.copyOf(columns[c], rows);
        }
        return new Batch(schema, cut, rows);
    }

    public static Builder builder(Schema schema) {
        return new Builder(schema);
    }

    /** Collects rows and hands them out as batches. */
    public static final class Builder {
        private final Schema schema;
        private final List<Object[]> rows = new ArrayList<>();

        private Builder(Schema schema) {
            this.schema = schema;
        }

        public Builder addRow(Object... values) {
            if (values.length != schema.size()) {
                throw new IllegalArgumentException(
                        "row has " + values.length + " values but the schema " + schema + " has " + schema.size());
            }
            rows.add(values.clone());
            return this;
        }

        public int rowCount() {
            return rows.size();
        }

        /** Builds a batch of the rows added so far and starts a new one. */
        public Batch build() {
            int n = rows.size();
            Object[][] columns = new Object[schema.size()][n];
            for (int r = 0; r < n; r++) {
                Object[] row = rows.get(r);
                for (int c = 0; c < row.length; c++) {
                    columns[c][r] = row[c];
                }
            }
            rows.clear();
            return new Batch(schema, columns, n);
        }
    }
}

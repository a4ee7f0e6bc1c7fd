package io.github.camelkusto.export.kql.catalog;

import java.util.ArrayList;
import java.util.List;

import io.github.camelkusto.export.kql.data.Batch;
import io.github.camelkusto.export.kql.data.Schema;

/** Collects ingested rows into extents of at most {@value #EXTENT_ROWS} rows, the engine's unit of parallel scan. */
public final class ExtentBuilder {
    public static final int EXTENT_ROWS = 65_536;

    private final Schema schema;
    private final List<Batch> extents = new ArrayList<>();
    private Batch.Builder rows;
    private long rowCount;

    public ExtentBuilder(Schema schema) {
        this.schema = schema;
        this.rows = Batch.builder(schema);
    }

    public void add(Object[] row) {
        rows.addRow(row);
        rowCount++;
        if (rows.rowCount() == EXTENT_ROWS) {
            extents.add(rows.build());
        }
    }

    /** Copies every row of {@code batch}, whose columns must be those of this builder's schema. */
    public void addAll(Batch batch) {
        Object[] row = new Object[schema.size()];
        for (int r = 0; r < batch.rowCount(); r++) {
            for (int c = 0; c < row.length; c++) {
                row[c] = batch.value(c, r);
            }
            add(row);
        }
    }

    public long rowCount() {
        return rowCount;
    }

    /** The extents of every row added. */
    public List<Batch> extents() {
        if (rows.rowCount() > 0) {
            extents.add(rows.build());
        }
        return List.copyOf(extents);
    }
}

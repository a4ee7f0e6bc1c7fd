package io.github.camelkusto.kql.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;

/**
 * Collects ingested rows into extents of at most {@value #EXTENT_ROWS} rows, the engine's unit of parallel scan.
 * Equal strings of a column with few distinct values share one instance, as a dictionary-encoded column would:
 * ingested logs repeat their levels and service names millions of times, and one instance each keeps the table
 * small and makes grouping by them cheap (the hash is computed once, equality is identity). A column that shows
 * more than {@value #DICTIONARY_LIMIT} distinct values is stored as its values come.
 */
public final class ExtentBuilder {
    public static final int EXTENT_ROWS = 65_536;
    static final int DICTIONARY_LIMIT = 4096;

    private final Schema schema;
    private final List<Batch> extents = new ArrayList<>();
    /** Per column: the shared instance of each string seen so far; null for other types and given-up columns. */
    private final List<Map<String, String>> dictionaries = new ArrayList<>();
    private Batch.Builder rows;
    private long rowCount;

    public ExtentBuilder(Schema schema) {
        this.schema = schema;
        this.rows = Batch.builder(schema);
        for (int c = 0; c < schema.size(); c++) {
            dictionaries.add(schema.column(c).type() == KqlType.STRING ? new HashMap<>() : null);
        }
    }

    /** Adds a row; its strings may be replaced, in {@code row}, by equal shared instances. */
    public void add(Object[] row) {
        for (int c = 0; c < row.length; c++) {
            Map<String, String> dictionary = dictionaries.get(c);
            if (dictionary != null && row[c] instanceof String text) {
                String shared = dictionary.putIfAbsent(text, text);
                if (shared != null) {
                    row[c] = shared;
                } else if (dictionary.size() > DICTIONARY_LIMIT) {
                    dictionaries.set(c, null);
                }
            }
        }
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

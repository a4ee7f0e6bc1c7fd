package io.github.camelkusto.kql.catalog;

import java.util.ArrayList;
import java.util.List;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Schema;

/**
 * A table of the embedded database: a schema and its extents (immutable batches of rows, the engine's
 * shards). Appending makes a new table value; readers of the old one are not disturbed.
 */
public record Table(String name, Schema schema, List<Batch> extents) {
    public Table {
        extents = List.copyOf(extents);
        for (Batch extent : extents) {
            if (!extent.schema().equals(schema)) {
                throw new IllegalArgumentException(
                        "extent schema " + extent.schema() + " differs from table " + name + schema);
            }
        }
    }

    public Table withExtent(Batch extent) {
        List<Batch> more = new ArrayList<>(extents);
        more.add(extent);
        return new Table(name, schema, more);
    }

    public long rowCount() {
        return extents.stream().mapToLong(Batch::rowCount).sum();
    }
}

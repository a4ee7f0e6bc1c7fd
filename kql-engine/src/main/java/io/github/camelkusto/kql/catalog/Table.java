package io.github.camelkusto.kql.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Ingestion;
import io.github.camelkusto.kql.data.Schema;

/**
 * A table of the embedded database: a schema and its extents (immutable batches of rows, the engine's
 * shards), each stamped with its ingestion once the database holds it. Appending makes a new table value;
 * readers of the old one are not disturbed.
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
        return withExtents(List.of(extent));
    }

    public Table withExtents(List<Batch> added) {
        List<Batch> more = new ArrayList<>(extents);
        more.addAll(added);
        return new Table(name, schema, more);
    }

    public long rowCount() {
        return extents.stream().mapToLong(Batch::rowCount).sum();
    }

    /** The table with only the extents ingested after cursor {@code after} and at or before {@code upTo}. */
    public Table ingestedBetween(long after, long upTo) {
        return new Table(name, schema, extents.stream().filter(e -> e.ingestion()
                .map(i -> i.cursor() > after && i.cursor() <= upTo).orElse(false)).toList());
    }

    /** The highest cursor of this table's extents ingested at or before {@code time}; 0 when none was. */
    public long lastCursorAt(Instant time) {
        long last = 0;
        for (Batch extent : extents) {
            Ingestion ingestion = extent.ingestion().orElse(null);
            if (ingestion != null && !ingestion.time().isAfter(time)) {
                last = Math.max(last, ingestion.cursor());
            }
        }
        return last;
    }
}

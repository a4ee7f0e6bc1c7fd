package io.github.camelkusto.export.artifact;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Schema;

/**
 * Turns rows into the bytes of a text format (csv, tsv, json lines): one call appends one complete record,
 * line ending included, straight into the writer's chunk.
 */
interface RecordEncoder {

    /** Appends the header line (column names) to {@code out}; formats without one append nothing. */
    void header(Schema schema, ByteChunk out);

    /** Appends row {@code row} of {@code batch} to {@code out}. */
    void record(Batch batch, int row, ByteChunk out);
}

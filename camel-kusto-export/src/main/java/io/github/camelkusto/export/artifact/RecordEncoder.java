package io.github.camelkusto.export.artifact;

import io.github.camelkusto.export.kql.data.Batch;
import io.github.camelkusto.export.kql.data.Schema;

/** Turns rows into the text of one format: one call appends one complete record, line ending included. */
public interface RecordEncoder {

    /** Appends the header line (column names) to {@code out}. */
    void header(Schema schema, StringBuilder out);

    /** Appends row {@code row} of {@code batch} to {@code out}. */
    void record(Batch batch, int row, StringBuilder out);
}

package io.github.camelkusto.export.artifact;

import io.github.camelkusto.kql.data.Batch;

/**
 * Row {@code row} of {@code batch}, as the record a format library writes: set, written, set again, so that no
 * object is made per row.
 */
final class RowCursor {
    Batch batch;
    int row;

    RowCursor at(Batch batch, int row) {
        this.batch = batch;
        this.row = row;
        return this;
    }
}

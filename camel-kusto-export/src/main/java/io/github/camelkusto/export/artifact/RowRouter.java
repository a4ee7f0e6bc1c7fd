package io.github.camelkusto.export.artifact;

import java.util.List;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Schema;

/**
 * Sends each row of a query result to a folder: how a partitioned export lays out its artifacts. The query's
 * batches may carry columns the router reads and the artifacts do not get ({@link #artifactSchema}).
 */
public interface RowRouter {

    /** Every row to the export's own location, as a plain export. */
    RowRouter NONE = new RowRouter() {
        @Override
        public Schema artifactSchema(Schema querySchema) {
            return querySchema;
        }

        @Override
        public List<Routed> route(Batch batch) {
            return List.of(new Routed("", batch));
        }
    };

    /** The schema of the artifacts' records, given the query's. */
    Schema artifactSchema(Schema querySchema);

    /** The batch's rows grouped by folder, each group in the artifact schema; a folder has no leading or trailing '/'. */
    List<Routed> route(Batch batch);

    /** Rows for one folder. */
    record Routed(String folder, Batch rows) {
    }
}

package io.github.camelkusto.kql.exec;

import java.util.ArrayList;
import java.util.List;

import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.data.VectorBuilder;

/** All rows of a result in one set of vectors: what sort works on. */
final class Materialized {
    private Materialized() {
    }

    static Batch of(QueryResult input) {
        Schema schema = input.schema();
        List<Batch> batches = new ArrayList<>();
        long[] total = {0};
        Streams.forEachBatch(input, b -> {
            batches.add(b);
            total[0] += b.rowCount();
        });
        if (total[0] > Integer.MAX_VALUE - 16) {
            throw new KustoException("the embedded engine sorts at most "
                    + Integer.MAX_VALUE + " rows");
        }
        int n = (int) total[0];
        if (batches.size() == 1) {
            return batches.get(0);
        }
        Vector[] columns = new Vector[schema.size()];
        for (int c = 0; c < columns.length; c++) {
            VectorBuilder builder = new VectorBuilder(schema.column(c).type(), n);
            for (Batch b : batches) {
                Vector v = b.column(c);
                for (int i = 0, rows = b.rowCount(); i < rows; i++) {
                    builder.appendFrom(v, i);
                }
            }
            columns[c] = builder.build();
        }
        return new Batch(schema, columns, n);
    }
}

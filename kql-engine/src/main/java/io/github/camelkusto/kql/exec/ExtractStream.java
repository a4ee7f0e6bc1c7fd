package io.github.camelkusto.kql.exec;

import java.util.Arrays;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.data.VectorBuilder;
import io.github.camelkusto.kql.functions.EvalContext;
import io.github.camelkusto.kql.plan.PlanNode;
import io.github.camelkusto.kql.plan.TextExtraction;

/** parse / parse-where / parse-kv: reads each row's text once and fills all the extracted columns from it. */
final class ExtractStream implements BatchStream {
    private final BatchStream input;
    private final PlanNode.Extract node;
    private long seen;

    ExtractStream(BatchStream input, PlanNode.Extract node) {
        this.input = input;
        this.node = node;
    }

    @Override
    public Batch next() {
        for (Batch b = input.next(); b != null; b = input.next()) {
            Batch out = extract(b);
            if (out.rowCount() > 0 || !node.dropUnmatched()) {
                return out;
            }
        }
        return null;
    }

    private Batch extract(Batch b) {
        int n = b.rowCount();
        Vector text = node.text().evaluate(b, new EvalContext(n, seen));
        seen += n;
        TextExtraction extraction = node.extraction();
        int k = extraction.columns().size();
        VectorBuilder[] builders = new VectorBuilder[k];
        for (int c = 0; c < k; c++) {
            builders[c] = new VectorBuilder(extraction.columns().get(c).type(), n);
        }
        Object[] values = new Object[k];
        int[] kept = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            Object t = text.isNull(i) ? "" : text.getObject(i);
            boolean matched = extraction.extract((String) t, values);
            if (matched || !node.dropUnmatched()) {
                kept[count++] = i;
                for (int c = 0; c < k; c++) {
                    builders[c].appendBoxed(values[c]);
                }
            }
            Arrays.fill(values, null);
        }
        Batch rows = count == n ? b : b.select(kept, count);
        Vector[] columns = Arrays.copyOf(rows.columns(), node.schema().size());
        for (int c = 0; c < k; c++) {
            columns[node.targets()[c]] = builders[c].build();
        }
        return new Batch(node.schema(), columns, count);
    }

    @Override
    public void close() {
        input.close();
    }
}

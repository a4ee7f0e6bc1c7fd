package io.github.camelkusto.kql.exec;

import java.util.ArrayList;
import java.util.List;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.DoubleVector;
import io.github.camelkusto.kql.data.LongVector;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.plan.PlanNode;
import io.github.camelkusto.kql.types.KqlType;

/**
 * range: never materialised. Its rows are split into consecutive slices, one partition each (one per core, so an
 * export writes them in parallel), and each partition computes its batches as they are read.
 */
final class RangeSource {
    private RangeSource() {
    }

    static QueryResult of(PlanNode.Range range) {
        long count = range.count();
        int cores = Runtime.getRuntime().availableProcessors();
        long parts = Math.max(1, Math.min(cores, (count + Batch.MAX_ROWS - 1) / Batch.MAX_ROWS));
        List<Partition> partitions = new ArrayList<>();
        for (long p = 0; p < parts; p++) {
            long start = count / parts * p + Math.min(p, count % parts);
            long end = start + count / parts + (p < count % parts ? 1 : 0);
            partitions.add(() -> stream(range, start, end));
        }
        return new QueryResult(range.schema(), partitions);
    }

    private static BatchStream stream(PlanNode.Range range, long start, long end) {
        return new BatchStream() {
            private long next = start;

            @Override
            public Batch next() {
                if (next >= end) {
                    return null;
                }
                int n = (int) Math.min(Batch.MAX_ROWS, end - next);
                Vector v;
                if (range.type() == KqlType.REAL) {
                    double[] values = new double[n];
                    for (int i = 0; i < n; i++) {
                        values[i] = range.fromReal() + (next + i) * range.stepReal();
                    }
                    v = new DoubleVector(values, null, n);
                } else {
                    long[] values = new long[n];
                    long value = range.from() + next * range.step();
                    for (int i = 0; i < n; i++) {
                        values[i] = value;
                        value += range.step();
                    }
                    v = new LongVector(range.type(), values, null, n);
                }
                next += n;
                return new Batch(range.schema(), new Vector[] {v}, n);
            }
        };
    }
}

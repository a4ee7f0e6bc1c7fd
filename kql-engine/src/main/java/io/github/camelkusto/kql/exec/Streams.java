package io.github.camelkusto.kql.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.Schema;

/** Plumbing shared by the operators: per-partition mapping, reading partitions one after another. */
final class Streams {
    private Streams() {
    }

    /** A streaming operator: each input partition becomes one output partition through {@code operator}. */
    static QueryResult mapPartitions(QueryResult input, Schema schema, UnaryOperator<BatchStream> operator) {
        List<Partition> out = new ArrayList<>();
        for (Partition p : input.partitions()) {
            out.add(() -> operator.apply(p.open()));
        }
        return new QueryResult(schema, out);
    }

    /** Every batch of every partition of {@code input}, partition after partition (for materialising operators). */
    static void forEachBatch(QueryResult input, Consumer<Batch> consumer) {
        for (Partition p : input.partitions()) {
            try (BatchStream s = p.open()) {
                for (Batch b = s.next(); b != null; b = s.next()) {
                    consumer.accept(b);
                }
            }
        }
    }

    /** The partitions of {@code input} read in order as one stream. */
    static BatchStream concat(List<Partition> partitions) {
        return new BatchStream() {
            private int next;
            private BatchStream current;

            @Override
            public Batch next() {
                while (true) {
                    if (current == null) {
                        if (next >= partitions.size()) {
                            return null;
                        }
                        current = partitions.get(next++).open();
                    }
                    Batch b = current.next();
                    if (b != null) {
                        return b;
                    }
                    current.close();
                    current = null;
                }
            }

            @Override
            public void close() {
                if (current != null) {
                    current.close();
                    current = null;
                }
            }
        };
    }

    /** A stream computed on first read (materialising operators start work only when read). */
    static BatchStream lazy(java.util.function.Supplier<List<Batch>> compute) {
        return new BatchStream() {
            private List<Batch> batches;
            private int next;

            @Override
            public Batch next() {
                if (batches == null) {
                    batches = new ArrayList<>(compute.get());
                }
                if (next >= batches.size()) {
                    return null;
                }
                Batch b = batches.get(next);
                batches.set(next++, null); // let the consumer's memory go as it reads
                return b;
            }
        };
    }

    /** {@code columns} (positions among {@code size}) as a mask, or null when there are none. */
    static boolean[] mask(List<Integer> columns, int size) {
        if (columns.isEmpty()) {
            return null;
        }
        boolean[] mask = new boolean[size];
        columns.forEach(c -> mask[c] = true);
        return mask;
    }
}

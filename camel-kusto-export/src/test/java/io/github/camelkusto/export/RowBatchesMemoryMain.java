package io.github.camelkusto.export;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Map;

import io.github.camelkusto.export.artifact.MemoryBoundExportMain;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Run by {@link RowBatchesMemoryTest} in a JVM with a small heap: a real CamelContext splits the row batches of a
 * {@code rows}-row {@code range} query (the log-like rows of {@link MemoryBoundExportMain}) with
 * {@code .split(body()).streaming()}, and prints {@code SUMMARY records=.. idSum=.. batches=.. largestBatch=..
 * recordHeader=.. peakHeap=.. seconds=..}.
 */
public final class RowBatchesMemoryMain {
    private RowBatchesMemoryMain() {
    }

    public static void main(String[] args) throws Exception {
        long rows = Long.parseLong(args[0]);
        int batchSize = Integer.parseInt(args[1]);
        long[] seen = new long[4]; // records, sum of Id, batches, largest batch
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:rows").to("kusto-export:csv?outputType=batches&batchSize=" + batchSize)
                            .split(body()).streaming()
                                .process(exchange -> count(exchange, seen))
                            .end();
                }
            });
            camel.start();
            long start = System.nanoTime();
            Exchange done = camel.createProducerTemplate().request("direct:rows",
                    e -> e.getIn().setBody(MemoryBoundExportMain.query(rows)));
            double seconds = (System.nanoTime() - start) / 1e9;
            if (done.getException() != null) {
                throw done.getException();
            }
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getPeakUsage)
                    .mapToLong(u -> u.getUsed()).sum();
            System.out.printf("SUMMARY records=%d idSum=%d batches=%d largestBatch=%d recordHeader=%s peakHeap=%d"
                    + " seconds=%.1f%n", seen[0], seen[1], seen[2], seen[3],
                    done.getMessage().getHeader(KustoExportConstants.RECORD_COUNT), peak, seconds);
        }
    }

    private static void count(Exchange exchange, long[] seen) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> batch = exchange.getIn().getBody(List.class);
        for (Map<String, Object> row : batch) {
            seen[1] += (Long) row.get("Id");
        }
        seen[0] += batch.size();
        seen[2]++;
        seen[3] = Math.max(seen[3], batch.size());
    }
}

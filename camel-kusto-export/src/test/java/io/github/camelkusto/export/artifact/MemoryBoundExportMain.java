package io.github.camelkusto.export.artifact;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.List;

import io.github.camelkusto.kql.data.ResultTable;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Run by {@link MemoryBoundExportTest} in a JVM with a small heap: a real CamelContext exports {@code rows} rows
 * of a {@code range} query into {@code folder} with the given {@code with (...)} properties (default: two
 * parallel writers), gzip-compressed when the fifth argument is {@code compressed}, in the format of the sixth
 * (default csv; parquet is snappy-compressed when compressed, else uncompressed), and prints a line
 * {@code ARTIFACT path,records,bytes} per artifact and then {@code SUMMARY peakHeap=<bytes> seconds=<s>}.
 */
public final class MemoryBoundExportMain {
    private MemoryBoundExportMain() {
    }

    /** Log-like rows, about 90 bytes of csv each; Id counts from 0 and comes first. */
    public static String query(long rows) {
        return "range Id from 0 to " + (rows - 1) + " step 1"
                + " | extend Timestamp = datetime(2026-01-01) + Id * 37ms,"
                + " Level = case(Id % 4 == 0, 'Information', Id % 4 == 1, 'Warning', Id % 4 == 2, 'Error', 'Verbose'),"
                + " Message = strcat('request ', Id, ' served, from \"origin\"'),"
                + " Value = Id * 0.25";
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        long rows = Long.parseLong(args[1]);
        long sizeLimit = Long.parseLong(args[2]);
        String properties = args.length > 3 ? args[3] : "distribution=per_node";
        boolean compressed = args.length > 4 && args[4].equals("compressed");
        String format = args.length > 5 ? args[5] : "csv";
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            long start = System.nanoTime();
            ResultTable artifacts = template.requestBody("kusto-export:" + format, ".export "
                    + (compressed ? "compressed " : "") + "to " + format + " (@'" + folder + "') with"
                    + " (sizeLimit=" + sizeLimit + ", " + properties + ") <| " + query(rows), ResultTable.class);
            report(artifacts, (System.nanoTime() - start) / 1e9);
        }
    }

    /** Prints {@code ARTIFACT path,records,bytes} per artifact, then {@code SUMMARY peakHeap=<bytes> seconds=<s>}. */
    public static void report(ResultTable artifacts, double seconds) {
        for (List<Object> a : artifacts.rows()) {
            System.out.println("ARTIFACT " + a.get(0) + "," + a.get(1) + "," + a.get(2));
        }
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getPeakUsage)
                .mapToLong(u -> u.getUsed()).sum();
        System.out.printf("SUMMARY peakHeap=%d seconds=%.1f%n", peak, seconds);
    }
}

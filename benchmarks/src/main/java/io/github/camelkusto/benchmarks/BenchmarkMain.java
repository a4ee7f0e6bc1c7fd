package io.github.camelkusto.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.camelkusto.export.KustoExportComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Side-by-side figures of camel-kusto-export and DuckDB on the same rows, in the same run.
 *
 * <pre>
 * java -Xmx6g -jar benchmarks/target/benchmarks.jar [engine] [export] [azurite] [cluster] [dataformat] [--rows N]
 *     [--runs R] [--warmups W|settled]
 *     [--formats csv,json] [--queries top,summarize] [--export-from table|query] [--block-size bytes]
 * java -Xmx256m -jar benchmarks/target/benchmarks.jar scale [--scale-gb 10,5]
 * </pre>
 *
 * With no suite named, runs {@code engine} and {@code export}; {@code azurite} (from a loaded table, as
 * {@code export}, unless {@code --export-from query}) (the blob upload comparison, which
 * needs Node.js and the test kit's npm-installed Azurite, found from the working directory), {@code cluster}
 * (client-side export through the Kusto REST protocol against the embedded engine) and {@code dataformat}
 * (built-in encoders against Camel DataFormats) run when named; so does {@code scale}: a csv and a parquet export of
 * {@code --scale-gb csv,parquet} gigabytes (default 10 and 5) in the heap the JVM was given, one run each.
 * Defaults: 10,000,000 rows, one untimed warm-up run (JIT) then the median of 3 timed runs, for each query or
 * format on each side; {@code --warmups settled} warms our side until the JIT has settled ({@link WarmUp}).
 */
public final class BenchmarkMain {
    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        long rowCount = 10_000_000;
        int runs = 3;
        List<String> suites = new ArrayList<>();
        List<String> formats = new ArrayList<>();
        List<String> queries = new ArrayList<>();
        ExportBenchmark.Source exportFrom = ExportBenchmark.Source.TABLE;
        double[] scaleGigabytes = {10, 5};
        int blockSize = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rowCount = Long.parseLong(args[++i].replace("_", "").replace(",", ""));
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmups" -> {
                    String warmups = args[++i];
                    WarmUp.untilSettled = warmups.equals("settled");
                    WarmUp.count = WarmUp.untilSettled ? 1 : Integer.parseInt(warmups);
                }
                case "--formats" -> formats.addAll(List.of(args[++i].split(",")));
                case "--queries" -> queries.addAll(List.of(args[++i].split(",")));
                case "--export-from" -> exportFrom = ExportBenchmark.Source.valueOf(args[++i].toUpperCase(Locale.ROOT));
                case "--block-size" -> blockSize = Integer.parseInt(args[++i].replace("_", "").replace(",", ""));
                case "--scale-gb" -> scaleGigabytes = java.util.Arrays.stream(args[++i].split(","))
                        .mapToDouble(Double::parseDouble).toArray();
                case "engine", "export", "azurite", "cluster", "dataformat", "scale" -> suites.add(args[i]);
                default -> {
                    System.err.println("usage: benchmarks.jar [engine] [export] [azurite] [cluster] [dataformat] [scale]"
                            + " [--rows N] [--runs R] [--scale-gb csv,parquet]"
                            + " [--warmups W|settled] [--formats csv,tsv,json,parquet,'csv + gzip' (case names, else formats)]"
                            + " [--queries top,join (name prefixes)]"
                            + " [--export-from table|query] [--block-size bytes (azurite)]");
                    System.exit(2);
                }
            }
        }
        if (suites.isEmpty()) {
            suites = List.of("engine", "export");
        }
        LogRows rows = new LogRows(rowCount);
        System.out.println("camel-kusto-export benchmarks: " + String.format("%,d", rowCount) + " rows, " + WarmUp.describe()
                + " then the median of " + runs + " runs, " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, Java " + System.getProperty("java.version"));
        List<Figures> results = new ArrayList<>();
        if (suites.contains("engine")) {
            Path work = Files.createTempDirectory("kusto-export-bench-");
            try (CamelContext camel = new DefaultCamelContext()) {
                camel.start();
                results.add(new EngineBenchmark(camel, rows, runs, work).run(queries));
            } finally {
                ExportBenchmark.deleteRecursively(work);
            }
        }
        if (suites.contains("export")) {
            Path work = Files.createTempDirectory("kusto-export-bench-");
            try (CamelContext camel = new DefaultCamelContext()) {
                camel.start();
                results.add(new ExportBenchmark(camel, rows, runs, work, exportFrom).run(formats));
            } finally {
                ExportBenchmark.deleteRecursively(work);
            }
        }
        if (suites.contains("azurite")) {
            Path work = Files.createTempDirectory("kusto-export-bench-");
            try (CamelContext camel = new DefaultCamelContext()) {
                if (blockSize > 0) {
                    camel.getComponent("kusto-export", KustoExportComponent.class).setBlockSize(blockSize);
                }
                camel.start();
                results.add(new AzuriteBenchmark(camel, rows, runs, work, exportFrom).run());
            } finally {
                ExportBenchmark.deleteRecursively(work);
            }
        }
        if (suites.contains("cluster")) {
            Path work = Files.createTempDirectory("kusto-export-bench-");
            try {
                results.add(new ClusterBenchmark(rows, runs, work).run());
            } finally {
                ExportBenchmark.deleteRecursively(work);
            }
        }
        if (suites.contains("dataformat")) {
            Path work = Files.createTempDirectory("kusto-export-bench-");
            try (CamelContext camel = new DefaultCamelContext()) {
                camel.start();
                results.add(new DataFormatBenchmark(camel, rows, runs, work).run());
            } finally {
                ExportBenchmark.deleteRecursively(work);
            }
        }
        if (suites.contains("scale")) {
            Path work = Files.createTempDirectory("kusto-export-bench-");
            try (CamelContext camel = new DefaultCamelContext()) {
                camel.start();
                results.add(new ScaleBenchmark(camel, work).run(scaleGigabytes[0], scaleGigabytes[1]));
            } finally {
                ExportBenchmark.deleteRecursively(work);
            }
        }
        results.forEach(Figures::print);
        Figures.printTargets();
    }
}

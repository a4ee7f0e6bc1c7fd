package io.github.camelkusto.benchmarks;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.camelkusto.kql.data.ResultTable;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.jackson.JacksonDataFormat;

/**
 * The built-in encoders against Camel DataFormats ({@code dataFormat}) on the same rows, same endpoint, same local
 * folder, one writer each ({@code distribution=single}, so that the figures compare encoders, not parallelism):
 * csv against camel-csv's data format by name ({@code dataFormat=csv}), and json lines against camel-jackson's
 * data format (a JSON array per batch).
 */
final class DataFormatBenchmark {
    private final CamelContext camel;
    private final LogRows rows;
    private final int runs;
    private final Path work;

    DataFormatBenchmark(CamelContext camel, LogRows rows, int runs, Path work) {
        this.camel = camel;
        this.rows = rows;
        this.runs = runs;
        this.work = work;
    }

    Figures run() throws Exception {
        camel.getRegistry().bind("jacksonRows", new JacksonDataFormat(new ObjectMapper()
                .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS),
                Object.class));
        Figures figures = new Figures("export " + String.format("%,d", rows.count()) + " log rows to a local folder,"
                + " one writer", "built-in encoder", "Camel DataFormat");
        compare(figures, "csv vs dataFormat=csv (camel-csv)", "csv", "dataFormat=csv");
        compare(figures, "json vs dataFormat=#jacksonRows (camel-jackson)", "json", "dataFormat=#jacksonRows");
        figures.note("DataFormat batches: 10,000 rows (batchSize); csv appends batches up to sizeLimit, camel-jackson"
                + " writes one JSON array (one batch) per artifact");
        return figures;
    }

    private void compare(Figures figures, String name, String format, String dataFormat) throws Exception {
        ProducerTemplate template = camel.createProducerTemplate();
        double builtIn = time(template, format, "", work.resolve("builtin-" + format));
        double viaDataFormat = time(template, format, "&" + dataFormat, work.resolve("dataformat-" + format));
        figures.throughput(name, rows.count(), builtIn, viaDataFormat);
        System.err.printf("  %s: built-in %.2f s, DataFormat %.2f s%n", name, builtIn, viaDataFormat);
    }

    private double time(ProducerTemplate template, String format, String options, Path folder) throws Exception {
        AtomicLong exported = new AtomicLong();
        String uri = "kusto-export:" + format + "?distribution=single&storage=RAW(" + folder + ")" + options;
        double seconds = Figures.medianSeconds(runs, () -> ExportBenchmark.clear(folder), () -> {
            ResultTable artifacts = template.requestBody(uri, rows.kql(), ResultTable.class);
            exported.set(artifacts.rows().stream().mapToLong(r -> (Long) r.get(1)).sum());
            return artifacts;
        });
        if (exported.get() != rows.count()) {
            throw new IllegalStateException(uri + ": exported " + exported + " records, expected " + rows.count());
        }
        return seconds;
    }
}

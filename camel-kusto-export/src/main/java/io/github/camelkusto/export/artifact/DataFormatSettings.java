package io.github.camelkusto.export.artifact;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.DataFormat;

/**
 * A Camel {@link DataFormat} that encodes an export's artifacts instead of the built-in encoders
 * ({@code dataFormat}): rows are grouped into batches bounded by {@code limits}, and each batch (a
 * {@code List<Map<String,Object>>}, see {@link RowMaps}) is marshalled by it into the artifact.
 *
 * @param name    how the user named it: a data format name ({@code jackson}) or a bean reference ({@code #csv})
 * @param appends whether the marshalled batches concatenate into one valid file (csv without a header line, JSON
 *                lines, Avro datums): then an artifact takes batches until it reaches the size limit; otherwise
 *                (a JSON array, a parquet file) each artifact holds one batch
 * @param input   what the data format is given to marshal: row maps, or Avro records
 */
public record DataFormatSettings(String name, DataFormat dataFormat, CamelContext context, boolean appends,
        RowBatchLimits limits, DataFormatInput input) {
    /** The file extension of the data formats Camel ships, by name; others use their name. */
    private static final Map<String, String> EXTENSIONS = Map.of("csv", "csv", "jackson", "json", "gson", "json",
            "fastjson", "json", "jsonb", "json", "avro", "avro", "jacksonavro", "avro", "parquetavro", "parquet",
            "jacksonxml", "xml", "cbor", "cbor");

    /**
     * Batches of csv append by default (camel-csv writes a header line only when told to), and so do Avro datums
     * (the component frames them into one container file); {@code kind} is the data format's own name.
     */
    public static boolean appendsByDefault(String kind) {
        return kind.equalsIgnoreCase("csv") || DataFormatInput.of(kind) == DataFormatInput.AVRO_DATUMS;
    }

    /**
     * The artifacts' extension when the export does not set fileExtension: by the data format's name, empty for a
     * bean (whose artifacts take the export format's extension).
     */
    public Optional<String> defaultExtension() {
        if (name.startsWith("#")) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return Optional.of(EXTENSIONS.getOrDefault(lower, lower));
    }

    @Override
    public String toString() {
        return "dataFormat " + name;
    }
}

package io.github.camelkusto.export.artifact;

import java.util.Optional;

import io.github.camelkusto.export.command.CompressionType;
import io.github.camelkusto.export.command.DatetimePrecision;
import io.github.camelkusto.export.command.Distribution;
import io.github.camelkusto.export.command.ExportCommand;
import io.github.camelkusto.export.command.ExportFormat;
import io.github.camelkusto.export.command.ExportProperties;
import io.github.camelkusto.export.command.IncludeHeaders;
import io.github.camelkusto.export.command.TextEncoding;
import io.github.camelkusto.kql.data.Schema;

/**
 * How artifacts of one export are cut, encoded and spread over writers.
 *
 * @param sizeLimit    bytes of one artifact before compression; a record is never split, so an artifact ends
 *                     before the record that would cross the limit (a single larger record gets an artifact
 *                     alone). Parquet artifacts end after the first row group that reaches it.
 * @param distribution how many writers: one ({@code single}), one per query partition ({@code per_shard}), or a
 *                     fixed number pulling partitions ({@code per_node})
 * @param parquet      parquet settings; ignored by text formats
 */
public record ArtifactSpec(ExportFormat format, boolean compressed, long sizeLimit, IncludeHeaders includeHeaders,
        TextEncoding encoding, ArtifactNaming naming, Distribution distribution, ParquetSettings parquet) {

    /**
     * @param codec            the page codec, empty for uncompressed pages
     * @param rowGroupSize     records per row group
     * @param datetimePrecision unit of datetime columns
     */
    public record ParquetSettings(Optional<CompressionType> codec, int rowGroupSize,
            DatetimePrecision datetimePrecision) {
        public static final ParquetSettings DEFAULT = new ParquetSettings(Optional.empty(),
                ExportProperties.DEFAULT_PARQUET_ROW_GROUP_SIZE, DatetimePrecision.MILLISECOND);
    }

    /** A text export with one writer and default parquet settings: the common case of tests and tools. */
    public static ArtifactSpec text(ExportFormat format, boolean compressed, long sizeLimit,
            IncludeHeaders includeHeaders, TextEncoding encoding, ArtifactNaming naming) {
        return new ArtifactSpec(format, compressed, sizeLimit, includeHeaders, encoding, naming, Distribution.SINGLE,
                ParquetSettings.DEFAULT);
    }

    /**
     * The spec of an export command. Parquet pages use {@code compressionType} when given, else gzip (ADX's
     * documented default) when the export is {@code compressed}, else none.
     *
     * @throws io.github.camelkusto.kql.KustoException when the parquet codec is not available here
     */
    public static ArtifactSpec of(ExportCommand command) {
        var p = command.properties();
        boolean parquet = command.format() == ExportFormat.PARQUET;
        String extension = p.fileExtension().orElse(command.format().defaultExtension())
                + (command.compressed() && !parquet ? ".gz" : "");
        Optional<CompressionType> codec = !parquet ? Optional.empty()
                : p.compressionType().or(() -> command.compressed() ? Optional.of(CompressionType.GZIP)
                        : Optional.empty());
        codec.ifPresent(ParquetCompression::checkAvailable);
        return new ArtifactSpec(command.format(), command.compressed() && !parquet, p.sizeLimit(),
                p.includeHeaders(), p.encoding(), new ArtifactNaming(p.namePrefix().orElse(null), extension),
                p.distribution(), new ParquetSettings(codec, p.parquetRowGroupSize(), p.parquetDatetimePrecision()));
    }

    public ArtifactSpec withDistribution(Distribution distribution) {
        return new ArtifactSpec(format, compressed, sizeLimit, includeHeaders, encoding, naming, distribution,
                parquet);
    }

    public ArtifactSpec withParquet(ParquetSettings parquet) {
        return new ArtifactSpec(format, compressed, sizeLimit, includeHeaders, encoding, naming, distribution,
                parquet);
    }

    /** The encoder of a text format; each writer has its own. */
    RecordEncoder encoder(Schema schema) {
        return switch (format) {
            case CSV -> DelimitedRecordEncoder.csv(schema);
            case TSV -> DelimitedRecordEncoder.tsv(schema);
            case JSON -> new JsonLinesRecordEncoder(schema);
            case PARQUET -> throw new IllegalStateException("parquet is not a record-by-record text format");
        };
    }
}

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
 * @param compressed   whether text artifacts are gzip files (parquet and avro compress inside the file)
 * @param parquet      parquet settings; ignored by other formats
 * @param avro         avro settings; ignored by other formats
 * @param dataFormat   the Camel DataFormat that encodes the artifacts instead of the format's own encoder, if any
 */
public record ArtifactSpec(ExportFormat format, boolean compressed, long sizeLimit, IncludeHeaders includeHeaders,
        TextEncoding encoding, ArtifactNaming naming, Distribution distribution, ParquetSettings parquet,
        AvroSettings avro, Optional<DataFormatSettings> dataFormat) {

    /**
     * @param codec            the page codec, empty for uncompressed pages
     * @param rowGroupSize     records per row group
     * @param datetimePrecision unit of datetime columns
     * @param deltaEncoding    long, datetime and timespan columns in DELTA_BINARY_PACKED pages, as ADX's native
     *                         writer; false: PLAIN pages ({@code useNativeParquetWriter=false})
     */
    public record ParquetSettings(Optional<CompressionType> codec, int rowGroupSize,
            DatetimePrecision datetimePrecision, boolean deltaEncoding) {
        public static final ParquetSettings DEFAULT = new ParquetSettings(Optional.empty(),
                ExportProperties.DEFAULT_PARQUET_ROW_GROUP_SIZE, DatetimePrecision.MILLISECOND);

        /** Settings with delta-encoded long columns, ADX's default. */
        public ParquetSettings(Optional<CompressionType> codec, int rowGroupSize,
                DatetimePrecision datetimePrecision) {
            this(codec, rowGroupSize, datetimePrecision, true);
        }
    }

    /** @param codec the codec of data blocks ({@code null} for none) */
    public record AvroSettings(CompressionType codec) {
        public static final AvroSettings DEFAULT = new AvroSettings(CompressionType.NULL);
    }

    /** A text export with one writer and default parquet settings: the common case of tests and tools. */
    public static ArtifactSpec text(ExportFormat format, boolean compressed, long sizeLimit,
            IncludeHeaders includeHeaders, TextEncoding encoding, ArtifactNaming naming) {
        return new ArtifactSpec(format, compressed, sizeLimit, includeHeaders, encoding, naming, Distribution.SINGLE,
                ParquetSettings.DEFAULT, AvroSettings.DEFAULT, Optional.empty());
    }

    /**
     * The spec of an export command. Parquet pages and avro blocks use {@code compressionType} when given, else
     * gzip for parquet (ADX's documented default) and snappy for avro when the export is {@code compressed}, else
     * none; only text artifacts are gzip files ({@code .gz}).
     *
     * @throws io.github.camelkusto.kql.KustoException when the codec is not available here
     */
    public static ArtifactSpec of(ExportCommand command) {
        var p = command.properties();
        ExportFormat format = command.format();
        boolean gzipFile = command.compressed() && format.isText();
        String extension = p.fileExtension().orElse(format.defaultExtension()) + (gzipFile ? ".gz" : "");
        Optional<CompressionType> codec = format.isText() ? Optional.empty()
                : p.compressionType().or(() -> command.compressed()
                        ? Optional.of(format == ExportFormat.PARQUET ? CompressionType.GZIP : CompressionType.SNAPPY)
                        : Optional.empty());
        Optional<CompressionType> parquetCodec = format == ExportFormat.PARQUET ? codec : Optional.empty();
        parquetCodec.ifPresent(ParquetCompression::checkAvailable);
        AvroSettings avro = AvroSettings.DEFAULT;
        if (format == ExportFormat.AVRO) {
            avro = new AvroSettings(codec.orElse(CompressionType.NULL));
            AvroCompression.checkAvailable(avro.codec());
        }
        return new ArtifactSpec(format, gzipFile, p.sizeLimit(), p.includeHeaders(), p.encoding(),
                new ArtifactNaming(p.namePrefix().orElse(null), extension), p.distribution(),
                new ParquetSettings(parquetCodec, p.parquetRowGroupSize(), p.parquetDatetimePrecision(),
                        p.useNativeParquetWriter()), avro,
                Optional.empty());
    }

    /**
     * The spec of an export command whose artifacts {@code dataFormat} encodes: named and cut as the command
     * says, with the data format's extension (a bean's: the export format's) unless the command sets
     * fileExtension, and gzip files when the command is {@code compressed}; the format's own encoding properties
     * do not apply.
     */
    public static ArtifactSpec of(ExportCommand command, DataFormatSettings dataFormat) {
        var p = command.properties();
        String extension = p.fileExtension().or(dataFormat::defaultExtension)
                .orElse(command.format().defaultExtension())
                + (command.compressed() ? ".gz" : "");
        return new ArtifactSpec(command.format(), command.compressed(), p.sizeLimit(), IncludeHeaders.NONE,
                TextEncoding.UTF8_NO_BOM, new ArtifactNaming(p.namePrefix().orElse(null), extension),
                p.distribution(), ParquetSettings.DEFAULT, AvroSettings.DEFAULT, Optional.of(dataFormat));
    }

    public ArtifactSpec withDistribution(Distribution distribution) {
        return new ArtifactSpec(format, compressed, sizeLimit, includeHeaders, encoding, naming, distribution,
                parquet, avro, dataFormat);
    }

    public ArtifactSpec withAvro(AvroSettings avro) {
        return new ArtifactSpec(format, compressed, sizeLimit, includeHeaders, encoding, naming, distribution,
                parquet, avro, dataFormat);
    }

    public ArtifactSpec withParquet(ParquetSettings parquet) {
        return new ArtifactSpec(format, compressed, sizeLimit, includeHeaders, encoding, naming, distribution,
                parquet, avro, dataFormat);
    }

    /** The encoder of a text format; each writer has its own. */
    RecordEncoder encoder(Schema schema) {
        return switch (format) {
            case CSV -> DelimitedRecordEncoder.csv(schema);
            case TSV -> DelimitedRecordEncoder.tsv(schema);
            case JSON -> new JsonLinesRecordEncoder(schema);
            case PARQUET, AVRO -> throw new IllegalStateException(format + " is not a record-by-record text format");
        };
    }
}

package io.github.camelkusto.export.artifact;

import io.github.camelkusto.export.command.CompressionType;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.format.ParquetCodecs;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** The export command's parquet compression types as parquet codecs ({@link ParquetCodecs} compresses them). */
final class ParquetCompression {
    private ParquetCompression() {
    }

    /** Throws when {@code codec} cannot be written here, naming the ones that can. */
    static void checkAvailable(CompressionType codec) {
        if (codec == CompressionType.BROTLI) {
            throw new KustoException("parquet compressionType 'brotli' is not available in this runtime"
                    + " (available: snappy, gzip, zstd, lz4_raw)");
        }
    }

    static CompressionCodecName parquetName(CompressionType codec) {
        return switch (codec) {
            case SNAPPY -> CompressionCodecName.SNAPPY;
            case GZIP -> CompressionCodecName.GZIP;
            case ZSTD -> CompressionCodecName.ZSTD;
            case LZ4_RAW -> CompressionCodecName.LZ4_RAW;
            case BROTLI -> CompressionCodecName.BROTLI;
            case DEFLATE, NULL -> throw new IllegalArgumentException("not a parquet codec: " + codec);
        };
    }
}

package io.github.camelkusto.export.artifact;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;

import io.airlift.compress.Compressor;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import io.github.camelkusto.export.command.CompressionType;
import io.github.camelkusto.export.kql.KustoException;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet page codecs without Hadoop. parquet-hadoop's own {@code CodecFactory} instantiates Hadoop
 * {@code CompressionCodec} classes (its snappy, zstd and lz4 codecs implement Hadoop interfaces), so it cannot run
 * without Hadoop on the class path; this factory hands parquet the same formats from aircompressor (pure Java
 * snappy, zstd, lz4 raw blocks; a dependency of parquet-hadoop already) and java.util.zip (gzip). Brotli has no
 * codec on Maven Central and is refused before anything is written.
 */
final class ParquetCodecs implements CompressionCodecFactory {

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
        };
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED -> new Uncompressed();
            case SNAPPY -> new BlockCompressor(codec, new SnappyCompressor());
            case ZSTD -> new BlockCompressor(codec, new ZstdCompressor());
            case LZ4_RAW -> new BlockCompressor(codec, new Lz4Compressor());
            case GZIP -> new Gzip();
            default -> throw new KustoException("parquet compressionType '" + codec + "' is not available");
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        throw new UnsupportedOperationException("artifacts are written, never read, here");
    }

    @Override
    public void release() {
    }

    private static final class Uncompressed implements BytesInputCompressor {
        @Override
        public BytesInput compress(BytesInput bytes) {
            return bytes;
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.UNCOMPRESSED;
        }

        @Override
        public void release() {
        }
    }

    /** One block codec; parquet copies a page's compressed bytes before the next call, so the buffer is reused. */
    private static final class BlockCompressor implements BytesInputCompressor {
        private final CompressionCodecName name;
        private final Compressor compressor;
        private byte[] out = new byte[0];

        BlockCompressor(CompressionCodecName name, Compressor compressor) {
            this.name = name;
            this.compressor = compressor;
        }

        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            byte[] in = bytes.toByteArray();
            int max = compressor.maxCompressedLength(in.length);
            if (out.length < max) {
                out = new byte[max];
            }
            int length = compressor.compress(in, 0, in.length, out, 0, out.length);
            return BytesInput.from(out, 0, length);
        }

        @Override
        public CompressionCodecName getCodecName() {
            return name;
        }

        @Override
        public void release() {
            out = new byte[0];
        }
    }

    private static final class Gzip implements BytesInputCompressor {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            out.reset();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                bytes.writeAllTo(gzip);
            }
            return BytesInput.from(out.toByteArray());
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.GZIP;
        }

        @Override
        public void release() {
        }
    }
}

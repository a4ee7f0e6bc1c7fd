package io.github.camelkusto.kql.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import io.airlift.compress.Decompressor;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import io.github.camelkusto.kql.KustoException;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet page codecs without Hadoop, for the artifact writer and the ingestion reader alike. parquet-hadoop's own
 * {@code CodecFactory} instantiates Hadoop {@code CompressionCodec} classes (its snappy, zstd and lz4 codecs
 * implement Hadoop interfaces), so it cannot run without Hadoop on the class path; this factory hands parquet the
 * same formats from aircompressor (pure Java snappy, zstd, lz4 raw blocks; a dependency of parquet-hadoop already)
 * and java.util.zip (gzip). Other codecs (brotli, lzo, the framed lz4) have no such library and are refused.
 */
public final class ParquetCodecs implements CompressionCodecFactory {
    /** The codecs this factory compresses and decompresses, for messages. */
    public static final String AVAILABLE = "uncompressed, snappy, gzip, zstd, lz4_raw";

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED -> new Uncompressed();
            case SNAPPY -> new BlockCompressor(codec, BlockCompressor.aircompressor(new SnappyCompressor()));
            case ZSTD -> new BlockCompressor(codec, BlockCompressor.aircompressor(new ZstdCompressor()));
            case LZ4_RAW -> new BlockCompressor(codec, BlockCompressor.aircompressor(new Lz4Compressor()));
            case GZIP -> new Gzip();
            default -> throw unavailable(codec);
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED -> new Uncompressed();
            case SNAPPY -> new BlockDecompressor(new SnappyDecompressor());
            case ZSTD -> new BlockDecompressor(new ZstdDecompressor());
            case LZ4_RAW -> new BlockDecompressor(new Lz4Decompressor());
            case GZIP -> new Gzip();
            default -> throw unavailable(codec);
        };
    }

    private static KustoException unavailable(CompressionCodecName codec) {
        return new KustoException("parquet compression '" + codec.name().toLowerCase(java.util.Locale.ROOT)
                + "' is not available in this runtime (available: " + AVAILABLE + ")");
    }

    @Override
    public void release() {
    }

    private static final class Uncompressed implements BytesInputCompressor, BytesInputDecompressor {
        @Override
        public BytesInput compress(BytesInput bytes) {
            return bytes;
        }

        @Override
        public BytesInput decompress(BytesInput bytes, int decompressedSize) {
            return bytes;
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize) {
            ByteBuffer in = input.duplicate();
            in.limit(in.position() + compressedSize);
            output.put(in);
        }

        @Override
        public CompressionCodecName getCodecName() {
            return CompressionCodecName.UNCOMPRESSED;
        }

        @Override
        public void release() {
        }
    }

    /** One block codec reading a page: the page's size is known, so each page gets its own exact buffer. */
    private static final class BlockDecompressor implements BytesInputDecompressor {
        private final Decompressor decompressor;

        BlockDecompressor(Decompressor decompressor) {
            this.decompressor = decompressor;
        }

        @Override
        public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
            byte[] in = bytes.toByteArray();
            byte[] out = new byte[decompressedSize];
            int length = decompressor.decompress(in, 0, in.length, out, 0, out.length);
            return BytesInput.from(out, 0, length);
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.duplicate().get(in);
            output.put(decompress(BytesInput.from(in), decompressedSize).toByteBuffer());
        }

        @Override
        public void release() {
        }
    }

    private static final class Gzip implements BytesInputCompressor, BytesInputDecompressor {
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
        public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
            try (InputStream gzip = new GZIPInputStream(bytes.toInputStream())) {
                return BytesInput.from(gzip.readNBytes(decompressedSize));
            }
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.duplicate().get(in);
            output.put(decompress(BytesInput.from(in), decompressedSize).toByteBuffer());
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

package io.github.camelkusto.kql.format;

import java.io.IOException;
import java.nio.ByteBuffer;

import io.airlift.compress.Compressor;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * A page compressor on a block codec (aircompressor's, or another library's such as snappy-java's native snappy):
 * the page is gathered into a buffer kept from page to page (none when it is one array already) and compressed
 * into another, sized by the codec's maximum; parquet copies the result before the next page. Pages gathered or
 * compressed into new arrays each time were a leading cost of the parquet export: large arrays that G1 allocates
 * outside its young regions. Not thread-safe: one per column chunk.
 */
public final class BlockCompressor implements BytesInputCompressor {
    /** A block codec: one call compresses a whole array range. */
    public interface Codec {
        /** The most bytes {@code length} bytes can compress to. */
        int maxCompressedLength(int length);

        /** Compresses {@code length} bytes of {@code in} from {@code offset} into {@code out}; returns the size. */
        int compress(byte[] in, int offset, int length, byte[] out) throws IOException;
    }

    private final CompressionCodecName name;
    private final Codec codec;
    private ByteBuffer gathered = ByteBuffer.allocate(0);
    private byte[] compressed = new byte[0];
    private final ByteBufferAllocator reused = new ByteBufferAllocator() {
        @Override
        public ByteBuffer allocate(int size) {
            if (gathered.capacity() < size) {
                gathered = ByteBuffer.allocate(size);
            }
            return gathered.clear().limit(size);
        }

        @Override
        public void release(ByteBuffer buffer) {
        }

        @Override
        public boolean isDirect() {
            return false;
        }
    };

    /** Pages of the parquet codec {@code name}, compressed by {@code codec}. */
    public BlockCompressor(CompressionCodecName name, Codec codec) {
        this.name = name;
        this.codec = codec;
    }

    /** aircompressor's {@code compressor} as a block codec. */
    public static Codec aircompressor(Compressor compressor) {
        return new Codec() {
            @Override
            public int maxCompressedLength(int length) {
                return compressor.maxCompressedLength(length);
            }

            @Override
            public int compress(byte[] in, int offset, int length, byte[] out) {
                return compressor.compress(in, offset, length, out, 0, out.length);
            }
        };
    }

    @Override
    public BytesInput compress(BytesInput bytes) throws IOException {
        ByteBuffer page = bytes.toByteBuffer(reused, buffer -> { });
        if (!page.hasArray()) { // a direct buffer of parquet's own: gathered into the heap
            page = reused.allocate(page.remaining()).put(page).flip();
        }
        int length = page.remaining();
        int max = codec.maxCompressedLength(length);
        if (compressed.length < max) {
            compressed = new byte[max];
        }
        int size = codec.compress(page.array(), page.arrayOffset() + page.position(), length, compressed);
        return BytesInput.from(compressed, 0, size);
    }

    @Override
    public CompressionCodecName getCodecName() {
        return name;
    }

    @Override
    public void release() {
        gathered = ByteBuffer.allocate(0);
        compressed = new byte[0];
    }
}

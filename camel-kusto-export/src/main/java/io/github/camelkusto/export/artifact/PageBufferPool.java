package io.github.camelkusto.export.artifact;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

import org.apache.parquet.bytes.ByteBufferAllocator;

/**
 * The buffers parquet-java's page store copies each finished page into, kept from row group to row group of one
 * file instead of allocated anew for every page (a fresh page-sized array per page, zeroed, was the leading cost of
 * the parquet export once the encoding was cheap). Buffers come in powers of two, handed out with the size asked
 * for as their limit; at most {@code maxPooledBytes} are kept. Not thread-safe: one per file writer.
 */
final class PageBufferPool implements ByteBufferAllocator {
    private static final int MIN_SHIFT = 10;
    private static final int BUCKETS = 31 - MIN_SHIFT;

    @SuppressWarnings("unchecked")
    private final ArrayDeque<ByteBuffer>[] free = new ArrayDeque[BUCKETS];
    private final long maxPooledBytes;
    private long pooledBytes;

    PageBufferPool(long maxPooledBytes) {
        this.maxPooledBytes = maxPooledBytes;
        for (int b = 0; b < BUCKETS; b++) {
            free[b] = new ArrayDeque<>();
        }
    }

    @Override
    public ByteBuffer allocate(int size) {
        int bucket = bucket(size);
        if (bucket >= BUCKETS) {
            return ByteBuffer.allocate(size);
        }
        ByteBuffer buffer = free[bucket].poll();
        if (buffer == null) {
            buffer = ByteBuffer.allocate(1 << (bucket + MIN_SHIFT));
        } else {
            pooledBytes -= buffer.capacity();
        }
        buffer.clear().limit(size);
        return buffer;
    }

    @Override
    public void release(ByteBuffer buffer) {
        int capacity = buffer.capacity();
        int bucket = bucket(capacity);
        if (bucket < BUCKETS && capacity == 1 << (bucket + MIN_SHIFT)
                && pooledBytes + capacity <= maxPooledBytes) {
            free[bucket].push(buffer);
            pooledBytes += capacity;
        }
    }

    @Override
    public boolean isDirect() {
        return false;
    }

    /** The bucket of buffers of at least {@code size} bytes. */
    private static int bucket(int size) {
        int shift = size <= 1 << MIN_SHIFT ? MIN_SHIFT : 32 - Integer.numberOfLeadingZeros(size - 1);
        return shift - MIN_SHIFT;
    }
}

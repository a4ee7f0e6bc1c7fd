package io.github.camelkusto.export.artifact;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * gzip as a sequence of independent members (RFC 1952 allows any number; every gzip reader concatenates them), one
 * per {@code memberSize} bytes of text: while the writer encodes the next chunks, up to {@code inFlight} members are
 * compressed at once on {@code compressors}, and they are written to the artifact in order. So a single writer's
 * artifact is compressed on every core, not one. Deflate runs at its fastest level, as one gzip stream would.
 * <p>
 * Memory: {@code inFlight} input buffers of about {@code memberSize} and their compressed output. Not thread-safe
 * (one writer); {@link #close()} writes the members still pending and leaves {@code out} open.
 */
final class GzipMembers extends OutputStream {
    /** ID1 ID2 CM=deflate FLG=0 MTIME=0 XFL=0 OS=unknown: a fixed header, as gzip's own without a name. */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final OutputStream out;
    private final Executor compressors;
    private final int memberSize;
    private final int inFlight;
    private final Deque<CompletableFuture<Member>> pending = new ArrayDeque<>();
    private final Deque<byte[]> spare = new ArrayDeque<>();
    private byte[] buffer;
    private int size;
    private boolean wroteMember;
    private boolean closed;

    /** A compressed member: its bytes and the input buffer it came from (to be reused). */
    private record Member(byte[] bytes, int length, byte[] input) {
    }

    GzipMembers(OutputStream out, Executor compressors, int memberSize, int inFlight) {
        if (memberSize < 1 || inFlight < 1) {
            throw new IllegalArgumentException("memberSize and inFlight must be positive");
        }
        this.out = out;
        this.compressors = compressors;
        this.memberSize = memberSize;
        this.inFlight = inFlight;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("gzip members closed");
        }
        while (len > 0) {
            if (buffer == null) {
                buffer = spare.isEmpty() ? new byte[memberSize] : spare.pop();
                size = 0;
            }
            int n = Math.min(len, buffer.length - size);
            System.arraycopy(b, off, buffer, size, n);
            size += n;
            off += n;
            len -= n;
            if (size == buffer.length) {
                submit();
            }
        }
    }

    /** Hands the filled buffer to a compressor, first writing out the oldest member while inFlight are pending. */
    private void submit() throws IOException {
        while (pending.size() >= inFlight) {
            writeOut(pending.poll());
        }
        byte[] input = buffer;
        int length = size;
        buffer = null;
        pending.add(CompletableFuture.supplyAsync(() -> compress(input, length), compressors));
    }

    private void writeOut(CompletableFuture<Member> next) throws IOException {
        Member member;
        try {
            member = next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while compressing");
        } catch (ExecutionException e) {
            throw new IOException("gzip compression failed: " + e.getCause(), e.getCause());
        }
        out.write(member.bytes(), 0, member.length());
        wroteMember = true;
        if (member.input().length == memberSize && spare.size() < inFlight) {
            spare.push(member.input());
        }
    }

    /** One complete gzip member: header, raw deflate of the input, CRC-32 and length of the input. */
    private static Member compress(byte[] input, int length) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            deflater.setInput(input, 0, length);
            deflater.finish();
            // Deflate's worst case (stored blocks) adds 5 bytes per 16 KB block; level 1 text output is far smaller.
            byte[] bytes = new byte[HEADER.length + length + 5 * (length / 16_383 + 1) + 8];
            System.arraycopy(HEADER, 0, bytes, 0, HEADER.length);
            int at = HEADER.length;
            while (!deflater.finished()) {
                if (at == bytes.length) {
                    bytes = Arrays.copyOf(bytes, bytes.length * 2);
                }
                at += deflater.deflate(bytes, at, bytes.length - at);
            }
            if (bytes.length - at < 8) {
                bytes = Arrays.copyOf(bytes, at + 8);
            }
            CRC32 crc = new CRC32();
            crc.update(input, 0, length);
            at = littleEndian((int) crc.getValue(), bytes, at);
            at = littleEndian(length, bytes, at); // ISIZE: the input length modulo 2^32
            return new Member(bytes, at, input);
        } finally {
            deflater.end();
        }
    }

    private static int littleEndian(int value, byte[] bytes, int at) {
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >>> 8);
        bytes[at + 2] = (byte) (value >>> 16);
        bytes[at + 3] = (byte) (value >>> 24);
        return at + 4;
    }

    /**
     * Compresses what is buffered and writes every pending member, in order. An empty stream still gets one (empty)
     * member: a gzip file has at least one.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        if (buffer != null && size > 0 || !wroteMember && pending.isEmpty()) {
            if (buffer == null) {
                buffer = new byte[0];
                size = 0;
            }
            submit();
        }
        while (!pending.isEmpty()) {
            writeOut(pending.poll());
        }
        closed = true;
        out.flush();
    }
}

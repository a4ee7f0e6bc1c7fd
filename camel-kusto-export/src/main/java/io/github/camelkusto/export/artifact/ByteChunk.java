package io.github.camelkusto.export.artifact;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that records are encoded straight into: characters are appended as UTF-8 without an
 * intermediate String, numbers as ASCII digits. It is also an {@link Appendable} (for Commons CSV) and gives an
 * {@link OutputStream} view (for Jackson). Not thread-safe: one per writer.
 */
final class ByteChunk implements Appendable {
    private byte[] bytes;
    private int size;
    /** The capacity doubling stops at (a single longer write still grows past it). */
    private final int fullCapacity;
    private final OutputStream stream = new OutputStream() {
        @Override
        public void write(int b) {
            ByteChunk.this.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ByteChunk.this.write(b, off, len);
        }
    };

    ByteChunk(int capacity) {
        this(capacity, capacity);
    }

    /**
     * A chunk that starts at {@code initialCapacity} bytes and grows as written up to about {@code fullCapacity}:
     * an export of a few rows then allocates a few KB, not a whole chunk the JVM must zero and the kernel map in.
     */
    ByteChunk(int initialCapacity, int fullCapacity) {
        this.bytes = new byte[Math.min(initialCapacity, fullCapacity)];
        this.fullCapacity = fullCapacity;
    }

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    void clear() {
        size = 0;
    }

    /** Keeps the bytes from {@code from} on, moved to the start: the record that did not fit the artifact. */
    void keepFrom(int from) {
        System.arraycopy(bytes, from, bytes, 0, size - from);
        size -= from;
    }

    OutputStream asOutputStream() {
        return stream;
    }

    void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    /** Makes room for {@code length} bytes written straight into {@link #array()} at the returned index. */
    int reserve(int length) {
        ensure(length);
        int at = size;
        size += length;
        return at;
    }

    /** Gives back the last {@code length} reserved bytes. */
    void unreserve(int length) {
        size -= length;
    }

    void write(byte[] b) {
        write(b, 0, b.length);
    }

    void writeLong(long value) {
        ensure(DecimalDigits.MAX_LONG_LENGTH);
        size = DecimalDigits.write(value, bytes, size);
    }

    @Override
    public ByteChunk append(CharSequence text) {
        if (text instanceof String s) {
            // String's own UTF-8 encoder copies ASCII text with vector instructions (a lone surrogate becomes '?'
            // there too): faster than the char loop below, whose cost showed in the profiles of text exports
            write(s.getBytes(StandardCharsets.UTF_8));
            return this;
        }
        return append(text, 0, text.length());
    }

    /**
     * Appends {@code text} as is when it is ASCII holding none of the chars {@code special} flags (indexed by
     * char, 128 entries); otherwise appends nothing and returns false. One pass that checks and copies: no
     * intermediate array, where {@link #append(CharSequence)}'s {@code String.getBytes} allocates one per value
     * (a third of the csv rendering's samples in a profile of the export to Azurite).
     */
    boolean appendPlainAscii(String text, boolean[] special) {
        int n = text.length();
        ensure(n);
        byte[] b = bytes;
        int at = size;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || special[c]) {
                return false;
            }
            b[at + i] = (byte) c;
        }
        size = at + n;
        return true;
    }

    @Override
    public ByteChunk append(CharSequence text, int start, int end) {
        ensure(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (size == bytes.length) {
                    ensure(end - i);
                }
                bytes[size++] = (byte) c;
            } else {
                i = appendNonAscii(text, i, end);
            }
        }
        return this;
    }

    @Override
    public ByteChunk append(char c) {
        if (c < 0x80) {
            write(c);
        } else {
            appendNonAscii(String.valueOf(c), 0, 1);
        }
        return this;
    }

    /** Encodes the non-ASCII char at {@code i}; returns the index of the last char consumed. */
    private int appendNonAscii(CharSequence text, int i, int end) {
        ensure(4);
        char c = text.charAt(i);
        if (c < 0x800) {
            bytes[size++] = (byte) (0xC0 | (c >> 6));
            bytes[size++] = (byte) (0x80 | (c & 0x3F));
            return i;
        }
        if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
            int cp = Character.toCodePoint(c, text.charAt(i + 1));
            bytes[size++] = (byte) (0xF0 | (cp >> 18));
            bytes[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            bytes[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            bytes[size++] = (byte) (0x80 | (cp & 0x3F));
            return i + 1;
        }
        if (Character.isSurrogate(c)) {
            c = '?'; // a lone surrogate has no UTF-8 form; String.getBytes writes '?' too
            bytes[size++] = (byte) c;
            return i;
        }
        bytes[size++] = (byte) (0xE0 | (c >> 12));
        bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        bytes[size++] = (byte) (0x80 | (c & 0x3F));
        return i;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            int doubled = Math.max(Math.min(bytes.length * 2, fullCapacity), bytes.length);
            bytes = Arrays.copyOf(bytes, Math.max(doubled, size + more));
        }
    }
}

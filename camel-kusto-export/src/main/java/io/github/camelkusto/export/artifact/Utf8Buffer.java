package io.github.camelkusto.export.artifact;

import java.nio.charset.StandardCharsets;

import org.apache.parquet.io.api.Binary;

/**
 * Strings as UTF-8 {@link Binary} values for parquet's column writers, encoded into one reused buffer. parquet-java
 * copies what it keeps of a value marked reused (dictionary entries, min and max), and its plain encoder copies
 * the bytes into the page at once, so the buffer can be overwritten by the next value. {@code Binary.fromString}
 * instead allocates a byte array, a ByteBuffer and the Binary for every value, and every later step (statistics'
 * comparisons, the dictionary's hash, the page's copy) then goes through the ByteBuffer: that was half of the
 * parquet export's profile. Not thread-safe: one per column writer.
 */
final class Utf8Buffer {
    private byte[] buffer = new byte[64];

    /** {@code value} in UTF-8, valid until the next call. */
    Binary encode(String value) {
        int length = value.length();
        if (buffer.length < length) {
            buffer = new byte[Math.max(length, buffer.length * 2)];
        }
        byte[] bytes = buffer;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) { // not ASCII: the JDK's encoder (surrogate pairs, replacement of lone surrogates)
                return Binary.fromConstantByteArray(value.getBytes(StandardCharsets.UTF_8));
            }
            bytes[i] = (byte) c;
        }
        return Binary.fromReusedByteArray(bytes, 0, length);
    }
}

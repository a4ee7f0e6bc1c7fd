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
    /** Recent values of a dictionary column, by hash: their encodings are kept, not redone. */
    private static final int RECENT = 64;

    private byte[] buffer = new byte[64];
    private final String[] recent = new String[RECENT];
    private final Binary[] recentBinaries = new Binary[RECENT];

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

    /**
     * {@code value} in UTF-8, for columns whose values repeat (dictionary columns): a value equal to a recent one
     * (mostly the same String instance) gets that one's encoding, with nothing allocated.
     */
    Binary encodeRepeated(String value) {
        int slot = value.hashCode() & (RECENT - 1);
        if (value.equals(recent[slot])) {
            return recentBinaries[slot];
        }
        Binary encoded = Binary.fromConstantByteArray(value.getBytes(StandardCharsets.UTF_8));
        recent[slot] = value;
        recentBinaries[slot] = encoded;
        return encoded;
    }
}

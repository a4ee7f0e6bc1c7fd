package io.github.camelkusto.export.artifact;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Artifact names as ADX makes them: {@code [namePrefix_]<n>_<32 hex>.<ext>[.gz]}, {@code n} counting from 1.
 * The prefix may contain '/' to write under a folder.
 */
public final class ArtifactNaming {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String prefix;
    private final String extension;

    /**
     * @param namePrefix the user's prefix, or null for a random one (so that two exports never collide)
     * @param extension  without the leading dot, e.g. {@code csv.gz}
     */
    public ArtifactNaming(String namePrefix, String extension) {
        this.prefix = namePrefix != null ? namePrefix : "export_" + randomHex(4);
        this.extension = extension;
    }

    public String name(int sequence) {
        return prefix + "_" + sequence + "_" + randomHex(16) + "." + extension;
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}

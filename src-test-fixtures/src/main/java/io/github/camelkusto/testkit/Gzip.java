package io.github.camelkusto.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/** Checks gzip files with the real {@code gzip} tool, and decompresses them. */
public final class Gzip {
    private Gzip() {
    }

    /** Whether {@code gzip -t} accepts the file (exit code 0). */
    public static boolean isValid(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("gzip", "-t", file.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("gzip -t " + file + " did not finish within 60 s");
        }
        return process.exitValue() == 0;
    }

    /** The decompressed bytes (all members of a multi-member file). */
    public static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}

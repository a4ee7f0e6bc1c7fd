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

    /** The bytes the real {@code gzip -dc} decompresses from the file (every member of a multi-member file). */
    public static byte[] decompressWithGzipTool(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("gzip", "-dc", file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] bytes;
        try (InputStream out = process.getInputStream()) {
            bytes = out.readAllBytes();
        }
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("gzip -dc " + file + " failed");
        }
        return bytes;
    }

    /** The decompressed bytes (all members of a multi-member file). */
    public static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}

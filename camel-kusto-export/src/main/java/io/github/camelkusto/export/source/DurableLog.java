package io.github.camelkusto.export.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file of JSON lines, each forced to disk before {@link #append} returns: the unit of commit of what a line
 * records. A process killed while writing leaves a torn last line: it cannot be read and is skipped, and is ended
 * on open so that the next line is whole. Readable by its owner only (what it records may be sensitive).
 */
public final class DurableLog implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(DurableLog.class);

    private final Path file;
    private FileChannel channel;

    private DurableLog(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Hands every readable line of {@code file} (made if missing) to {@code lines}, then opens it for appending. */
    public static DurableLog open(Path file, Consumer<JsonNode> lines) {
        try {
            Files.createDirectories(file.getParent());
            boolean torn = false;
            if (Files.exists(file)) {
                read(file, lines);
                try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                    if (in.size() > 0) {
                        ByteBuffer last = ByteBuffer.allocate(1);
                        in.read(last, in.size() - 1);
                        torn = last.get(0) != '\n';
                    }
                }
            } else if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            }
            DurableLog log = new DurableLog(file, FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND));
            if (torn) {
                log.write("\n");
            }
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + file, e);
        }
    }

    private static void read(Path file, Consumer<JsonNode> lines) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode parsed;
                try {
                    parsed = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    LOG.warn("{} line {} cannot be read and is skipped (a write the process did not finish): {}",
                            file, number, e.getOriginalMessage());
                    continue;
                }
                lines.accept(parsed);
            }
        }
    }

    /** Appends the line and forces it to disk: once this returns, what it records is durable. */
    public synchronized void append(ObjectNode line) {
        if (channel == null) {
            throw new IllegalStateException(file + " is closed");
        }
        try {
            write(JSON.writeValueAsString(line) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    private void write(String text) throws IOException {
        writeAll(channel, text);
    }

    /** Writes all of {@code text} and forces it to disk. */
    static void writeAll(FileChannel out, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
        out.force(false);
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.warn("Cannot close {}: {}", file, e.getMessage());
            }
            channel = null;
        }
    }
}

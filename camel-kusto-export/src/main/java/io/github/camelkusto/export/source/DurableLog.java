package io.github.camelkusto.export.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
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
 * on open so that the next line is whole. {@link #compact} replaces the whole file at once (a killed process
 * leaves the old file or the new one, never a mix). Readable by its owner only (what it records may be
 * sensitive).
 */
public final class DurableLog implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(DurableLog.class);

    private final String name;
    private final Path file;
    private FileChannel channel;

    private DurableLog(String name, Path file) {
        this.name = name;
        this.file = file;
    }

    /**
     * Hands every readable line of {@code file} (made if missing) to {@code lines}, then opens it for appending.
     * A line that is not JSON, or that {@code lines} refuses with an {@link IllegalArgumentException}, is reported
     * and skipped; {@code name} says what the file is in that warning ("Operations journal").
     */
    public static DurableLog open(String name, Path file, Consumer<JsonNode> lines) {
        DurableLog log = new DurableLog(name, file);
        try {
            Files.createDirectories(file.getParent());
            boolean torn = false;
            if (Files.exists(file)) {
                log.read(lines);
                torn = endsTorn(file);
            } else {
                createOwnerOnly(file);
            }
            log.channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            if (torn) {
                writeAll(log.channel, "\n");
            }
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use " + file, e);
        }
    }

    private void read(Consumer<JsonNode> lines) throws IOException {
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
                    skipped(number, e.getOriginalMessage() + " (a write the process did not finish)");
                    continue;
                }
                try {
                    lines.accept(parsed);
                } catch (IllegalArgumentException e) {
                    skipped(number, e.getMessage());
                }
            }
        }
    }

    private void skipped(int number, String reason) {
        LOG.warn("{} {} line {} cannot be read and is skipped: {}", name, file, number, reason);
    }

    private static boolean endsTorn(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            if (in.size() == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            in.read(last, in.size() - 1);
            return last.get(0) != '\n';
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    /** Appends the line and forces it to disk: once this returns, what it records is durable. */
    public synchronized void append(ObjectNode line) {
        if (!appendUnlessClosed(line)) {
            throw new IllegalStateException(file + " is closed");
        }
    }

    /**
     * {@link #append}, except that a closed log takes nothing and says so with {@code false}: for writers whose
     * last events may race with the close of their owner.
     */
    public synchronized boolean appendUnlessClosed(ObjectNode line) {
        if (channel == null) {
            return false;
        }
        try {
            writeAll(channel, JSON.writeValueAsString(line) + "\n");
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    /**
     * Replaces the whole log by {@code lines}: they are written to a temporary file, forced to disk and moved over
     * the log, which is then open for appending again.
     */
    public synchronized void compact(List<ObjectNode> lines) {
        if (channel == null) {
            throw new IllegalStateException(file + " is closed");
        }
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(temp);
            createOwnerOnly(temp);
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                StringBuilder text = new StringBuilder();
                for (ObjectNode line : lines) {
                    text.append(JSON.writeValueAsString(line)).append('\n');
                }
                writeAll(out, text.toString());
            }
            channel.close();
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compact " + file, e);
        }
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

package io.github.camelkusto.export.continuous;

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
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code <operationsDir>/continuous-exports.jsonl}: one JSON object per line, each forced to disk before the
 * change it records is made. A line is the unit of commit: a run's {@code committed} line holds its artifacts and
 * its new cursor together, so a process killed at any point has either recorded both or neither (a torn last line
 * cannot be read, and is skipped like any unreadable line). Readable by its owner only: a query may hold
 * obfuscated literals.
 */
final class ContinuousExportJournal implements AutoCloseable {
    static final String FILE = "continuous-exports.jsonl";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(ContinuousExportJournal.class);

    private final Path file;
    private FileChannel channel;

    private ContinuousExportJournal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens the journal in {@code folder} for appending, after handing every readable line to {@code lines}. */
    static ContinuousExportJournal open(Path folder, List<JsonNode> lines) {
        Path file = folder.resolve(FILE);
        try {
            Files.createDirectories(folder);
            if (Files.exists(file)) {
                lines.addAll(read(file));
            } else if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            }
            boolean torn = false;
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                if (in.size() > 0) {
                    ByteBuffer last = ByteBuffer.allocate(1);
                    in.read(last, in.size() - 1);
                    torn = last.get(0) != '\n';
                }
            }
            ContinuousExportJournal journal = new ContinuousExportJournal(file, FileChannel.open(file,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND));
            if (torn) {
                journal.write("\n"); // ends the torn line, so that the next one is whole
            }
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the continuous export journal " + file, e);
        }
    }

    private static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    lines.add(JSON.readTree(line));
                } catch (JsonProcessingException e) {
                    LOG.warn("Continuous export journal {} line {} cannot be read and is skipped (a write the"
                            + " process did not finish): {}", file, number, e.getOriginalMessage());
                }
            }
        }
        return lines;
    }

    /** Appends the line and forces it to disk: once this returns, the change it records is durable. */
    synchronized void append(ObjectNode line) {
        if (channel == null) {
            throw new IllegalStateException("the continuous export journal " + file + " is closed");
        }
        try {
            write(JSON.writeValueAsString(line) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the continuous export journal " + file, e);
        }
    }

    private void write(String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.warn("Cannot close the continuous export journal {}: {}", file, e.getMessage());
            }
            channel = null;
        }
    }
}

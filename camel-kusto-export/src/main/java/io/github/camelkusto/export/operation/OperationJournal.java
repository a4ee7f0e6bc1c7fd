package io.github.camelkusto.export.operation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkusto.export.artifact.ExportedArtifact;
import io.github.camelkusto.kql.KustoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable history of operations: {@code <operationsDir>/operations.jsonl}, one JSON object per line, each
 * line forced to disk (fsync) before the change it records is visible. Three kinds of line:
 * <pre>
 * {"event":"state","operationId":..,"nodeId":..,"rootActivityId":..,"database":..,"principal":..,"user":..,
 *  "startedOn":"2026-01-02T03:04:05.678Z","lastUpdatedOn":..,"state":"InProgress","status":..,
 *  "shouldRetry":false,"persistDetails":true,"artifacts":2,"records":1000,"bytes":123456}
 * {"event":"artifact","operationId":..,"path":..,"numRecords":1000,"sizeInBytes":123456}
 * {"event":"deleted","operationId":..,"path":..}
 * {"event":"staging","operationId":..,"path":..}
 * </pre>
 * The last {@code state} line of an operation is its state; {@code artifact} lines are its committed artifacts,
 * {@code deleted} lines those cleanupOnFailure removed, {@code staging} lines the hidden local files its artifacts
 * were written to before their commit (what a killed process leaves behind; not kept by the rewrite). On start the file is read (a line that cannot be read is
 * reported and skipped), operations older than the retention are dropped, and the file is rewritten compacted.
 * Lines hold no secret: statuses are masked before they get here, and paths never carry one.
 */
final class OperationJournal implements OperationEvents, AutoCloseable {
    static final String FILE_NAME = "operations.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(OperationJournal.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private FileChannel channel;

    /**
     * An operation as read back: its last state, the artifacts it committed (and did not delete), and the hidden
     * local files it staged artifacts in.
     */
    record Entry(OperationSnapshot snapshot, List<ExportedArtifact> artifacts, List<Path> staged) {
    }

    private OperationJournal(Path file) {
        this.file = file;
    }

    /**
     * Reads the journal of {@code dir} (creating the folder if needed), keeps the operations last updated after
     * {@code keepAfter}, rewrites the file with only those, and opens it for appending.
     */
    static OperationJournal open(Path dir, Instant keepAfter, List<Entry> loaded) {
        Path file = dir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dir);
            Map<UUID, Entry> entries = read(file);
            List<Entry> kept = entries.values().stream()
                    .filter(e -> e.snapshot().lastUpdatedOn().isAfter(keepAfter)).toList();
            OperationJournal journal = new OperationJournal(file);
            journal.rewrite(kept);
            loaded.addAll(kept);
            return journal;
        } catch (IOException e) {
            throw new KustoException("cannot use the operations journal " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<UUID, Entry> read(Path file) throws IOException {
        Map<UUID, OperationSnapshot> states = new LinkedHashMap<>();
        Map<UUID, List<ExportedArtifact>> artifacts = new LinkedHashMap<>();
        Map<UUID, List<Path>> staged = new LinkedHashMap<>();
        if (Files.exists(file)) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                int number = 0;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    number++;
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        apply(JSON.readTree(line), states, artifacts, staged);
                    } catch (JsonProcessingException | RuntimeException e) {
                        String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage()
                                : e.getMessage();
                        LOG.warn("Operations journal {} line {} cannot be read and is skipped: {}", file, number,
                                reason);
                    }
                }
            }
        }
        Map<UUID, Entry> entries = new LinkedHashMap<>();
        states.forEach((id, snapshot) -> entries.put(id,
                new Entry(snapshot, artifacts.getOrDefault(id, List.of()), staged.getOrDefault(id, List.of()))));
        return entries;
    }

    private static void apply(JsonNode line, Map<UUID, OperationSnapshot> states,
            Map<UUID, List<ExportedArtifact>> artifacts, Map<UUID, List<Path>> staged) {
        UUID id = UUID.fromString(text(line, "operationId"));
        switch (text(line, "event")) {
            case "state" -> states.put(id, snapshot(id, line));
            case "artifact" -> artifacts.computeIfAbsent(id, k -> new ArrayList<>()).add(new ExportedArtifact(
                    text(line, "path"), number(line, "numRecords"), number(line, "sizeInBytes")));
            case "deleted" -> artifacts.getOrDefault(id, new ArrayList<>())
                    .removeIf(a -> a.path().equals(text(line, "path")));
            case "staging" -> staged.computeIfAbsent(id, k -> new ArrayList<>()).add(Path.of(text(line, "path")));
            default -> throw new IllegalArgumentException("unknown event '" + text(line, "event") + "'");
        }
    }

    private static OperationSnapshot snapshot(UUID id, JsonNode line) {
        OperationOrigin origin = new OperationOrigin(text(line, "nodeId"), text(line, "rootActivityId"),
                text(line, "database"), text(line, "principal"), text(line, "user"));
        return new OperationSnapshot(id, origin, Instant.parse(text(line, "startedOn")),
                Instant.parse(text(line, "lastUpdatedOn")), OperationState.valueOf(text(line, "state")),
                text(line, "status"), bool(line, "shouldRetry"), bool(line, "persistDetails"),
                number(line, "artifacts"), number(line, "records"), number(line, "bytes"));
    }

    private static JsonNode field(JsonNode line, String name) {
        JsonNode value = line.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("no '" + name + "'");
        }
        return value;
    }

    private static String text(JsonNode line, String name) {
        return field(line, name).asText();
    }

    private static long number(JsonNode line, String name) {
        JsonNode value = field(line, name);
        if (!value.canConvertToLong()) {
            throw new IllegalArgumentException("'" + name + "' is not a number");
        }
        return value.asLong();
    }

    private static boolean bool(JsonNode line, String name) {
        JsonNode value = field(line, name);
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("'" + name + "' is not true or false");
        }
        return value.asBoolean();
    }

    private static ObjectNode stateLine(OperationSnapshot s) {
        ObjectNode line = JSON.createObjectNode().put("event", "state").put("operationId", s.operationId().toString());
        OperationOrigin o = s.origin();
        return line.put("nodeId", o.nodeId()).put("rootActivityId", o.rootActivityId()).put("database", o.database())
                .put("principal", o.principal()).put("user", o.user()).put("startedOn", s.startedOn().toString())
                .put("lastUpdatedOn", s.lastUpdatedOn().toString()).put("state", s.state().name())
                .put("status", s.status()).put("shouldRetry", s.shouldRetry())
                .put("persistDetails", s.persistDetails()).put("artifacts", s.artifacts())
                .put("records", s.records()).put("bytes", s.bytes());
    }

    private static ObjectNode artifactLine(UUID id, ExportedArtifact a) {
        return JSON.createObjectNode().put("event", "artifact").put("operationId", id.toString())
                .put("path", a.path()).put("numRecords", a.numRecords()).put("sizeInBytes", a.sizeInBytes());
    }

    /** Writes the kept operations to a temporary file, forces it to disk and moves it over the journal. */
    private void rewrite(List<Entry> kept) throws IOException {
        Path temp = file.resolveSibling("." + FILE_NAME + ".tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (Entry entry : kept) {
                OperationSnapshot s = entry.snapshot();
                write(out, stateLine(s));
                boolean detailsKept = s.state() != OperationState.Completed || s.persistDetails();
                for (ExportedArtifact a : detailsKept ? entry.artifacts() : List.<ExportedArtifact>of()) {
                    write(out, artifactLine(entry.snapshot().operationId(), a));
                }
            }
            out.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    private static void write(FileChannel out, ObjectNode line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    private synchronized void append(ObjectNode line) {
        if (channel == null) {
            return; // closed with the component: an export still ending is not recorded
        }
        try {
            write(channel, line);
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the operations journal " + file, e);
        }
    }

    @Override
    public void stateChanged(Operation operation) {
        append(stateLine(operation.snapshot()));
    }

    @Override
    public void staging(Operation operation, Path stagingFile) {
        append(JSON.createObjectNode().put("event", "staging").put("operationId", operation.id().toString())
                .put("path", stagingFile.toString()));
    }

    @Override
    public void artifactCommitted(Operation operation, ExportedArtifact artifact) {
        append(artifactLine(operation.id(), artifact));
    }

    @Override
    public void artifactsDeleted(Operation operation, List<ExportedArtifact> deleted) {
        for (ExportedArtifact a : deleted) {
            append(JSON.createObjectNode().put("event", "deleted").put("operationId", operation.id().toString())
                    .put("path", a.path()));
        }
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.warn("Cannot close the operations journal {}: {}", file, e.getMessage());
            }
            channel = null;
        }
    }
}

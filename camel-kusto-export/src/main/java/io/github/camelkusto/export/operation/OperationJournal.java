package io.github.camelkusto.export.operation;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkusto.export.artifact.ExportedArtifact;
import io.github.camelkusto.export.source.DurableLog;
import io.github.camelkusto.kql.KustoException;

/**
 * The durable history of operations: {@code <operationsDir>/operations.jsonl}, one JSON object per line, each
 * line forced to disk (fsync) before the change it records is visible (a {@link DurableLog}). Three kinds of line:
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
    private static final ObjectMapper JSON = DurableLog.JSON;

    private final DurableLog log;

    /**
     * An operation as read back: its last state, the artifacts it committed (and did not delete), and the hidden
     * local files it staged artifacts in.
     */
    record Entry(OperationSnapshot snapshot, List<ExportedArtifact> artifacts, List<Path> staged) {
    }

    private OperationJournal(DurableLog log) {
        this.log = log;
    }

    /**
     * Reads the journal of {@code dir} (creating the folder if needed), keeps the operations last updated after
     * {@code keepAfter}, rewrites the file with only those, and opens it for appending.
     */
    static OperationJournal open(Path dir, Instant keepAfter, List<Entry> loaded) {
        Path file = dir.resolve(FILE_NAME);
        Lines lines = new Lines();
        try {
            DurableLog log = DurableLog.open("Operations journal", file, lines::apply);
            List<Entry> kept = lines.entries().stream()
                    .filter(e -> e.snapshot().lastUpdatedOn().isAfter(keepAfter)).toList();
            log.compact(compacted(kept));
            loaded.addAll(kept);
            return new OperationJournal(log);
        } catch (UncheckedIOException e) {
            throw new KustoException("cannot use the operations journal " + file + ": " + e.getCause().getMessage(),
                    e);
        }
    }

    /** The operations as the lines read so far left them. */
    private static final class Lines {
        private final Map<UUID, OperationSnapshot> states = new LinkedHashMap<>();
        private final Map<UUID, List<ExportedArtifact>> artifacts = new LinkedHashMap<>();
        private final Map<UUID, List<Path>> staged = new LinkedHashMap<>();

        void apply(JsonNode line) {
            try {
                UUID id = UUID.fromString(text(line, "operationId"));
                switch (text(line, "event")) {
                    case "state" -> states.put(id, snapshot(id, line));
                    case "artifact" -> artifacts.computeIfAbsent(id, k -> new ArrayList<>()).add(new ExportedArtifact(
                            text(line, "path"), number(line, "numRecords"), number(line, "sizeInBytes")));
                    case "deleted" -> artifacts.getOrDefault(id, new ArrayList<>())
                            .removeIf(a -> a.path().equals(text(line, "path")));
                    case "staging" -> staged.computeIfAbsent(id, k -> new ArrayList<>())
                            .add(Path.of(text(line, "path")));
                    default -> throw new IllegalArgumentException("unknown event '" + text(line, "event") + "'");
                }
            } catch (RuntimeException e) { // a bad date or state is a line this journal cannot apply
                throw e instanceof IllegalArgumentException iae ? iae : new IllegalArgumentException(e.getMessage(), e);
            }
        }

        List<Entry> entries() {
            List<Entry> entries = new ArrayList<>();
            states.forEach((id, snapshot) -> entries.add(new Entry(snapshot, artifacts.getOrDefault(id, List.of()),
                    staged.getOrDefault(id, List.of()))));
            return entries;
        }
    }

    /** The kept operations' lines: each state, and its artifacts unless a completed export kept no details. */
    private static List<ObjectNode> compacted(List<Entry> kept) {
        List<ObjectNode> lines = new ArrayList<>();
        for (Entry entry : kept) {
            OperationSnapshot s = entry.snapshot();
            lines.add(stateLine(s));
            if (s.state() != OperationState.Completed || s.persistDetails()) {
                entry.artifacts().forEach(a -> lines.add(artifactLine(s.operationId(), a)));
            }
        }
        return lines;
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

    /** A change after the close (an export still ending as the component stops) is not recorded. */
    private void append(ObjectNode line) {
        log.appendUnlessClosed(line);
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
    public void close() {
        log.close();
    }
}

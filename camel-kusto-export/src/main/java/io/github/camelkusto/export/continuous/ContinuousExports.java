package io.github.camelkusto.export.continuous;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkusto.export.artifact.ExportedArtifact;
import io.github.camelkusto.export.command.CommandParser;
import io.github.camelkusto.export.command.ContinuousExportCommand;
import io.github.camelkusto.export.command.ContinuousExportDefinition;
import io.github.camelkusto.export.command.ExportFormat;
import io.github.camelkusto.export.command.ExportOptions;
import io.github.camelkusto.export.command.ExportToTableCommand;
import io.github.camelkusto.export.command.ExternalTableDefinition;
import io.github.camelkusto.export.command.Redaction;
import io.github.camelkusto.export.command.RequestProperties;
import io.github.camelkusto.export.command.StorageLiteral;
import io.github.camelkusto.export.continuous.ContinuousExportRows.Artifact;
import io.github.camelkusto.export.continuous.ContinuousExportRows.Failure;
import io.github.camelkusto.export.lake.ExternalTableCatalog;
import io.github.camelkusto.export.source.DurableLog;
import io.github.camelkusto.export.storage.ConnectionStrings;
import io.github.camelkusto.export.storage.LocalFolderLocation;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.catalog.Table;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.syntax.SourceText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The continuous exports of the database and their runs. A run exports the records ingested into the export's
 * {@code over} tables after its cursor and at least {@code forcedLatency} ago (other tables are read whole), to
 * its external table, then commits the artifacts and the new cursor in one journal line. Exactly once across
 * crashes: a run that started and did not commit is undone when the journal is read again (its artifacts, named
 * with the run's tag, are removed from local folders) and its records go with the next run. A failed run is
 * recorded ({@code .show continuous-export Name failures}) and retried by the next. Thread-safe; at most one run
 * of an export at a time.
 */
public final class ContinuousExports implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ContinuousExports.class);
    /**
     * The journal in the operations folder: definitions, enable/disable/drop, and each run's start, commit (its
     * artifacts and new cursor in one line) or failure.
     */
    public static final String JOURNAL = "continuous-exports.jsonl";
    private static final ExportOptions NO_OPTIONS = new ExportOptions(ExportFormat.CSV, false, false, List.of(),
            Map.of());

    /** Writes one run's records: an {@code .export to table} over {@code view}, its artifact names tagged. */
    @FunctionalInterface
    public interface Exporter {
        List<ExportedArtifact> export(ExportToTableCommand command, KustoDatabase view, String runTag);
    }

    /** How a run ended: its artifacts when it ran, or why it did not. */
    public enum Outcome {
        COMPLETED, NOTHING_TO_EXPORT, ALREADY_RUNNING, DISABLED
    }

    /** A run: how it ended, and its rows of {@code .show continuous-export Name exported-artifacts}. */
    public record Run(String name, Outcome outcome, ResultTable artifacts) {
    }

    /** One export's definition and progress; guarded by the {@link ContinuousExports}. */
    private static final class State {
        ContinuousExportDefinition definition;
        boolean disabled;
        long startCursor;
        long cursor;
        Instant exportedTo;
        String lastRunResult = "";
        Instant lastRunTime;
        Instant lastSuccessRun;
    }

    private final KustoDatabase database;
    private final ExternalTableCatalog externalTables;
    private final Exporter exporter;
    private final DurableLog journal;
    private final Clock clock;
    private final Map<String, State> exports = new LinkedHashMap<>();
    private final List<Artifact> artifacts = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();
    private volatile BiConsumer<String, Optional<ContinuousExportDefinition>> onChange = (n, d) -> { };

    private ContinuousExports(KustoDatabase database, ExternalTableCatalog externalTables, Exporter exporter,
            DurableLog journal, Clock clock) {
        this.database = database;
        this.externalTables = externalTables;
        this.exporter = exporter;
        this.journal = journal;
        this.clock = clock;
    }

    public static ContinuousExports inMemory(KustoDatabase database, ExternalTableCatalog externalTables,
            Exporter exporter, Clock clock) {
        return new ContinuousExports(database, externalTables, exporter, null, clock);
    }

    /**
     * The exports journaled in {@code folder}: definitions and cursors as last committed; runs a killed process
     * left unfinished are undone (their artifacts removed) and listed as failures.
     */
    public static ContinuousExports open(Path folder, KustoDatabase database, ExternalTableCatalog externalTables,
            Exporter exporter, Clock clock) {
        List<JsonNode> lines = new ArrayList<>();
        ContinuousExports exports = new ContinuousExports(database, externalTables, exporter,
                DurableLog.open("Continuous export journal", folder.resolve(JOURNAL), lines::add), clock);
        Map<String, JsonNode> unfinished = new LinkedHashMap<>();
        for (JsonNode line : lines) {
            try {
                exports.replay(line, unfinished);
            } catch (RuntimeException e) {
                LOG.warn("A continuous export journal line cannot be applied and is skipped: {}", e.getMessage());
            }
        }
        unfinished.values().forEach(exports::undo);
        return exports;
    }

    private void replay(JsonNode line, Map<String, JsonNode> unfinished) {
        String name = line.path("name").asText();
        State state = exports.get(name);
        switch (line.path("event").asText()) {
            case "defined" -> define(definition(line.path("command").asText()), line.path("startCursor").asLong());
            case "disabled" -> {
                if (state != null) {
                    state.disabled = line.path("disabled").asBoolean();
                }
            }
            case "dropped" -> exports.remove(name);
            case "started" -> unfinished.put(line.path("runId").asText(), line);
            case "committed" -> {
                unfinished.remove(line.path("runId").asText());
                Instant at = Instant.parse(line.path("time").asText());
                for (JsonNode a : line.path("artifacts")) {
                    artifacts.add(new Artifact(name, at, line.path("externalTable").asText(), a.path("path").asText(),
                            a.path("numRecords").asLong(), a.path("sizeInBytes").asLong()));
                }
                if (state != null) {
                    committed(state, line.path("cursor").asLong(), instant(line.path("exportedTo")), at);
                }
            }
            case "failed" -> {
                unfinished.remove(line.path("runId").asText());
                Failure failure = new Failure(Instant.parse(line.path("time").asText()), line.path("runId").asText(),
                        name, instant(line.path("lastSuccessRun")), line.path("kind").asText(),
                        line.path("details").asText());
                failures.add(failure);
                if (state != null) {
                    state.lastRunResult = "Failed";
                    state.lastRunTime = failure.timestamp();
                }
            }
            default -> throw new IllegalArgumentException("unknown event '" + line.path("event").asText() + "'");
        }
    }

    private static Instant instant(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? null : Instant.parse(value.asText());
    }

    private static ContinuousExportDefinition definition(String command) {
        if (CommandParser.parse(command, NO_OPTIONS) instanceof ContinuousExportCommand c
                && c.definition().isPresent()) {
            return c.definition().get();
        }
        throw new KustoException("not a continuous export definition");
    }

    /** Called with an export's name and its definition when it is created, altered or enabled; empty when gone. */
    public void setOnChange(BiConsumer<String, Optional<ContinuousExportDefinition>> onChange) {
        this.onChange = onChange;
    }

    public synchronized List<ContinuousExportDefinition> definitions() {
        return exports.values().stream().map(s -> s.definition.withDisabled(s.disabled)).toList();
    }

    /** Runs a create-or-alter, show, enable, disable or drop; returns ADX's result table. */
    public ResultTable run(ContinuousExportCommand command) {
        String name = command.name().orElse("");
        ResultTable result;
        Optional<ContinuousExportDefinition> changed;
        synchronized (this) {
            switch (command.verb()) {
                case SHOW_ALL -> {
                    return ContinuousExportRows.exports(exports.keySet().stream().map(this::status).toList());
                }
                case SHOW -> {
                    return ContinuousExportRows.exports(List.of(status(existing(name))));
                }
                case SHOW_ARTIFACTS -> {
                    existing(name);
                    return ContinuousExportRows.artifacts(artifacts.stream().filter(a -> a.name().equals(name))
                            .toList());
                }
                case SHOW_FAILURES -> {
                    existing(name);
                    return ContinuousExportRows.failures(failures.stream().filter(f -> f.name().equals(name))
                            .toList());
                }
                case DROP -> {
                    existing(name);
                    append(line("dropped", name));
                    exports.remove(name);
                    changed = Optional.empty();
                    result = ContinuousExportRows.exports(exports.keySet().stream().map(this::status).toList());
                }
                case ENABLE, DISABLE -> {
                    State state = exports.get(existing(name));
                    boolean disabled = command.verb() == ContinuousExportCommand.Verb.DISABLE;
                    append(line("disabled", name).put("disabled", disabled));
                    state.disabled = disabled;
                    changed = Optional.of(state.definition.withDisabled(disabled));
                    result = ContinuousExportRows.exports(List.of(status(name)));
                }
                default -> {
                    ContinuousExportDefinition definition = command.definition().orElseThrow();
                    check(definition);
                    State existing = exports.get(name);
                    long startCursor = existing != null ? existing.startCursor : database.cursor();
                    append(line("defined", name).put("command", definition.text()).put("startCursor", startCursor));
                    define(definition, startCursor);
                    changed = Optional.of(definition);
                    result = ContinuousExportRows.exports(List.of(status(name)));
                }
            }
        }
        onChange.accept(name, changed);
        return result;
    }

    private void check(ContinuousExportDefinition definition) {
        if (externalTables.table(definition.externalTable()).isEmpty()) {
            throw new KustoException("continuous export '" + definition.name() + "': external table '"
                    + definition.externalTable() + "' does not exist");
        }
        for (String table : definition.overTables()) {
            if (database.table(table).isEmpty()) {
                throw new KustoException("continuous export '" + definition.name() + "': table '" + table
                        + "' of 'over' does not exist in database " + database.name());
            }
        }
    }

    private void define(ContinuousExportDefinition definition, long startCursor) {
        State state = exports.computeIfAbsent(definition.name(), n -> new State());
        if (state.definition == null) {
            state.startCursor = startCursor;
            state.cursor = startCursor;
        }
        state.definition = definition;
        state.disabled = definition.disabled();
    }

    private String existing(String name) {
        if (!exports.containsKey(name)) {
            throw new KustoException("continuous export '" + name + "' does not exist (continuous exports: "
                    + (exports.isEmpty() ? "none" : String.join(", ", exports.keySet())) + ")");
        }
        return name;
    }

    private ContinuousExportRows.Status status(String name) {
        State s = exports.get(name);
        ReentrantLock lock = running.get(name);
        return new ContinuousExportRows.Status(s.definition, s.disabled, lock != null && lock.isLocked(),
                s.exportedTo, s.lastRunResult, s.lastRunTime, s.startCursor);
    }

    /**
     * Runs the export once, unless it is disabled or already running: exports the records ingested since its
     * cursor, then commits the artifacts and the new cursor together.
     *
     * @throws KustoException when the run failed (recorded as a failure; the next run exports its records)
     */
    public Run runOnce(String name) {
        ReentrantLock lock = running.computeIfAbsent(name, n -> new ReentrantLock());
        if (!lock.tryLock()) {
            return new Run(name, Outcome.ALREADY_RUNNING, ContinuousExportRows.artifacts(List.of()));
        }
        try {
            State state;
            ContinuousExportDefinition definition;
            long from;
            synchronized (this) {
                state = exports.get(existing(name));
                if (state.disabled) {
                    return new Run(name, Outcome.DISABLED, ContinuousExportRows.artifacts(List.of()));
                }
                definition = state.definition;
                from = state.cursor;
            }
            return exportFrom(state, definition, from);
        } finally {
            lock.unlock();
        }
    }

    private Run exportFrom(State state, ContinuousExportDefinition definition, long from) {
        Instant started = clock.instant();
        Instant cutoff = started.minus(definition.forcedLatency().orElse(Duration.ZERO));
        List<Table> facts = new ArrayList<>();
        for (String table : definition.overTables().isEmpty() ? database.tableNames() : definition.overTables()) {
            facts.add(database.table(table).orElseThrow(() -> failed(state, definition, UUID.randomUUID(),
                    "table '" + table + "' of 'over' does not exist in database " + database.name())));
        }
        long to = from;
        for (Table fact : facts) {
            to = Math.max(to, fact.lastCursorAt(cutoff));
        }
        if (to == from) {
            synchronized (this) {
                state.lastRunTime = started;
                state.lastRunResult = "Completed";
            }
            return new Run(definition.name(), Outcome.NOTHING_TO_EXPORT, ContinuousExportRows.artifacts(List.of()));
        }
        Map<String, Table> scoped = new HashMap<>();
        Instant exportedTo = null;
        for (Table fact : facts) {
            Table part = fact.ingestedBetween(from, to);
            scoped.put(fact.name(), part);
            for (Batch extent : part.extents()) {
                Instant time = extent.ingestion().orElseThrow().time();
                exportedTo = exportedTo == null || time.isAfter(exportedTo) ? time : exportedTo;
            }
        }
        UUID runId = UUID.randomUUID();
        String tag = definition.name() + "_" + runId.toString().replace("-", "");
        append(line("started", definition.name()).put("runId", runId.toString()).put("tag", tag)
                .put("externalTable", definition.externalTable()).put("from", from).put("to", to));
        List<ExportedArtifact> written;
        try {
            written = exporter.export(command(definition), database.view(scoped), tag);
        } catch (RuntimeException e) {
            removeArtifacts(definition.externalTable(), tag);
            throw failed(state, definition, runId, KustoException.reason(e));
        }
        Instant committedAt = clock.instant();
        ObjectNode commit = line("committed", definition.name()).put("runId", runId.toString())
                .put("externalTable", definition.externalTable()).put("cursor", to)
                .put("exportedTo", String.valueOf(exportedTo)).put("time", committedAt.toString());
        ArrayNode list = commit.putArray("artifacts");
        written.forEach(a -> list.addObject().put("path", a.path()).put("numRecords", a.numRecords())
                .put("sizeInBytes", a.sizeInBytes()));
        try {
            append(commit); // the step that makes the run: artifacts and cursor together
        } catch (RuntimeException e) {
            removeArtifacts(definition.externalTable(), tag);
            throw failed(state, definition, runId, KustoException.reason(e));
        }
        List<Artifact> rows = written.stream().map(a -> new Artifact(definition.name(), committedAt, definition.externalTable(),
                a.path(), a.numRecords(), a.sizeInBytes())).toList();
        synchronized (this) {
            artifacts.addAll(rows);
            committed(state, to, exportedTo, started);
        }
        LOG.info("Continuous export {} exported cursors ({}, {}] to {}: {} artifact(s), {} record(s)",
                definition.name(), from, to, definition.externalTable(), rows.size(),
                rows.stream().mapToLong(Artifact::numRecords).sum());
        return new Run(definition.name(), Outcome.COMPLETED, ContinuousExportRows.artifacts(rows));
    }

    private static void committed(State state, long cursor, Instant exportedTo, Instant at) {
        state.cursor = cursor;
        state.exportedTo = exportedTo != null ? exportedTo : state.exportedTo;
        state.lastRunTime = at;
        state.lastSuccessRun = at;
        state.lastRunResult = "Completed";
    }

    private static ExportToTableCommand command(ContinuousExportDefinition d) {
        int queryStart = d.text().stripTrailing().length() - d.query().length();
        return new ExportToTableCommand(false, d.externalTable(), d.exportProperties(), d.query(),
                new SourceText(d.text()), queryStart, RequestProperties.NONE);
    }

    /** Records a failed run (its details masked) and returns the error to throw. */
    private KustoException failed(State state, ContinuousExportDefinition definition, UUID runId, String reason) {
        String details = Redaction.text(String.valueOf(reason), externalTables.connectionStrings());
        Instant now = clock.instant();
        Failure failure;
        synchronized (this) {
            failure = new Failure(now, runId.toString(), definition.name(), state.lastSuccessRun, "Failure",
                    details);
            state.lastRunResult = "Failed";
            state.lastRunTime = now;
            failures.add(failure);
        }
        appendQuietly(failureLine(failure));
        LOG.warn("Continuous export {} failed; the next run exports its records: {}", definition.name(), details);
        return new KustoException("continuous export '" + definition.name() + "' failed: " + details);
    }

    /** Undoes a run a killed process left: removes its artifacts, records it as failed. */
    private void undo(JsonNode started) {
        String name = started.path("name").asText();
        removeArtifacts(started.path("externalTable").asText(), started.path("tag").asText());
        State state = exports.get(name);
        Failure failure = new Failure(clock.instant(), started.path("runId").asText(), name,
                state != null ? state.lastSuccessRun : null, "Failure", "the process ended during the run; its"
                        + " artifacts were removed and the next run exports its records");
        failures.add(failure);
        if (state != null) {
            state.lastRunResult = "Failed";
            state.lastRunTime = failure.timestamp();
        }
        appendQuietly(failureLine(failure));
    }

    private static ObjectNode failureLine(Failure failure) {
        ObjectNode line = line("failed", failure.name()).put("runId", failure.operationId())
                .put("time", failure.timestamp().toString()).put("kind", failure.kind())
                .put("details", failure.details());
        if (failure.lastSuccessRun() != null) {
            line.put("lastSuccessRun", failure.lastSuccessRun().toString());
        }
        return line;
    }

    /**
     * Removes the artifacts whose names carry {@code tag} from the table's local folders (written by a run that
     * did not commit). Artifacts in other storage are removed by the export itself when it fails; those a killed
     * process left there stay, and are named in the log.
     */
    private void removeArtifacts(String externalTable, String tag) {
        Optional<ExternalTableDefinition> table = externalTables.table(externalTable);
        if (table.isEmpty() || tag.isEmpty()) {
            return;
        }
        for (StorageLiteral storage : table.get().storage()) {
            if (!(ConnectionStrings.parse(storage) instanceof LocalFolderLocation local)) {
                LOG.warn("Artifacts named *{}* of an unfinished continuous export run may remain in {}", tag,
                        storage.where());
                continue;
            }
            if (!Files.isDirectory(local.folder())) {
                continue;
            }
            try (Stream<Path> files = Files.walk(local.folder())) {
                for (Path file : files.filter(f -> f.getFileName().toString().contains(tag)).toList()) {
                    Files.deleteIfExists(file);
                    LOG.info("Removed {} of an unfinished continuous export run", file);
                }
            } catch (IOException e) {
                LOG.warn("Cannot remove the artifacts of an unfinished continuous export run from {}: {}",
                        storage.where(), e.getMessage());
            }
        }
    }

    private static ObjectNode line(String event, String name) {
        return DurableLog.JSON.createObjectNode().put("event", event).put("name", name);
    }

    private void append(ObjectNode line) {
        if (journal != null) {
            journal.append(line);
        }
    }

    private void appendQuietly(ObjectNode line) {
        try {
            append(line);
        } catch (RuntimeException e) {
            LOG.warn("Cannot journal a continuous export failure: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        if (journal != null) {
            journal.close();
        }
    }
}

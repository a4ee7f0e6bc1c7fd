package io.github.camelkusto.export.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkusto.export.command.CommandParser;
import io.github.camelkusto.export.command.ExportFormat;
import io.github.camelkusto.export.command.ExportOptions;
import io.github.camelkusto.export.command.ExternalTableCommand;
import io.github.camelkusto.export.command.ExternalTableDefinition;
import io.github.camelkusto.export.command.KustoCommand;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.data.ResultTable;

/**
 * The external tables of the database. With a folder (the component's operationsDir) each change rewrites
 * {@value #FILE} there (written aside, then moved over the old one; readable by its owner only, as it holds the
 * connection strings the exports need), and the tables are back after a restart: the file keeps the command that
 * defined each table, parsed again when loaded. Without one they live in memory. Thread-safe.
 */
public final class ExternalTableCatalog {
    public static final String FILE = "external-tables.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ExportOptions NO_OPTIONS = new ExportOptions(ExportFormat.CSV, false, false, List.of(),
            Map.of());

    private final Path file;
    private final Map<String, ExternalTableDefinition> tables = new LinkedHashMap<>();

    private ExternalTableCatalog(Path file) {
        this.file = file;
    }

    public static ExternalTableCatalog inMemory() {
        return new ExternalTableCatalog(null);
    }

    /** The catalog kept in {@code folder}, with the tables it already holds. */
    public static ExternalTableCatalog open(Path folder) {
        ExternalTableCatalog catalog = new ExternalTableCatalog(folder.resolve(FILE));
        if (Files.exists(catalog.file)) {
            try {
                for (JsonNode table : JSON.readTree(catalog.file.toFile()).path("tables")) {
                    ExternalTableDefinition definition = definition(table.path("command").asText());
                    catalog.tables.put(definition.name(), definition);
                }
            } catch (IOException | RuntimeException e) {
                throw new KustoException("cannot read the external tables of " + catalog.file + ": "
                        + KustoException.reason(e), e);
            }
        }
        return catalog;
    }

    private static ExternalTableDefinition definition(String command) {
        KustoCommand parsed = CommandParser.parse(command, NO_OPTIONS);
        if (parsed instanceof ExternalTableCommand external && external.definition().isPresent()) {
            return external.definition().get();
        }
        throw new KustoException("not an external table definition");
    }

    public synchronized Optional<ExternalTableDefinition> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    public synchronized List<ExternalTableDefinition> tables() {
        return List.copyOf(tables.values());
    }

    /** Runs a create, alter, drop or show; returns ADX's result table (secrets masked). */
    public synchronized ResultTable run(ExternalTableCommand command) {
        String name = command.table().orElse("");
        return switch (command.verb()) {
            case SHOW_ALL -> ExternalTableRows.tables(tables.values());
            case SHOW_SCHEMA -> ExternalTableRows.schema(existing(name));
            case DROP -> {
                ExternalTableDefinition dropped = tables.get(name);
                if (dropped == null) {
                    if (command.ifExists()) {
                        yield ExternalTableRows.tables(List.of());
                    }
                    throw missing(name);
                }
                Map<String, ExternalTableDefinition> changed = new LinkedHashMap<>(tables);
                changed.remove(name);
                save(changed);
                yield ExternalTableRows.tables(List.of(dropped));
            }
            case CREATE, ALTER, CREATE_OR_ALTER -> {
                ExternalTableDefinition definition = command.definition().orElseThrow();
                if (command.verb() == ExternalTableCommand.Verb.CREATE && tables.containsKey(name)) {
                    throw new KustoException("external table '" + name + "' already exists (use .alter or"
                            + " .create-or-alter external table to change it)");
                }
                if (command.verb() == ExternalTableCommand.Verb.ALTER && !tables.containsKey(name)) {
                    throw missing(name);
                }
                Map<String, ExternalTableDefinition> changed = new LinkedHashMap<>(tables);
                changed.put(name, definition);
                save(changed);
                yield ExternalTableRows.tables(List.of(definition));
            }
        };
    }

    ExternalTableDefinition existing(String name) {
        ExternalTableDefinition table = tables.get(name);
        if (table == null) {
            throw missing(name);
        }
        return table;
    }

    private KustoException missing(String name) {
        return new KustoException("external table '" + name + "' does not exist (external tables: "
                + (tables.isEmpty() ? "none" : String.join(", ", tables.keySet())) + ")");
    }

    /** Writes the changed tables, then keeps them: a failed write changes nothing. */
    private void save(Map<String, ExternalTableDefinition> changed) {
        if (file != null) {
            ObjectNode root = JSON.createObjectNode();
            root.put("version", 1);
            ArrayNode list = root.putArray("tables");
            for (ExternalTableDefinition table : changed.values()) {
                list.addObject().put("name", table.name()).put("command", table.text());
            }
            try {
                Files.createDirectories(file.getParent());
                Path aside = file.resolveSibling(FILE + ".tmp");
                Files.deleteIfExists(aside);
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(aside, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                }
                Files.write(aside, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
                try {
                    Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save the external tables to " + file + ": "
                        + KustoException.reason(e), e);
            }
        }
        tables.clear();
        tables.putAll(changed);
    }

    /** Every connection string of every table: what must be masked wherever they could be quoted. */
    public synchronized List<String> connectionStrings() {
        List<String> all = new ArrayList<>();
        tables.values().forEach(t -> t.storage().forEach(s -> all.add(s.value())));
        return all;
    }
}

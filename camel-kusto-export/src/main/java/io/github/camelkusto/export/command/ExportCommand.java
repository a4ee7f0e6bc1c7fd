package io.github.camelkusto.export.command;

import java.util.List;

/**
 * A complete, validated {@code .export}: how (format, compression, properties), where to (one or more
 * connection strings, used round-robin) and what (the query text, verbatim).
 */
public record ExportCommand(
        boolean async,
        boolean compressed,
        ExportFormat format,
        List<StorageLiteral> storage,
        ExportProperties properties,
        String query) implements KustoCommand {

    public ExportCommand {
        storage = List.copyOf(storage);
        if (storage.isEmpty()) {
            throw new IllegalArgumentException("an export needs at least one storage connection string");
        }
    }

    /** Never prints connection strings: they may carry secrets. */
    @Override
    public String toString() {
        return ".export" + (async ? " async" : "") + (compressed ? " compressed" : "") + " to " + format + " ("
                + storage.size() + " connection string" + (storage.size() == 1 ? "" : "s") + ") with (" + properties
                + ") <| " + query;
    }
}

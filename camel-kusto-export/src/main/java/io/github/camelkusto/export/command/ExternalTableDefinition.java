package io.github.camelkusto.export.command;

import java.util.List;
import java.util.Optional;

import io.github.camelkusto.kql.data.Schema;

/**
 * A storage external table: its schema, how exports to it are laid out (partitions, path format, format, the
 * table's {@code with} properties) and where (connection strings, used round-robin). {@code text} is the command
 * that defined it, which is what the catalog persists; {@link #toString()} never shows a connection string.
 */
public record ExternalTableDefinition(String name, Schema schema, List<ExternalTablePartition> partitions,
        PathFormat pathFormat, ExportFormat format, List<StorageLiteral> storage, Properties properties,
        String text) {

    public ExternalTableDefinition {
        partitions = List.copyOf(partitions);
        storage = List.copyOf(storage);
    }

    /**
     * The table's {@code with (...)} properties ADX defines for storage external tables.
     *
     * @param folder the table's display folder (not a storage path, as in ADX)
     */
    public record Properties(Optional<String> folder, Optional<String> docString, IncludeHeaders includeHeaders,
            Optional<String> fileExtension, TextEncoding encoding, Optional<String> namePrefix, boolean compressed) {
        public static final List<String> NAMES = List.of("folder", "docString", "includeHeaders", "fileExtension",
                "encoding", "namePrefix", "compressed");
    }

    @Override
    public String toString() {
        return "external table " + name + " " + schema + " " + format + " (" + storage.size()
                + " connection string(s))";
    }
}

package io.github.camelkusto.export.command;

import java.util.List;

import io.github.camelkusto.kql.syntax.SourceText;

/**
 * A complete, validated {@code .export}: how (format, compression, properties), where to (one or more
 * connection strings, used round-robin) and what (the query text, verbatim, after its {@code set} statements).
 * {@code text} is what the user sent and {@code queryStart} where the query starts in it, so that an error in the
 * query points into the command. {@code requestProperties} are those of the query's {@code set} statements.
 */
public record ExportCommand(
        boolean async,
        boolean compressed,
        ExportFormat format,
        List<StorageLiteral> storage,
        ExportProperties properties,
        String query,
        SourceText text,
        int queryStart,
        RequestProperties requestProperties) implements KustoCommand {

    public ExportCommand {
        storage = List.copyOf(storage);
        if (storage.isEmpty()) {
            throw new IllegalArgumentException("an export needs at least one storage connection string");
        }
    }

    /** The query with its obfuscated string literals masked: safe for logs. */
    public String displayQuery() {
        return SourceText.maskObfuscatedLiterals(query);
    }

    /** Never prints connection strings or obfuscated literals: they may carry secrets. */
    @Override
    public String toString() {
        return ".export" + (async ? " async" : "") + (compressed ? " compressed" : "") + " to " + format + " ("
                + storage.size() + " connection string" + (storage.size() == 1 ? "" : "s") + ") with (" + properties
                + ") <| " + (requestProperties.isEmpty() ? "" : "set " + requestProperties + "; ") + displayQuery();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.export(this);
    }
}

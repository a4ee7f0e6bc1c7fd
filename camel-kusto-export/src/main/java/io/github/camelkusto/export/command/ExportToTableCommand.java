package io.github.camelkusto.export.command;

import java.util.Map;

import io.github.camelkusto.kql.syntax.SourceText;

/**
 * {@code .export [async] to table T [with (...)] <| query}: the query's rows go to external table T, under each
 * partition's path. {@code properties} are the command's own, by canonical name (sizeLimit, distribution,
 * distributed, parquetRowGroupSize, persistDetails, useNativeParquetWriter, spread, concurrency): checked when
 * parsed, applied with the table's when it runs.
 */
public record ExportToTableCommand(boolean async, String table, Map<String, Object> properties, String query,
        SourceText text, int queryStart, RequestProperties requestProperties) implements KustoCommand {

    public ExportToTableCommand {
        properties = Map.copyOf(properties);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.exportToTable(this);
    }

    @Override
    public String toString() {
        return ".export" + (async ? " async" : "") + " to table " + table + " with " + properties + " <| "
                + SourceText.maskObfuscatedLiterals(query);
    }
}

package io.github.camelkusto.export.cluster;

import java.util.List;
import java.util.stream.Collectors;

import io.github.camelkusto.export.command.ExportCommand;
import io.github.camelkusto.export.command.ExportOptions;
import io.github.camelkusto.export.command.ExportProperties;
import io.github.camelkusto.export.command.StorageLiteral;
import io.github.camelkusto.export.storage.BlobLocation;
import io.github.camelkusto.export.storage.ConnectionStrings;

/** Whether an export is pushed down to the cluster, and the {@code .export} text the cluster is sent. */
public final class ClusterExports {
    private ClusterExports() {
    }

    /**
     * Whether the cluster writes the artifacts itself: always, never, or (auto) when every target is cloud storage
     * (Azure Blob, ADLS Gen2) it can reach; a local folder or a Camel endpoint is only reachable from here.
     *
     * @throws io.github.camelkusto.kql.KustoException for a connection string that is not valid at all
     */
    public static boolean pushesDown(ExportCommand command, Pushdown pushdown) {
        return switch (pushdown) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> command.storage().stream().allMatch(s -> ConnectionStrings.parse(s) instanceof BlobLocation);
        };
    }

    /**
     * The command for the cluster: a {@code .export} exactly as written (connection strings and obfuscated literals
     * as they are); a bare query as the {@code .export} the endpoint's options make of it, its connection strings as
     * obfuscated {@code h@'...'} literals and the properties the endpoint sets in its {@code with (...)} clause.
     */
    public static String text(ExportCommand command, ExportOptions endpoint) {
        String written = command.text().text();
        if (written.stripLeading().startsWith(".")) {
            return written;
        }
        StringBuilder text = new StringBuilder(".export");
        if (command.async()) {
            text.append(" async");
        }
        if (command.compressed()) {
            text.append(" compressed");
        }
        text.append(" to ").append(command.format().kustoName()).append(" (")
                .append(command.storage().stream().map(ClusterExports::obfuscated).collect(Collectors.joining(", ")))
                .append(')');
        // Only what applies to the format: a component-wide parquet option (useNativeParquetWriter=false for old
        // readers) must not reach a csv or json export, where the command would be refused.
        List<String> properties = endpoint.properties().entrySet().stream()
                .filter(p -> ExportProperties.appliesTo(p.getKey(), command.format()))
                .map(p -> p.getKey() + "=" + value(p.getValue())).toList();
        if (!properties.isEmpty()) {
            text.append(" with (").append(String.join(", ", properties)).append(')');
        }
        return text.append(" <| ").append(written).toString();
    }

    /** The connection strings of a command, to mask in any message about it. */
    public static List<String> connectionStrings(ExportCommand command) {
        return command.storage().stream().map(StorageLiteral::value).toList();
    }

    private static String obfuscated(StorageLiteral literal) {
        return "h@'" + literal.value().replace("'", "''") + "'";
    }

    private static String value(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

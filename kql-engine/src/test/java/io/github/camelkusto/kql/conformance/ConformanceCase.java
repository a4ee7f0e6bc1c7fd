package io.github.camelkusto.kql.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.testing.QueryRun;
import io.github.camelkusto.kql.testing.QueryRun.Crashed;
import io.github.camelkusto.kql.testing.QueryRun.Outcome;
import io.github.camelkusto.kql.testing.QueryRun.Rejected;
import io.github.camelkusto.kql.testing.QueryRun.Rows;
import io.github.camelkusto.kql.testing.QueryRun.TimedOut;
import io.github.camelkusto.kql.testing.RowsMatch;
import io.github.camelkusto.kql.types.KqlType;

/**
 * One case of the Kusto conformance file: a query and what Kusto returned for it (a table, or an error), with
 * the judgement of what the embedded engine returned. Column types are compared collapsed, as the file has
 * them: {@code Int} for int and long, {@code Real} for real and decimal. For long results the file shows only
 * the first rows ({@code rows} shorter than {@code rowCount}): then the count must match and the rows shown
 * must be the first (ordered) or among the result (unordered).
 */
record ConformanceCase(String id, String family, String kql, List<String> columns, int rowCount, List<String> rows,
        String error, boolean nondeterministic) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<ConformanceCase> load(Path file) {
        try {
            List<ConformanceCase> cases = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    cases.add(of(JSON.readTree(line)));
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static ConformanceCase of(JsonNode node) {
        List<String> columns = new ArrayList<>();
        node.path("columns").forEach(c -> columns.add(c.asText()));
        List<String> rows = new ArrayList<>();
        node.path("rows").forEach(r -> rows.add(r.asText()));
        return new ConformanceCase(node.path("id").asText(), node.path("family").asText(), node.path("kql").asText(),
                columns, node.path("rowCount").asInt(), rows, node.hasNonNull("error") ? node.get("error").asText() : null,
                node.path("nondeterministic").asBoolean(false));
    }

    boolean rejectedByKusto() {
        return error != null;
    }

    List<String> columnNames() {
        return columns.stream().map(c -> c.substring(0, c.lastIndexOf(':'))).toList();
    }

    /** The file's collapsed type names, {@code Boolean} read as {@code Bool}. */
    List<String> columnTypes() {
        return columns.stream().map(c -> c.substring(c.lastIndexOf(':') + 1)).map(t -> t.equals("Boolean") ? "Bool" : t)
                .toList();
    }

    /** How to read and compare the values of each column. */
    List<KqlType> comparisonTypes() {
        return columnTypes().stream().map(ConformanceCase::typeOf).toList();
    }

    List<List<Object>> expectedRows() {
        List<KqlType> types = comparisonTypes();
        return rows.stream().map(r -> KustoTuple.parse(r, types)).toList();
    }

    boolean ordered() {
        return RowOrder.matters(kql);
    }

    /** The collapsed name of an engine type. */
    static String collapsed(KqlType type) {
        return switch (type) {
            case INT, LONG -> "Int";
            case REAL, DECIMAL -> "Real";
            case STRING -> "String";
            case DATETIME -> "DateTime";
            case TIMESPAN -> "TimeSpan";
            case BOOL -> "Bool";
            case GUID -> "Guid";
            case DYNAMIC -> "Dynamic";
        };
    }

    private static KqlType typeOf(String collapsed) {
        return switch (collapsed) {
            case "Int" -> KqlType.LONG;
            case "Real" -> KqlType.REAL;
            case "String" -> KqlType.STRING;
            case "DateTime" -> KqlType.DATETIME;
            case "TimeSpan" -> KqlType.TIMESPAN;
            case "Bool" -> KqlType.BOOL;
            case "Guid" -> KqlType.GUID;
            case "Dynamic" -> KqlType.DYNAMIC;
            default -> throw new IllegalArgumentException("unknown column type " + collapsed);
        };
    }

    /** Why the engine's outcome differs from Kusto's, or empty when it agrees. */
    Optional<String> mismatch(Outcome outcome) {
        if (outcome instanceof Crashed crashed) {
            return Optional.of("crash: " + QueryRun.describe(crashed.error()));
        }
        if (outcome instanceof TimedOut timedOut) {
            return Optional.of("timed out after " + timedOut.limit().toSeconds() + " s");
        }
        if (outcome instanceof Rejected rejected) {
            return rejectedByKusto() ? Optional.empty()
                    : Optional.of("rejected: " + QueryRun.describe(rejected.error()));
        }
        Rows result = (Rows) outcome;
        if (rejectedByKusto()) {
            return Optional.of("accepted (" + result.rows().size() + " rows) but Kusto rejects it: " + error);
        }
        List<String> actualNames = result.schema().names();
        List<String> actualTypes = result.schema().columns().stream().map(Column::type)
                .map(ConformanceCase::collapsed).toList();
        if (!actualNames.equals(columnNames()) || !actualTypes.equals(columnTypes())) {
            return Optional.of("columns: expected " + columns + " got " + result.schema().columns().stream()
                    .map(c -> c.name() + ":" + collapsed(c.type())).toList());
        }
        if (result.truncated()) {
            return Optional.of("expected " + rowCount + " rows, got more than " + result.rows().size());
        }
        if (rows.size() == rowCount) {
            return RowsMatch.mismatch(comparisonTypes(), expectedRows(), result.rows(), ordered());
        }
        // The file shows only the first rows of long results: the count must match, the rows shown be there.
        if (result.rows().size() != rowCount) {
            return Optional.of("expected " + rowCount + " rows, got " + result.rows().size());
        }
        return ordered() ? RowsMatch.mismatch(comparisonTypes(), expectedRows(), result.rows().subList(0, rows.size()), true)
                : RowsMatch.missing(comparisonTypes(), expectedRows(), result.rows());
    }

    @Override
    public String toString() {
        return id;
    }
}

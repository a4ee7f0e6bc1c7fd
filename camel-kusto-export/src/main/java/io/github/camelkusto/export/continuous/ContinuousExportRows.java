package io.github.camelkusto.export.continuous;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelkusto.export.command.ContinuousExportDefinition;
import io.github.camelkusto.export.source.DurableLog;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;

/** The tables the continuous export commands return, with ADX's columns. */
final class ContinuousExportRows {
    /** {@code .show continuous-exports}, {@code .show continuous-export Name}, and what the changes return. */
    static final Schema EXPORTS = Schema.of(new Column("CursorScopedTables", KqlType.STRING),
            new Column("ExportProperties", KqlType.STRING), new Column("ExportedTo", KqlType.DATETIME),
            new Column("ExternalTableName", KqlType.STRING), new Column("ForcedLatency", KqlType.TIMESPAN),
            new Column("IntervalBetweenRuns", KqlType.TIMESPAN), new Column("IsDisabled", KqlType.BOOL),
            new Column("IsRunning", KqlType.BOOL), new Column("LastRunResult", KqlType.STRING),
            new Column("LastRunTime", KqlType.DATETIME), new Column("Name", KqlType.STRING),
            new Column("Query", KqlType.STRING), new Column("StartCursor", KqlType.STRING));
    /** {@code .show continuous-export Name exported-artifacts}. */
    static final Schema ARTIFACTS = Schema.of(new Column("Timestamp", KqlType.DATETIME),
            new Column("ExternalTableName", KqlType.STRING), new Column("Path", KqlType.STRING),
            new Column("NumRecords", KqlType.LONG), new Column("SizeInBytes", KqlType.LONG));
    /** {@code .show continuous-export Name failures}. */
    static final Schema FAILURES = Schema.of(new Column("Timestamp", KqlType.DATETIME),
            new Column("OperationId", KqlType.STRING), new Column("Name", KqlType.STRING),
            new Column("LastSuccessRun", KqlType.DATETIME), new Column("FailureKind", KqlType.STRING),
            new Column("Details", KqlType.STRING));

    /** One artifact a run of export {@code name} committed. */
    record Artifact(String name, Instant timestamp, String externalTable, String path, long numRecords, long sizeInBytes) {
    }

    /** One failed run; details are masked before they get here. */
    record Failure(Instant timestamp, String operationId, String name, Instant lastSuccessRun, String kind,
            String details) {
    }

    /** What {@code .show continuous-exports} shows of one export. */
    record Status(ContinuousExportDefinition definition, boolean disabled, boolean running, Instant exportedTo,
            String lastRunResult, Instant lastRunTime, long startCursor) {
    }

    private ContinuousExportRows() {
    }

    static ResultTable exports(Collection<Status> exports) {
        return new ResultTable(EXPORTS, exports.stream().map(ContinuousExportRows::row).toList());
    }

    private static List<Object> row(Status s) {
        ContinuousExportDefinition d = s.definition();
        ArrayNode tables = DurableLog.JSON.createArrayNode();
        d.overTables().forEach(tables::add);
        ObjectNode properties = DurableLog.JSON.createObjectNode();
        for (Map.Entry<String, Object> p : d.exportProperties().entrySet()) {
            properties.putPOJO(p.getKey(), p.getValue());
        }
        return java.util.Arrays.asList(tables.toString(), properties.toString(), s.exportedTo(), d.externalTable(),
                d.forcedLatency().orElse(null), d.intervalBetweenRuns(), s.disabled(), s.running(),
                s.lastRunResult(), s.lastRunTime(), d.name(), d.maskedQuery(), Long.toString(s.startCursor()));
    }

    static ResultTable artifacts(List<Artifact> artifacts) {
        return new ResultTable(ARTIFACTS, artifacts.stream().map(a -> List.<Object>of(a.timestamp(),
                a.externalTable(), a.path(), a.numRecords(), a.sizeInBytes())).toList());
    }

    static ResultTable failures(List<Failure> failures) {
        return new ResultTable(FAILURES, failures.stream().map(f -> java.util.Arrays.<Object>asList(f.timestamp(),
                f.operationId(), f.name(), f.lastSuccessRun(), f.kind(), f.details())).toList());
    }
}

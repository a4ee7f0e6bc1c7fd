package io.github.camelkusto.export.operation;

import java.time.Instant;
import java.util.List;

import io.github.camelkusto.export.artifact.ExportedArtifact;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;

/** The tables the operations commands return, with ADX's column names and types. */
public final class OperationTables {
    /** The operation name ADX shows for an export. */
    public static final String EXPORT_OPERATION = "DataExportToFile";

    /** The result of an export and the details of its operation: one row per artifact. */
    public static final Schema ARTIFACTS = Schema.of(new Column("Path", KqlType.STRING),
            new Column("NumRecords", KqlType.LONG), new Column("SizeInBytes", KqlType.LONG));

    /** What {@code .export async} returns. */
    public static final Schema OPERATION_ID = Schema.of(new Column("OperationId", KqlType.GUID));

    /** {@code .show operations}. */
    public static final Schema OPERATIONS = Schema.of(new Column("OperationId", KqlType.GUID),
            new Column("Operation", KqlType.STRING), new Column("NodeId", KqlType.STRING),
            new Column("StartedOn", KqlType.DATETIME), new Column("LastUpdatedOn", KqlType.DATETIME),
            new Column("Duration", KqlType.TIMESPAN), new Column("State", KqlType.STRING),
            new Column("Status", KqlType.STRING), new Column("RootActivityId", KqlType.STRING),
            new Column("ShouldRetry", KqlType.BOOL), new Column("Database", KqlType.STRING),
            new Column("Principal", KqlType.STRING), new Column("User", KqlType.STRING));

    /** {@code .cancel operation}. */
    public static final Schema CANCEL = Schema.of(new Column("OperationId", KqlType.GUID),
            new Column("Operation", KqlType.STRING), new Column("StartedOn", KqlType.DATETIME),
            new Column("CancellationState", KqlType.STRING), new Column("ReasonPhrase", KqlType.STRING));

    private OperationTables() {
    }

    public static ResultTable artifacts(List<ExportedArtifact> artifacts) {
        return new ResultTable(ARTIFACTS, artifacts.stream()
                .map(a -> List.<Object>of(a.path(), a.numRecords(), a.sizeInBytes())).toList());
    }

    static List<Object> operationRow(OperationSnapshot s, Instant now) {
        OperationOrigin o = s.origin();
        return List.of(s.operationId(), EXPORT_OPERATION, o.nodeId(), s.startedOn(), s.lastUpdatedOn(),
                s.duration(now), s.state().name(), s.status(), o.rootActivityId(), s.shouldRetry(), o.database(),
                o.principal(), o.user());
    }
}

package io.github.camelkusto.export;

import io.github.camelkusto.export.storage.CamelEndpointTarget;
import org.apache.camel.spi.Metadata;

/** The message headers the kusto-export component reads and sets. */
public final class KustoExportConstants {

    @Metadata(label = "producer", description = "The command or query to run, overriding the endpoint's 'query'"
            + " option and the message body: a .export command, a .show command or a bare KQL query.",
            javaType = "String")
    public static final String COMMAND = "CamelKustoExportCommand";

    @Metadata(label = "producer", description = "After an export: the number of artifacts written.",
            javaType = "int")
    public static final String ARTIFACT_COUNT = "CamelKustoExportArtifactCount";

    @Metadata(label = "producer", description = "After an export: the number of records written, over all"
            + " artifacts.", javaType = "long")
    public static final String RECORD_COUNT = "CamelKustoExportRecordCount";

    @Metadata(label = "producer", description = "After an export: the bytes written to storage, over all"
            + " artifacts (after compression).", javaType = "long")
    public static final String SIZE_IN_BYTES = "CamelKustoExportSizeInBytes";

    @Metadata(label = "producer", description = "After an export, sync or async: the id (a GUID) of its operation,"
            + " for .show operations, .show operation <id> details and .cancel operation. Also set on the"
            + " completionUri message.", javaType = "java.util.UUID")
    public static final String OPERATION_ID = "CamelKustoExportOperationId";

    @Metadata(label = "producer", description = "On the completionUri message: the state the async export ended in"
            + " (Completed, Failed, Canceled).", javaType = "String")
    public static final String OPERATION_STATE = "CamelKustoExportOperationState";

    @Metadata(label = "producer", description = "On the completionUri message: the operation's Status, as .show"
            + " operations shows it (secrets masked).", javaType = "String")
    public static final String OPERATION_STATUS = "CamelKustoExportOperationStatus";

    @Metadata(label = "producer", description = "On each message a camel:<endpoint uri> target receives (one per"
            + " artifact, with CamelFileName the artifact's name): the records in the artifact.", javaType = "long")
    public static final String ARTIFACT_RECORD_COUNT = CamelEndpointTarget.RECORD_COUNT_HEADER;

    @Metadata(label = "producer", description = "On each message a camel:<endpoint uri> target receives: the"
            + " artifact's size in bytes (after compression).", javaType = "long")
    public static final String ARTIFACT_SIZE_IN_BYTES = CamelEndpointTarget.SIZE_HEADER;

    @Metadata(label = "producer", description = "outputType=batches: the columns of every row, in order, as a map"
            + " from column name to Kusto type name (long, string, datetime, ...); set with the iterator.",
            javaType = "java.util.Map")
    public static final String COLUMNS = "CamelKustoExportColumns";

    @Metadata(label = "producer", description = "outputType=batches: the number of batches, set (with"
            + " CamelKustoExportRecordCount) on the message that holds the iterator once its last batch has been"
            + " taken, e.g. after the split.", javaType = "long")
    public static final String BATCH_COUNT = "CamelKustoExportBatchCount";

    @Metadata(label = "producer", description = "After a run of the endpoint's continuousExport: how it ended"
            + " (COMPLETED, NOTHING_TO_EXPORT, ALREADY_RUNNING, DISABLED); a failed run throws instead.",
            javaType = "String")
    public static final String CONTINUOUS_EXPORT_OUTCOME = "CamelKustoExportContinuousExportOutcome";

    private KustoExportConstants() {
    }
}

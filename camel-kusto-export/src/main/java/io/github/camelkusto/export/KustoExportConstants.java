package io.github.camelkusto.export;

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

    private KustoExportConstants() {
    }
}

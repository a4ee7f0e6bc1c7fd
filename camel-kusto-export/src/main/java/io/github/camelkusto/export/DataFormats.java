package io.github.camelkusto.export;

import io.github.camelkusto.export.artifact.DataFormatInput;
import io.github.camelkusto.export.artifact.DataFormatSettings;
import io.github.camelkusto.export.artifact.RowBatchLimits;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.spi.DataFormat;
import org.apache.camel.spi.DataFormatName;
import org.apache.camel.support.service.ServiceHelper;

/** The batch options of an endpoint (outputType, batchSize, batchBytes, dataFormat): checked, and resolved. */
final class DataFormats {
    private DataFormats() {
    }

    /** Checks the batch options together; the data format itself is resolved when the endpoint starts. */
    static void checkOptions(KustoExportConfiguration configuration) {
        try {
            limits(configuration);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kusto-export: " + e.getMessage());
        }
        if (configuration.getOutputType() == OutputType.BATCHES) {
            if (configuration.getDataFormat() != null) {
                throw new IllegalArgumentException("kusto-export: dataFormat encodes artifacts, and"
                        + " outputType=batches writes none: marshal the batches in the route instead");
            }
            if (configuration.isAsync()) {
                throw new IllegalArgumentException("kusto-export: outputType=batches hands the rows to the route"
                        + " as they come and cannot be async");
            }
        }
        String name = configuration.getDataFormat();
        if (name != null && (name.isBlank() || name.equals("#"))) {
            throw new IllegalArgumentException("kusto-export: dataFormat must name a data format (csv, jackson, ...)"
                    + " or a bean (#myFormat), not '" + name + "'");
        }
        if (name != null && !name.startsWith("#")) {
            input(name, name);
        }
    }

    /** What a data format of that kind (its own name) takes, or a clear error naming it if it takes no rows. */
    private static DataFormatInput input(String name, String kind) {
        try {
            return DataFormatInput.of(kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kusto-export: dataFormat '" + name + "': " + e.getMessage());
        }
    }

    static RowBatchLimits limits(KustoExportConfiguration configuration) {
        return RowBatchLimits.of(configuration.getBatchSize(), configuration.getBatchBytes());
    }

    /**
     * The endpoint's data format, started, or null when it has none: a {@code #bean} from the registry, else a data
     * format Camel resolves by name (its component must be on the classpath).
     */
    static DataFormatSettings resolve(CamelContext context, KustoExportConfiguration configuration) {
        String name = configuration.getDataFormat();
        if (name == null) {
            return null;
        }
        DataFormat dataFormat;
        if (name.startsWith("#")) {
            String bean = name.startsWith("#bean:") ? name.substring(6) : name.substring(1);
            dataFormat = context.getRegistry().lookupByNameAndType(bean, DataFormat.class);
            if (dataFormat == null) {
                throw new IllegalArgumentException("kusto-export: dataFormat '" + name + "': no bean '" + bean
                        + "' of type " + DataFormat.class.getName() + " in the registry");
            }
        } else {
            dataFormat = context.resolveDataFormat(name);
            if (dataFormat == null) {
                throw new IllegalArgumentException("kusto-export: dataFormat '" + name + "': Camel has no data"
                        + " format of that name (is its component, e.g. camel-" + name + ", on the classpath?)");
            }
        }
        // what it is given follows its own name: a #bean of camel-avro's takes Avro records as 'avro' does
        String kind = dataFormat instanceof DataFormatName named ? named.getDataFormatName() : name;
        DataFormatInput input = input(name, kind);
        CamelContextAware.trySetCamelContext(dataFormat, context);
        ServiceHelper.startService(dataFormat);
        boolean appends = configuration.getDataFormatAppends() != null ? configuration.getDataFormatAppends()
                : DataFormatSettings.appendsByDefault(kind);
        return new DataFormatSettings(name, dataFormat, context, appends, limits(configuration), input);
    }
}

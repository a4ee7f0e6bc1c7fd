package io.github.camelkusto.export.artifact;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import io.github.camelkusto.kql.KustoException;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.spi.DataFormat;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Artifacts of a data format that marshals one Avro datum per call ({@link DataFormatInput#AVRO_DATUMS}, camel-avro):
 * each row becomes a {@link GenericRecord} ({@link AvroRecords}) that the data format encodes, and Avro's
 * {@link DataFileWriter} frames the encoded datums into an object container file (header with the schema, a block
 * per batch), so that any Avro reader reads the artifact. camel-avro takes the schema from the data format, not
 * from the record: a data format with no schema of its own is copied per writer and given the columns' schema.
 * Not thread-safe: one writer's.
 */
final class AvroDatumFile {
    private final DataFormatSettings format;
    private final AvroRecords records;
    private final DataFormat dataFormat;
    private final ByteArrayOutputStream datum = new ByteArrayOutputStream(256);
    private DataFileWriter<GenericRecord> writer;

    AvroDatumFile(DataFormatSettings format, AvroRecords records) {
        this.format = format;
        this.records = records;
        this.dataFormat = withSchema(format, records.schema());
    }

    /** Starts a container file on {@code artifact}: its header. */
    void open(OutputStream artifact) throws IOException {
        writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(records.schema()));
        writer.create(records.schema(), artifact);
    }

    /** Marshals each row of {@code batch} through the data format and writes the datums as one block. */
    void append(Exchange exchange, List<Map<String, Object>> batch) throws Exception {
        for (Map<String, Object> row : batch) {
            GenericRecord record = records.record(row);
            exchange.getIn().setBody(record);
            datum.reset();
            dataFormat.marshal(exchange, record, datum);
            writer.appendEncoded(ByteBuffer.wrap(datum.toByteArray()));
        }
        writer.flush();
    }

    /** Ends the container file; the artifact's stream is closed by its owner. */
    void end() throws IOException {
        writer.close();
        writer = null;
    }

    /** Stops the copy of the data format this made, if any. */
    void close() {
        if (dataFormat != format.dataFormat()) {
            ServiceHelper.stopAndShutdownService(dataFormat);
        }
    }

    /**
     * The data format to encode records of {@code schema}: the endpoint's when it has that schema or no schema
     * property, else a started copy of it given the schema.
     */
    private static DataFormat withSchema(DataFormatSettings format, Schema schema) {
        CamelContext context = format.context();
        Object own = PluginHelper.getBeanIntrospection(context)
                .getOrElseProperty(format.dataFormat(), "schema", null, false);
        if (own instanceof Schema given) {
            if (!given.equals(schema)) {
                throw new KustoException(format + " has a schema of its own (" + given.getFullName() + "), and"
                        + " the query's columns give another: " + schema.getFields().stream()
                                .map(Schema.Field::name).toList() + " in record " + schema.getFullName()
                        + "; leave the data format's schema unset and the export gives it the columns' schema");
            }
            return format.dataFormat();
        }
        DataFormat copy = context.getInjector().newInstance(format.dataFormat().getClass());
        CamelContextAware.trySetCamelContext(copy, context);
        boolean bound = PropertyBindingSupport.build().withCamelContext(context).withTarget(copy)
                .withProperty("schema", schema).withMandatory(false).bind();
        if (!bound) {
            return format.dataFormat(); // no schema property: it takes the schema from the record
        }
        ServiceHelper.startService(copy);
        return copy;
    }
}

package io.github.camelkusto.export.artifact;

import java.util.Locale;
import java.util.Set;

/**
 * What the component hands a Camel DataFormat to marshal, chosen by the data format's name (its
 * {@link org.apache.camel.spi.DataFormatName}, else the name the endpoint gives it): most take a batch of row
 * maps; the Avro ones take Avro records in a schema derived from the columns ({@link AvroRecords}).
 */
public enum DataFormatInput {
    /** Each batch as one {@code List<Map<String,Object>>} of row maps ({@link RowMaps}): camel-csv, camel-jackson... */
    ROW_MAPS("a java.util.List of row maps (java.util.Map, column name to value)"),
    /**
     * Each batch as one {@code List<GenericRecord>}: camel-parquet-avro ({@code parquetAvro}), which writes a whole
     * parquet file per marshal, so an artifact holds one batch.
     */
    AVRO_RECORDS("a java.util.List of Avro GenericRecords"),
    /**
     * One {@code GenericRecord} per marshal: camel-avro ({@code avro}) writes one datum in Avro's binary encoding,
     * which no reader takes without the schema; the component frames those datums, a batch a block, into an Avro
     * object container file with Avro's own writer (header with the schema, sync markers), so batches append.
     */
    AVRO_DATUMS("one Avro GenericRecord at a time, framed into an Avro object container file");

    /** Data formats that marshal one object of their own type (a protobuf message, a JAXB element): never rows. */
    private static final Set<String> SINGLE_OBJECT = Set.of("protobuf", "protobufjackson", "avrojackson", "thrift",
            "jaxb", "soap");

    private final String body;

    DataFormatInput(String body) {
        this.body = body;
    }

    /** What a data format of this input is given, for error messages. */
    public String body() {
        return body;
    }

    /**
     * The input of a data format of that name.
     *
     * @throws IllegalArgumentException for a data format that marshals one object of its own type, not rows
     */
    public static DataFormatInput of(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (SINGLE_OBJECT.contains(lower)) {
            throw new IllegalArgumentException("data format " + name + " marshals one object of its own type, not"
                    + " a batch of rows: use a data format that takes rows (csv, jackson, avro, parquetAvro, ...),"
                    + " or outputType=batches and convert the rows in the route");
        }
        return switch (lower) {
            case "avro" -> AVRO_DATUMS;
            case "parquetavro" -> AVRO_RECORDS;
            default -> ROW_MAPS;
        };
    }
}

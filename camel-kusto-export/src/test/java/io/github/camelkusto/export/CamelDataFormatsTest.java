package io.github.camelkusto.export;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkusto.kql.data.ResultTable;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.dataformat.avro.AvroDataFormat;
import org.apache.camel.dataformat.csv.CsvDataFormat;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * dataFormat through Camel's own data formats: camel-csv (by name and as a bean) and camel-avro (by name, fed one
 * Avro record at a time, its datums framed into container files), each artifact read back by an independent reader
 * (Commons CSV, Avro's DataFileReader) with every Kusto type checked. camel-jackson: {@link DataFormatExportTest};
 * camel-parquet-avro: {@link CamelParquetAvroTest}.
 */
class CamelDataFormatsTest extends CamelTestSupport {
    /** 3,000 rows of every Kusto type, in the column order of {@link RowBatchesRouteTest#ALL_TYPES}. */
    static final String TYPED = "range L from 0 to 2999 step 1 | extend B = L % 2 == 0, I = toint(L), R = L * 0.5,"
            + " D = todecimal(L) / 4, S = strcat('word, \"', L, '\"'), T = datetime(2024-01-02T03:04:05.1234567Z)"
            + " + L * 1s, Span = L * 1s + 1tick, G = guid(0f8fad5b-d9cb-469f-a165-70867728950e), Dyn = pack('id', L)"
            + " | project B, I, L, R, D, S, T, Span, G, Dyn";
    static final Instant AT = Instant.parse("2024-01-02T03:04:05.1234567Z");
    static final UUID KEY = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:csv").toD("kusto-export:csv?dataFormat=csv&batchSize=500&sizeLimit=100000"
                        + "&distribution=single&namePrefix=csv&storage=RAW(" + folder + ")");
                from("direct:csvBean").toD("kusto-export:csv?dataFormat=#semicolons&distribution=single"
                        + "&storage=RAW(" + folder + ")");
                from("direct:avro").toD("kusto-export:avro?dataFormat=avro&batchSize=400&sizeLimit=60000"
                        + "&distribution=single&namePrefix=avro&storage=RAW(" + folder + ")");
                from("direct:avroOtherSchema").toD("kusto-export:avro?dataFormat=#otherSchema&storage=RAW("
                        + folder + ")");
            }
        };
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        CsvDataFormat semicolons = new CsvDataFormat();
        semicolons.setDelimiter(';');
        registry.bind("semicolons", semicolons);
        registry.bind("otherSchema", new AvroDataFormat(SchemaBuilder.record("Other").fields()
                .requiredLong("L").endRecord()));
    }

    private static Path path(ResultTable table, int row) {
        return Path.of((String) table.value(row, "Path"));
    }

    /** Row {@code row}'s artifact, checked: named {@code <prefix>_<n>_<32 hex>.<extension>}, of the size listed. */
    private static Path artifact(ResultTable result, int row, String prefix, String extension) throws IOException {
        Path file = path(result, row);
        assertThat(file.getFileName().toString()).matches(prefix + "_" + (row + 1) + "_[0-9a-f]{32}\\." + extension);
        assertThat(Files.size(file)).isEqualTo(result.value(row, "SizeInBytes"));
        return file;
    }

    private static List<CSVRecord> csv(Path file, CSVFormat format) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return format.parse(in).getRecords();
        }
    }

    /** One csv record of {@link #TYPED} as camel-csv prints the row map's values (each value's toString). */
    private static void assertTypedRecord(CSVRecord record, long l) throws IOException {
        assertThat(Boolean.parseBoolean(record.get(0))).isEqualTo(l % 2 == 0);
        assertThat(Integer.parseInt(record.get(1))).isEqualTo((int) l);
        assertThat(Long.parseLong(record.get(2))).isEqualTo(l);
        assertThat(Double.parseDouble(record.get(3))).isEqualTo(l * 0.5);
        assertThat(new BigDecimal(record.get(4))).isEqualByComparingTo(BigDecimal.valueOf(l).divide(BigDecimal.valueOf(4)));
        assertThat(record.get(5)).isEqualTo("word, \"" + l + "\"");
        assertThat(Instant.parse(record.get(6))).isEqualTo(AT.plusSeconds(l));
        assertThat(Duration.parse(record.get(7))).isEqualTo(Duration.ofSeconds(l).plusNanos(100));
        assertThat(UUID.fromString(record.get(8))).isEqualTo(KEY);
        assertThat(JSON.readTree(record.get(9)).get("id").asLong()).isEqualTo(l);
    }

    @Test
    void camelCsvByNameAppendsBatchesUpToTheSizeLimitAndCommonsCsvReadsEveryTypeBack() throws Exception {
        ResultTable result = template.requestBody("direct:csv", TYPED, ResultTable.class);

        assertThat(result.rowCount()).isGreaterThan(2);
        long l = 0;
        for (int row = 0; row < result.rowCount(); row++) {
            Path file = artifact(result, row, "csv", "csv");
            if (row < result.rowCount() - 1) {
                assertThat(Files.size(file)).isGreaterThanOrEqualTo(100_000); // cut after the batch that passed it
            }
            List<CSVRecord> records = csv(file, CSVFormat.DEFAULT);
            assertThat((long) records.size()).isEqualTo(result.value(row, "NumRecords"));
            assertThat(records.size() % 500 == 0 || row == result.rowCount() - 1).as("whole batches").isTrue();
            for (CSVRecord record : records) {
                assertTypedRecord(record, l++);
            }
        }
        assertThat(l).isEqualTo(3000);
    }

    @Test
    void aCamelCsvBeanWritesWithItsOwnSettings() throws Exception {
        ResultTable result = template.requestBody("direct:csvBean", TYPED, ResultTable.class);

        assertThat(result.rowCount()).isOne();
        List<CSVRecord> records = csv(path(result, 0), CSVFormat.DEFAULT.builder().setDelimiter(';').get());
        assertThat(records).hasSize(3000);
        for (int l = 0; l < records.size(); l++) {
            assertTypedRecord(records.get(l), l);
        }
    }

    /** Avro's reader with the conversions of the schema's logical types: timestamp-micros, uuid, decimal. */
    static DataFileReader<GenericRecord> avroReader(Path file) throws IOException {
        GenericData data = new GenericData();
        data.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        data.addLogicalTypeConversion(new Conversions.UUIDConversion());
        data.addLogicalTypeConversion(new Conversions.DecimalConversion());
        return new DataFileReader<>(file.toFile(), new GenericDatumReader<>(null, null, data));
    }

    @Test
    void camelAvroByNameWritesContainerFilesThatAvrosReaderReadsBackTyped() throws Exception {
        ResultTable result = template.requestBody("direct:avro", TYPED, ResultTable.class);

        assertThat(result.rowCount()).isGreaterThan(2);
        long l = 0;
        for (int row = 0; row < result.rowCount(); row++) {
            Path file = artifact(result, row, "avro", "avro");
            try (DataFileReader<GenericRecord> reader = avroReader(file)) {
                Schema schema = reader.getSchema();
                assertThat(schema.getFields()).extracting(Schema.Field::name)
                        .containsExactly("B", "I", "L", "R", "D", "S", "T", "Span", "G", "Dyn");
                assertThat(schema.getField("T").schema().getTypes().get(1).getLogicalType().getName())
                        .isEqualTo("timestamp-micros");
                long records = 0;
                for (GenericRecord record : reader) {
                    assertThat(record.get("B")).isEqualTo(l % 2 == 0);
                    assertThat(record.get("I")).isEqualTo((int) l);
                    assertThat(record.get("L")).isEqualTo(l);
                    assertThat(record.get("R")).isEqualTo(l * 0.5);
                    assertThat((BigDecimal) record.get("D"))
                            .isEqualByComparingTo(BigDecimal.valueOf(l).divide(BigDecimal.valueOf(4)));
                    assertThat(record.get("S").toString()).isEqualTo("word, \"" + l + "\"");
                    // datetime to the microsecond (rounded down), timespan in ticks
                    assertThat(record.get("T")).isEqualTo(AT.plusSeconds(l).minusNanos(700));
                    assertThat(record.get("Span")).isEqualTo(l * 10_000_000L + 1);
                    assertThat(record.get("G")).isEqualTo(KEY);
                    assertThat(JSON.readTree(record.get("Dyn").toString()).get("id").asLong()).isEqualTo(l);
                    records++;
                    l++;
                }
                assertThat(records).isEqualTo(result.value(row, "NumRecords"));
            }
            if (row < result.rowCount() - 1) {
                // batches are blocks of one container until the artifact passes the size limit
                assertThat(Files.size(file)).isGreaterThanOrEqualTo(60_000);
                assertThat((Long) result.value(row, "NumRecords") % 400).isZero();
            }
        }
        assertThat(l).isEqualTo(3000);
    }

    @Test
    void camelAvroWritesNullsAsTheNullBranchOfEachField() throws Exception {
        ResultTable result = template.requestBody("direct:avro", RowBatchesRouteTest.ALL_TYPES, ResultTable.class);

        try (DataFileReader<GenericRecord> reader = avroReader(path(result, 0))) {
            GenericRecord first = reader.next();
            assertThat(first.get("Span")).isEqualTo(Duration.parse("P1DT2H3M4S").toNanos() / 100);
            assertThat((BigDecimal) first.get("D")).isEqualByComparingTo("12.25");
            assertThat(first.get("Dyn").toString()).isEqualTo("{\"a\":[1,2]}");
            GenericRecord nulls = reader.next();
            for (Schema.Field field : reader.getSchema().getFields()) {
                assertThat(nulls.get(field.name())).as(field.name()).isEqualTo(
                        field.name().equals("S") ? new org.apache.avro.util.Utf8("") : null);
            }
            assertThat(reader.hasNext()).isFalse();
        }
    }

    @Test
    void aCamelAvroBeanWithASchemaOtherThanTheColumnsFailsTheExportNamingBoth() {
        assertThatThrownBy(() -> template.requestBody("direct:avroOtherSchema", TYPED, ResultTable.class))
                .cause().hasMessageContaining("dataFormat #otherSchema has a schema of its own (Other)")
                .hasMessageContaining("[B, I, L, R, D, S, T, Span, G, Dyn] in record KustoExportRecord");
        assertThat(folder.toFile().list()).isEmpty();
    }

    @Test
    void aYamlRouteExportsThroughCamelAvroByName() throws Exception {
        String yaml = """
                - route:
                    from:
                      uri: direct:yamlAvro
                      steps:
                        - to:
                            uri: kusto-export:avro
                            parameters:
                              dataFormat: avro
                              batchSize: 1000
                              storage: "%s"
                              query: "range L from 1 to 2500 step 1 | extend T = datetime(2024-01-02) + L * 1s"
                """.formatted(folder);
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("dataformats.yaml", yaml));

        ResultTable result = template.requestBody("direct:yamlAvro", null, ResultTable.class);

        assertThat(result.rowCount()).isOne();
        long l = 1;
        try (DataFileReader<GenericRecord> reader = avroReader(path(result, 0))) {
            for (GenericRecord record : reader) {
                assertThat(record.get("L")).isEqualTo(l);
                assertThat(record.get("T")).isEqualTo(Instant.parse("2024-01-02T00:00:00Z").plusSeconds(l));
                l++;
            }
        }
        assertThat(l).isEqualTo(2501);
    }

    @Test
    void aDataFormatThatMarshalsOneObjectOfItsOwnTypeIsRefusedWhenTheRouteIsBuilt() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            assertThatThrownBy(() -> {
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:x").to("kusto-export:csv?dataFormat=protobuf");
                    }
                });
                camel.start();
            }).hasStackTraceContaining("dataFormat 'protobuf': data format protobuf marshals one object of its"
                    + " own type, not a batch of rows");
        }
    }
}

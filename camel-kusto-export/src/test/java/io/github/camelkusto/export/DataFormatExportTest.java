package io.github.camelkusto.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.testkit.DuckDb;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.DataFormat;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * dataFormat: artifacts encoded by a Camel DataFormat (camel-jackson by name and as a bean, csv and Avro beans of the
 * user's), named, cut,
 * compressed and listed as the built-in formats' are, each read back by a reader of its own.
 */
class DataFormatExportTest extends CamelTestSupport {
    /** 1,000 rows of every type DuckDB reads back typed from text: long, real, bool, string, datetime, guid. */
    static final String ROWS = "range Id from 0 to 999 step 1 | extend Value = Id * 0.5, Even = Id % 2 == 0,"
            + " Word = strcat('word, \"', Id, '\"'), At = datetime(2024-01-02T03:04:05Z) + Id * 1s,"
            + " Key = guid(0f8fad5b-d9cb-469f-a165-70867728950e)";

    @TempDir
    Path folder;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:jackson").toD("kusto-export:json?dataFormat=#json&batchSize=400&namePrefix=rows"
                        + "&storage=RAW(" + folder + ")");
                from("direct:jacksonByName").toD("kusto-export:json?dataFormat=jackson&namePrefix=named"
                        + "&storage=RAW(" + folder + ")");
                from("direct:csvBean").toD("kusto-export:csv?dataFormat=#csvRows&dataFormatAppends=true"
                        + "&batchSize=50&sizeLimit=10000&distribution=single&namePrefix=rows&storage=RAW(" + folder
                        + ")");
                from("direct:avroBean").toD("kusto-export:avro?dataFormat=#avroRows&batchSize=300&namePrefix=rows"
                        + "&storage=RAW(" + folder + ")");
                from("direct:csvCommand").to("kusto-export:csv?dataFormat=#csvRows&dataFormatAppends=true");
                from("direct:failing").toD("kusto-export:csv?dataFormat=#failing&batchSize=100&storage=RAW("
                        + folder + ")");
            }
        };
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        // camel-jackson's data format, with an ObjectMapper that writes datetimes (Instant) as ISO text
        registry.bind("json", new JacksonDataFormat(new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS), Object.class));
        registry.bind("csvRows", new CsvRows());
        registry.bind("failing", new Failing());
        registry.bind("avroRows", new AvroRows());
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static Path path(ResultTable table, int row) {
        return Path.of((String) table.value(row, "Path"));
    }

    private static String sql(Path file) {
        return "'" + file.toString().replace("'", "''") + "'";
    }

    @Test
    void camelJacksonWritesEachBatchAsAJsonArrayThatDuckDbReadsBackTyped() throws Exception {
        ResultTable result = template.requestBody("direct:jackson", ROWS, ResultTable.class);

        assertThat(result.rowCount()).isEqualTo(3); // a JSON array per artifact: one batch each, 400 + 400 + 200
        assertThat(result.rows()).extracting(row -> row.get(1)).containsExactly(400L, 400L, 200L);
        long id = 0;
        for (int row = 0; row < result.rowCount(); row++) {
            Path file = path(result, row);
            assertThat(file.getFileName().toString()).matches("rows_" + (row + 1) + "_[0-9a-f]{32}\\.json");
            assertThat(Files.size(file)).isEqualTo(result.value(row, "SizeInBytes"));
            String read = "read_json(" + sql(file) + ", format='array')";
            assertThat(DuckDb.query("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM " + read + ")"))
                    .containsExactly(List.of("Id", "BIGINT"), List.of("Value", "DOUBLE"),
                            List.of("Even", "BOOLEAN"), List.of("Word", "VARCHAR"),
                            List.of("At", "TIMESTAMP"), List.of("Key", "UUID"));
            for (List<Object> values : DuckDb.query("SELECT Id, Value, Even, Word, epoch(\"At\"), \"Key\" FROM " + read)) {
                assertThat(values.get(0)).isEqualTo(id);
                assertThat(values.get(1)).isEqualTo(id * 0.5);
                assertThat(values.get(2)).isEqualTo(id % 2 == 0);
                assertThat(values.get(3)).isEqualTo("word, \"" + id + "\"");
                assertThat(((Number) values.get(4)).longValue()).isEqualTo(1704164645L + id);
                assertThat(values.get(5)).isEqualTo(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"));
                id++;
            }
        }
        assertThat(id).isEqualTo(1000);
    }

    /** By name, camel-jackson's defaults: fine for every type but datetime and timespan (no JavaTimeModule). */
    @Test
    void camelJacksonByNameWritesTheRowsAsOneJsonArrayPerBatch() throws Exception {
        ResultTable result = template.requestBody("direct:jacksonByName", "range Id from 1 to 20 step 1"
                + " | extend Half = Id * 0.5, Tags = pack_array('a', Id), Key = guid(0f8fad5b-d9cb-469f-a165-70867728950e)",
                ResultTable.class);

        assertThat(result.rowCount()).isOne();
        String read = "read_json(" + sql(path(result, 0)) + ", format='array')";
        assertThat(DuckDb.query("SELECT column_type FROM (DESCRIBE SELECT * FROM " + read + ")"))
                .extracting(r -> r.get(0)).containsExactly("BIGINT", "DOUBLE", "JSON[]", "UUID");
        assertThat(DuckDb.query("SELECT sum(Id), sum(Half), count(*) FILTER (WHERE Tags[2] = Id) FROM " + read))
                .containsExactly(List.of(java.math.BigInteger.valueOf(210), 105.0, 20L));
        assertThat(path(result, 0).getFileName().toString()).endsWith(".json");
    }

    @Test
    void batchesOfADataFormatThatAppendsFillAnArtifactUpToTheSizeLimit() throws Exception {
        ResultTable result = template.requestBody("direct:csvBean", ROWS, ResultTable.class);

        assertThat(files()).hasSize(result.rowCount());
        assertThat(result.rowCount()).isGreaterThan(5);
        long id = 0;
        for (int row = 0; row < result.rowCount(); row++) {
            Path file = path(result, row);
            assertThat(file.getFileName().toString()).matches("rows_" + (row + 1) + "_[0-9a-f]{32}\\.csv");
            long size = Files.size(file);
            if (row < result.rowCount() - 1) {
                // an artifact ends with the batch that takes it to 10,000 bytes: past it by less than a batch
                assertThat(size).isBetween(10_000L, 10_000L + 50 * 120);
            }
            List<CSVRecord> records;
            try (Reader in = Files.newBufferedReader(file)) {
                records = CSVFormat.DEFAULT.parse(in).getRecords();
            }
            assertThat((long) records.size()).isEqualTo(result.value(row, "NumRecords"));
            for (CSVRecord record : records) {
                assertThat(record.get(0)).isEqualTo(Long.toString(id));
                assertThat(record.get(3)).isEqualTo("word, \"" + id + "\"");
                id++;
            }
        }
        assertThat(id).isEqualTo(1000);
        // DuckDB reads them all back, typed
        String all = "read_csv(" + sql(folder.resolve("*.csv")) + ", header=false, names=['Id','Value','Even',"
                + "'Word','At','Key'])";
        assertThat(DuckDb.query("SELECT column_type FROM (DESCRIBE SELECT * FROM " + all + ")"))
                .extracting(r -> r.get(0)).containsExactly("BIGINT", "DOUBLE", "BOOLEAN", "VARCHAR",
                        "TIMESTAMP WITH TIME ZONE", "VARCHAR"); // DuckDB's csv sniffer leaves uuids as text
        assertThat(DuckDb.query("SELECT count(*), sum(Id), count(DISTINCT Id), sum(Value) FROM " + all))
                .containsExactly(List.of(1000L, java.math.BigInteger.valueOf(499500), 1000L, 249750.0));
    }

    @Test
    void anAvroBeanWritesEachBatchAsAContainerFileThatAvrosReaderReadsBackTyped() throws Exception {
        ResultTable result = template.requestBody("direct:avroBean", ROWS, ResultTable.class);

        assertThat(result.rows()).extracting(row -> row.get(1)).containsExactly(300L, 300L, 300L, 100L);
        GenericData data = new GenericData();
        data.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        data.addLogicalTypeConversion(new Conversions.UUIDConversion());
        long id = 0;
        for (int row = 0; row < result.rowCount(); row++) {
            Path file = path(result, row);
            assertThat(file.getFileName().toString()).matches("rows_" + (row + 1) + "_[0-9a-f]{32}\\.avro");
            try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(),
                    new GenericDatumReader<>(null, null, data))) {
                assertThat(reader.getSchema().getField("At").schema().getLogicalType().getName())
                        .isEqualTo("timestamp-micros");
                for (GenericRecord record : reader) {
                    assertThat(record.get("Id")).isEqualTo(id);
                    assertThat(record.get("Value")).isEqualTo(id * 0.5);
                    assertThat(record.get("Even")).isEqualTo(id % 2 == 0);
                    assertThat(record.get("Word").toString()).isEqualTo("word, \"" + id + "\"");
                    assertThat(record.get("At")).isEqualTo(Instant.parse("2024-01-02T03:04:05Z").plusSeconds(id));
                    assertThat(record.get("Key")).isEqualTo(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"));
                    id++;
                }
            }
        }
        assertThat(id).isEqualTo(1000);
    }

    @Test
    void aCompressedExportCommandGzipsTheDataFormatsOutput() throws Exception {
        ResultTable result = template.requestBody("direct:csvCommand", ".export compressed to csv (@'" + folder
                + "') with (namePrefix='z', fileExtension='csv') <| " + ROWS, ResultTable.class);

        long records = 0;
        for (int row = 0; row < result.rowCount(); row++) {
            Path file = path(result, row);
            assertThat(file.getFileName().toString()).endsWith(".csv.gz");
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(CSVFormat.DEFAULT.parse(new java.io.StringReader(text)).getRecords())
                        .hasSize(((Long) result.value(row, "NumRecords")).intValue());
                records += (Long) result.value(row, "NumRecords");
            }
        }
        assertThat(records).isEqualTo(1000);
    }

    @Test
    void anAsyncExportThroughADataFormatListsItsArtifactsInTheOperationsDetails() throws Exception {
        OperationsClient client = new OperationsClient(template, "direct:csvCommand");
        UUID id = client.startAsync(".export async to csv (@'" + folder + "') with (namePrefix='a') <| " + ROWS);

        client.awaitState(id, "Completed");

        ResultTable details = client.run(".show operation " + id + " details");
        assertThat(details.rowCount()).isEqualTo(files().size()).isPositive();
        long records = 0;
        for (int row = 0; row < details.rowCount(); row++) {
            records += (Long) details.value(row, "NumRecords");
        }
        assertThat(records).isEqualTo(1000);
    }

    @Test
    void aDataFormatThatFailsFailsTheExportNamingItAndLeavesNoArtifact() throws Exception {
        assertThatThrownBy(() -> template.requestBody("direct:failing", ROWS, ResultTable.class))
                .cause().hasMessageContaining("export failed after 0 committed artifact(s)")
                .hasMessageContaining("dataFormat #failing could not marshal a batch of rows into artifact")
                .hasMessageContaining("no room for rows");
        assertThat(files()).isEmpty();
    }

    @Test
    void aDataFormatCamelCannotResolveFailsTheRouteAtStart() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            assertThatThrownBy(() -> {
                camel.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:x").to("kusto-export:csv?dataFormat=nosuchformat");
                    }
                });
                camel.start();
            }).hasStackTraceContaining("dataFormat 'nosuchformat': Camel has no data format of that name");
        }
    }

    /**
     * A user's data format, as a route would bind one: each batch of row maps as RFC 4180 csv records through
     * Commons CSV, no header line, so that batches append.
     */
    static final class CsvRows extends ServiceSupport implements DataFormat {
        @Override
        public void marshal(Exchange exchange, Object graph, OutputStream stream) throws IOException {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) graph;
            CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(stream, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT);
            for (Map<String, Object> row : rows) {
                List<Object> values = new ArrayList<>(row.values());
                printer.printRecord(values);
            }
            printer.flush();
        }

        @Override
        public Object unmarshal(Exchange exchange, InputStream stream) {
            throw new UnsupportedOperationException();
        }
    }

    /**
     * A user's Avro data format: each batch an Avro object container file (so one batch per artifact), datetime as
     * timestamp-micros and guid as uuid, through Avro's own writer.
     */
    static final class AvroRows extends ServiceSupport implements DataFormat {
        static final Schema SCHEMA = SchemaBuilder.record("Row").fields()
                .requiredLong("Id").requiredDouble("Value").requiredBoolean("Even").requiredString("Word")
                .name("At").type(LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG)))
                .noDefault()
                .name("Key").type(LogicalTypes.uuid().addToSchema(Schema.create(Schema.Type.STRING))).noDefault()
                .endRecord();

        @Override
        public void marshal(Exchange exchange, Object graph, OutputStream stream) throws IOException {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) graph;
            try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(SCHEMA))) {
                writer.create(SCHEMA, stream);
                for (Map<String, Object> row : rows) {
                    GenericRecord record = new GenericData.Record(SCHEMA);
                    record.put("Id", row.get("Id"));
                    record.put("Value", row.get("Value"));
                    record.put("Even", row.get("Even"));
                    record.put("Word", row.get("Word"));
                    record.put("At", ChronoUnit.MICROS.between(Instant.EPOCH, (Instant) row.get("At")));
                    record.put("Key", row.get("Key").toString());
                    writer.append(record);
                }
            }
        }

        @Override
        public Object unmarshal(Exchange exchange, InputStream stream) {
            throw new UnsupportedOperationException();
        }
    }

    /** A data format that refuses every batch. */
    static final class Failing extends ServiceSupport implements DataFormat {
        @Override
        public void marshal(Exchange exchange, Object graph, OutputStream stream) throws IOException {
            throw new IllegalStateException("no room for rows");
        }

        @Override
        public Object unmarshal(Exchange exchange, InputStream stream) {
            throw new UnsupportedOperationException();
        }
    }
}

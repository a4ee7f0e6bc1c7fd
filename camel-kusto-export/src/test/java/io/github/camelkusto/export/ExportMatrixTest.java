package io.github.camelkusto.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.azure.storage.blob.BlobServiceClient;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;
import io.github.camelkusto.testkit.Azurite;
import io.github.camelkusto.testkit.AzuriteExtension;
import io.github.camelkusto.testkit.BlobArtifacts;
import io.github.camelkusto.testkit.DuckDb;
import io.github.camelkusto.testkit.Gzip;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every format, compression, header mode, encoding, distribution and storage kind, end to end through a route:
 * each artifact the result table lists is read back by DuckDB (and {@code gzip -t}) and holds exactly the
 * records the table says; together the artifacts hold every row of the table once.
 * <p>
 * The cases are the full cross product of the dimensions that apply to each format (270 exports); two storage
 * accounts are two accounts of Azurite, each with its own key.
 */
@ExtendWith(AzuriteExtension.class)
class ExportMatrixTest extends CamelTestSupport {
    private static final int EXTENTS = 3;
    private static final int ROWS_PER_EXTENT = 40;
    private static final Pattern NUMBER = Pattern.compile(".*_(\\d+)_[0-9a-f]{32}\\.[a-z.]+$");

    private final Azurite azurite;

    @TempDir
    Path local;
    @TempDir
    Path downloads;

    ExportMatrixTest(Azurite azurite) {
        this.azurite = azurite;
    }

    enum Storage { LOCAL, ONE_ACCOUNT, TWO_ACCOUNTS }

    /**
     * The whole cross product: csv and tsv x compressed x includeHeaders x encoding x distribution x storage; json
     * without includeHeaders (it has no header line); parquet and avro without includeHeaders and encoding
     * (binary).
     */
    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String format : List.of("csv", "tsv", "json", "parquet", "avro")) {
            boolean text = !binary(format);
            List<String> headers = format.equals("csv") || format.equals("tsv")
                    ? List.of("none", "all", "firstFile") : java.util.Collections.singletonList(null);
            List<String> encodings = text ? List.of("UTF8NoBOM", "UTF8BOM")
                    : java.util.Collections.singletonList(null);
            for (boolean compressed : List.of(false, true)) {
                for (String header : headers) {
                    for (String encoding : encodings) {
                        for (String distribution : List.of("single", "per_shard", "per_node")) {
                            for (Storage storage : Storage.values()) {
                                cases.add(Arguments.of(format, compressed, header, encoding, distribution, storage));
                            }
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    /** Names with the delimiters, quotes, line breaks, tabs, backslashes and non-ASCII text formats must carry. */
    static String name(long id) {
        return "name " + id + (id % 3 == 0 ? ", with \"quotes\"" : "") + (id % 5 == 0 ? "\nline two\tand tab" : "")
                + (id % 7 == 0 ? " ünïcødé ☃ \\ 😀" : "");
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        Schema schema = Schema.of(new Column("Id", KqlType.LONG), new Column("Name", KqlType.STRING),
                new Column("Score", KqlType.REAL), new Column("When", KqlType.DATETIME),
                new Column("Tags", KqlType.DYNAMIC));
        KustoDatabase database = new KustoDatabase("matrix");
        database.createTable("Events", schema);
        for (int e = 0; e < EXTENTS; e++) {
            Batch.Builder rows = Batch.builder(schema);
            for (int i = 0; i < ROWS_PER_EXTENT; i++) {
                long id = (long) e * ROWS_PER_EXTENT + i;
                rows.addRow(id, name(id), id % 4 == 0 ? null : id * 1.5,
                        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id),
                        KqlValues.parse(KqlType.DYNAMIC, "{\"id\": " + id + ", \"t\": [\"a\"]}"));
            }
            database.append("Events", rows.build());
        }
        registry.bind("database", database);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:export").to("kusto-export:csv");
            }
        };
    }

    @ParameterizedTest(name = "{0} compressed={1} includeHeaders={2} encoding={3} distribution={4} {5}")
    @MethodSource("cases")
    void everyArtifactReadsBackAsTheRowsTheResultTableSays(String format, boolean compressed, String headers,
            String encoding, String distribution, Storage storage) throws Exception {
        List<String> containers = switch (storage) {
            case LOCAL -> List.of();
            case ONE_ACCOUNT -> List.of(azurite.newContainer("matrix"));
            case TWO_ACCOUNTS -> List.of(azurite.newContainer("matrix"), azurite.newSecondAccountContainer("matrix"));
        };
        List<String> connections = switch (storage) {
            case LOCAL -> List.of("'" + local.toUri() + "'");
            case ONE_ACCOUNT -> List.of("h'" + azurite.kustoConnectionString(containers.get(0)) + "'");
            case TWO_ACCOUNTS -> List.of("h'" + azurite.kustoConnectionString(containers.get(0)) + "'",
                    "h'" + azurite.secondKustoConnectionString(containers.get(1)) + "'");
        };
        List<String> properties = new ArrayList<>(List.of("distribution = '" + distribution + "'",
                "namePrefix = 'out/events'"));
        if (headers != null) {
            properties.add("includeHeaders = '" + headers + "'");
        }
        if (encoding != null) {
            properties.add("encoding = '" + encoding + "'");
        }
        String command = ".export " + (compressed ? "compressed " : "") + "to " + format + " ("
                + String.join(", ", connections) + ") with (" + String.join(", ", properties) + ") <| Events";

        ResultTable result = template.requestBody("direct:export", command, ResultTable.class);

        assertThat(result.rowCount()).isGreaterThanOrEqualTo(1);
        if (distribution.equals("single")) {
            assertThat(result.rowCount()).isEqualTo(1);
        } else if (distribution.equals("per_shard")) {
            assertThat(result.rowCount()).isEqualTo(EXTENTS); // the engine makes a partition of each extent
        }
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (int row = 0; row < result.rowCount(); row++) {
            String path = (String) result.value(row, "Path");
            long records = (Long) result.value(row, "NumRecords");
            Path file = storage == Storage.LOCAL ? Path.of(path) : download(path, containers, row);
            assertThat(Files.size(file)).isEqualTo((Long) result.value(row, "SizeInBytes"));
            String extension = (binary(format) || !compressed) ? "." + format : "." + format + ".gz";
            assertThat(path).endsWith(extension).contains("out/events_");
            Matcher number = NUMBER.matcher(path);
            assertThat(number.matches()).as(path).isTrue();
            boolean header = "all".equals(headers) || ("firstFile".equals(headers) && number.group(1).equals("1"));
            if (compressed && !binary(format)) {
                assertThat(Gzip.isValid(file)).as(path).isTrue();
            }
            if (!binary(format)) {
                checkStart(file, compressed, "UTF8BOM".equals(encoding), header ? "Id" : "");
            }
            Path readable = format.equals("json") && "UTF8BOM".equals(encoding) ? withoutBom(file, compressed) : file;
            List<List<Object>> rows = read(format, readable, header, compressed && readable == file);
            assertThat(rows).as(path).hasSize((int) records);
            for (List<Object> r : rows) {
                long id = Long.parseLong(String.valueOf(r.get(0)));
                assertThat(r.get(1)).as("Name of Id " + id).isEqualTo(name(id));
                assertThat(seen.add(String.valueOf(id))).as("Id " + id + " once").isTrue();
            }
            total += records;
        }
        assertThat(total).isEqualTo(EXTENTS * ROWS_PER_EXTENT);
        assertThat(seen).hasSize(EXTENTS * ROWS_PER_EXTENT);
        if (format.equals("parquet") && compressed) {
            Path file = storage == Storage.LOCAL ? Path.of((String) result.value(0, "Path"))
                    : download((String) result.value(0, "Path"), containers, 0);
            assertThat(DuckDb.query("SELECT DISTINCT compression FROM parquet_metadata('" + file + "')"))
                    .containsExactly(List.of("GZIP"));
        }
        if (format.equals("avro")) {
            Path file = storage == Storage.LOCAL ? Path.of((String) result.value(0, "Path"))
                    : download((String) result.value(0, "Path"), containers, 0);
            try (var reader = new DataFileReader<GenericRecord>(file.toFile(), new GenericDatumReader<>())) {
                assertThat(reader.getMetaString("avro.codec")).isEqualTo(compressed ? "snappy" : "null");
            }
        }
        if (storage == Storage.TWO_ACCOUNTS && result.rowCount() > 1) {
            assertThat(BlobArtifacts.list(azurite.secondBlobServiceClient(), containers.get(1))).isNotEmpty();
        }
    }

    private static boolean binary(String format) {
        return format.equals("parquet") || format.equals("avro");
    }

    /** Artifact {@code n} is on connection string {@code (n - 1) % count}: round-robin. */
    private Path download(String url, List<String> containers, int row) throws IOException {
        for (int i = 0; i < containers.size(); i++) {
            // the first container is in the first account, a second one in the second account
            String endpoint = i == 0 ? azurite.blobEndpoint() : azurite.secondBlobEndpoint();
            BlobServiceClient account = i == 0 ? azurite.blobServiceClient() : azurite.secondBlobServiceClient();
            String prefix = endpoint + "/" + containers.get(i) + "/";
            if (url.startsWith(prefix)) {
                Path file = downloads.resolve(row + "-" + url.substring(url.lastIndexOf('/') + 1));
                Files.write(file, BlobArtifacts.download(account, containers.get(i), url.substring(prefix.length())));
                return file;
            }
        }
        throw new AssertionError(url + " is in none of the containers " + containers);
    }

    /** The text starts with a BOM when asked, then with the header line or directly with a record. */
    private static void checkStart(Path file, boolean compressed, boolean bom, String header) throws IOException {
        byte[] bytes = compressed ? Gzip.gunzip(file) : Files.readAllBytes(file);
        int start = 0;
        if (bom) {
            assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
            start = 3;
        } else {
            assertThat(bytes[0]).isNotEqualTo((byte) 0xEF);
        }
        String text = new String(bytes, start, Math.min(16, bytes.length - start), StandardCharsets.UTF_8);
        if (header.isEmpty()) {
            assertThat(text).matches("(?s)(\\d|\\{).*");
        } else {
            assertThat(text).startsWith(header);
        }
    }

    /** DuckDB's JSON reader refuses a byte order mark: the text after it, uncompressed. */
    private Path withoutBom(Path file, boolean compressed) throws IOException {
        byte[] bytes = compressed ? Gzip.gunzip(file) : Files.readAllBytes(file);
        Path copy = downloads.resolve("nobom-" + file.getFileName().toString().replace(".gz", ""));
        Files.write(copy, java.util.Arrays.copyOfRange(bytes, 3, bytes.length));
        return copy;
    }

    /** Id and Name of every record, as DuckDB reads them. */
    private static List<List<Object>> read(String format, Path file, boolean header, boolean compressed)
            throws Exception {
        String f = "'" + file + "'";
        String gz = compressed ? ", compression='gzip'" : "";
        return switch (format) {
            case "csv" -> DuckDb.query("SELECT * FROM read_csv(" + f + ", delim=',', quote='\"', escape='\"',"
                    + " new_line='\\r\\n', header=" + header + ", all_varchar=true" + gz + ")").stream()
                    .map(r -> List.of(r.get(0), r.get(1))).toList();
            case "tsv" -> DuckDb.query("SELECT * FROM read_csv(" + f + ", delim='\\t', quote='', escape='',"
                    + " new_line='\\r\\n', header=" + header + ", all_varchar=true" + gz + ")").stream()
                    .map(r -> List.<Object>of(r.get(0), unescapeTsv((String) r.get(1)))).toList();
            case "json" -> DuckDb.query("SELECT Id, Name FROM read_json(" + f + ", format='newline_delimited'"
                    + gz + ")");
            case "avro" -> readAvro(file);
            default -> DuckDb.query("SELECT Id, Name FROM read_parquet(" + f + ")");
        };
    }

    /** Id and Name of every record, as Avro's own reader reads them (DuckDB's avro extension is not offline). */
    private static List<List<Object>> readAvro(Path file) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        try (var reader = new DataFileReader<GenericRecord>(file.toFile(), new GenericDatumReader<>())) {
            reader.forEach(r -> rows.add(List.of(r.get("Id"), String.valueOf(r.get("Name")))));
        }
        return rows;
    }

    private static String unescapeTsv(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char e = text.charAt(++i);
                out.append(switch (e) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> e;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

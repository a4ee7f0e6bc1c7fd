package io.github.camelkusto.examples;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code kusto-export serve}, run from the packaged jar as a user would, queried by Microsoft's kusto-data client. */
class KustoExportServeIT {
    private static final Path JAR = Path.of(System.getProperty("cli.jar", "target/kusto-export.jar"));
    private static final Path ROUTES = Path.of(System.getProperty("routes.dir", "../routes"));
    /** A heap far smaller than the results streamed below: the server must not hold a result. */
    private static final String SERVER_HEAP = "-Xmx64m";

    @TempDir
    Path workDir;

    private Process process;

    @AfterEach
    void stop() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Starts {@code serve} and returns the URI from its one line on stdout. */
    private String serve(String... options) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("java", SERVER_HEAP, "-jar",
                JAR.toAbsolutePath().toString(), "serve"));
        command.addAll(List.of(options));
        process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectError(workDir.resolve("stderr.txt").toFile()).start();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line = stdout.readLine();
        assertThat(line).as(() -> stderr()).matches("listening on http://127\\.0\\.0\\.1:\\d+");
        return line.substring("listening on ".length());
    }

    private String stderr() {
        try {
            return Files.readString(workDir.resolve("stderr.txt"));
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void serveAnswersQueriesAndManagementCommandsOverTheDataFolder() throws Exception {
        String uri = serve("--data", ROUTES.resolve("data").toAbsolutePath().toString());
        Client client = ClientFactory.createClient(new ConnectionStringBuilder("Data Source=" + uri));

        KustoResultSetTable count = client.executeQuery("default", "SampleLogs | count").getPrimaryResults();
        assertThat(count.next()).isTrue();
        assertThat(count.getLong("Count")).isEqualTo(2000L);
        assertThat(client.executeMgmt("default", ".show tables").getPrimaryResults().getData().toString())
                .isEqualTo("[[SampleLogs, default]]");
    }

    @Test
    void anExportSentToTheManagementEndpointIsWrittenByTheExporter() throws Exception {
        String uri = serve("--database", "Logs");
        Client client = ClientFactory.createClient(new ConnectionStringBuilder("Data Source=" + uri));
        Path out = workDir.resolve("exported");

        KustoResultSetTable artifacts = client.executeMgmt("Logs",
                ".export to csv ('" + out + "') <| range x from 1 to 3 step 1").getPrimaryResults();

        assertThat(artifacts.next()).isTrue();
        Path artifact = Path.of(artifacts.getString("Path"));
        assertThat(artifact).startsWith(out.toRealPath());
        assertThat(Files.readString(artifact)).isEqualTo("1\r\n2\r\n3\r\n");
        assertThat(artifacts.getLong("NumRecords")).isEqualTo(3L);
    }

    @Test
    void aResultManyTimesTheServerHeapStreamsToTheEnd() throws Exception {
        String uri = serve();
        long rows = 3_000_000; // ~100 MB of JSON through a 64 MB heap
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri + "/v2/rest/query"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"db\":\"default\",\"csl\":\"range x from 1 to " + rows
                        + " step 1 | extend s = strcat('row number ', x)\"}"))
                .build();

        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(countPrimaryRows(response.body())).as(() -> stderr()).isEqualTo(rows);
        assertThat(process.isAlive()).isTrue();
    }

    /** Walks the v2 frames with a streaming parser: the rows of the PrimaryResult, and a clean completion. */
    private static long countPrimaryRows(InputStream body) throws Exception {
        long rows = 0;
        boolean completed = false;
        try (JsonParser json = new JsonFactory().createParser(body)) {
            assertThat(json.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            while (json.nextToken() == JsonToken.START_OBJECT) {
                String kind = null;
                String frame = null;
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String field = json.currentName();
                    JsonToken value = json.nextToken();
                    if (field.equals("FrameType")) {
                        frame = json.getText();
                    } else if (field.equals("TableKind")) {
                        kind = json.getText();
                    } else if (field.equals("HasErrors")) {
                        completed = "DataSetCompletion".equals(frame) && value == JsonToken.VALUE_FALSE;
                    } else if (field.equals("Rows") && "PrimaryResult".equals(kind)) {
                        while (json.nextToken() == JsonToken.START_ARRAY) {
                            json.skipChildren();
                            rows++;
                        }
                    } else {
                        json.skipChildren();
                    }
                }
            }
        }
        assertThat(completed).as("DataSetCompletion without errors").isTrue();
        return rows;
    }
}

package io.github.camelkusto.export.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second, independent client: Microsoft's npm package azure-kusto-data 7.0.4 (installed by the test kit next
 * to Azurite) runs queries against the server from Node.
 */
class NodeKustoClientTest {
    private static final Path SCRIPT = Path.of("src/test/resources/node/kusto-query.mjs").toAbsolutePath();
    private static final Path NODE_MODULES = Path.of(System.getProperty("azurite.home",
            "../src-test-fixtures/node_modules/azurite")).toAbsolutePath().getParent();

    @TempDir
    Path work;

    private ServedDatabase served;
    private KustoRestServer server;

    @AfterEach
    void stop() {
        if (served != null) {
            served.close();
        }
    }

    private void serve(String token) throws IOException {
        KustoDatabase database = new KustoDatabase("default");
        served = ServedDatabase.serve(database, ServerSettings.of(0, "default").withToken(token));
        server = served.server();
    }

    private JsonNode node(String text, String... token) throws Exception {
        Path out = work.resolve("out.json");
        Path err = work.resolve("err.txt");
        List<String> command = new java.util.ArrayList<>(List.of("node", SCRIPT.toString(), NODE_MODULES.toString(),
                server.uri().toString(), "default", text));
        command.addAll(List.of(token));
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("node did not finish within 60 s: " + Files.readString(err));
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(stdout).as(Files.readString(err, StandardCharsets.UTF_8)).isNotBlank();
        return new ObjectMapper().readTree(stdout);
    }

    @Test
    void theNodeClientReadsEveryTypeFromAQuery() throws Exception {
        serve(null);

        JsonNode result = node("print b=true, i=int(7), l=9000000000, r=real(nan), d=decimal(1.25), s='x',"
                + " t=datetime(2024-01-02 03:04:05.123), g=guid(0f8fad5b-d9cb-469f-a165-70867728950e),"
                + " dyn=dynamic({\"a\":[1]}), n=long(null)");

        assertThat(result.path("error").isMissingNode()).as(result.toString()).isTrue();
        assertThat(result.path("columns").findValuesAsText("type")).containsExactly("bool", "int", "long", "real",
                "decimal", "string", "datetime", "guid", "dynamic", "long");
        assertThat(result.path("rows").get(0).toString()).isEqualTo("[true,7,9000000000,\"NaN\",\"1.25\",\"x\","
                + "\"2024-01-02T03:04:05.123Z\",\"0f8fad5b-d9cb-469f-a165-70867728950e\",{\"a\":[1]},null]");
    }

    @Test
    void theNodeClientRunsManagementCommands() throws Exception {
        serve(null);

        node(".create table Events (Id:long)");
        JsonNode tables = node(".show tables");

        assertThat(tables.path("rows").toString()).isEqualTo("[[\"Events\",\"default\"]]");
    }

    @Test
    void theNodeClientGetsTheServerMessageForABadQuery() throws Exception {
        serve(null);

        JsonNode result = node("NoSuchTable | take 1");

        assertThat(result.path("status").asInt()).isEqualTo(400);
        assertThat(result.path("body").path("error").path("code").asText()).isEqualTo("General_BadRequest");
        assertThat(result.path("body").path("error").path("@message").asText()).contains("NoSuchTable");
    }

    @Test
    void aServerWithATokenAnswersOnlyRequestsCarryingIt() throws Exception {
        serve("local-secret-token");

        assertThat(node("print x=1", "local-secret-token").path("rows").toString()).isEqualTo("[[1]]");
        assertThat(node("print x=1").path("status").asInt()).isEqualTo(401);
        assertThat(node("print x=1", "another-token").path("status").asInt()).isEqualTo(401);
    }
}

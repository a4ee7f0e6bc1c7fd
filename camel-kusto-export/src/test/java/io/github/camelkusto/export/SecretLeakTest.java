package io.github.camelkusto.export;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.common.sas.AccountSasPermission;
import com.azure.storage.common.sas.AccountSasResourceType;
import com.azure.storage.common.sas.AccountSasService;
import com.azure.storage.common.sas.AccountSasSignatureValues;
import io.github.camelkusto.export.command.CommandCorpusTestAccess;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.testkit.Azurite;
import io.github.camelkusto.testkit.AzuriteExtension;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every corpus case that carries a secret (among them the portal form, OneLake, and every refused scheme and
 * host), and real exports to Azurite with an account key or a SAS, in the URL and the portal form, through a
 * real CamelContext with every logger at DEBUG (java.util.logging at ALL), and fails on any secret in a log line, an exception (message or
 * stack trace), an endpoint URI or a result.
 */
@ExtendWith(AzuriteExtension.class)
class SecretLeakTest extends CamelTestSupport {
    /** Every secret of the corpus files contains this mark. */
    private static final String MARK = "S3CR3T";
    private static LogCapture logs;

    private final Azurite azurite;
    private final List<String> seen = new ArrayList<>();
    private int firstEvent;

    @TempDir
    Path operationsDir;

    SecretLeakTest(Azurite azurite) {
        this.azurite = azurite;
    }

    @BeforeAll
    static void captureLogs() {
        logs = LogCapture.install();
    }

    @AfterAll
    static void stopCapturing() {
        logs.close();
    }

    /** Each test looks at the log events of its own run only. */
    @BeforeEach
    void markLogs() {
        firstEvent = logs.events().size();
    }

    private List<String> events() {
        List<String> all = logs.events();
        return all.subList(firstEvent, all.size());
    }

    /** Sends a command to an endpoint with the given options; records whatever comes back, error or result. */
    private void run(String text, Map<String, String> options) {
        String uri = "kusto-export:csv" + options.entrySet().stream()
                .map(o -> o.getKey() + "=RAW(" + o.getValue() + ")")
                .collect(Collectors.joining("&", options.isEmpty() ? "" : "?", ""));
        try {
            Exchange exchange = template.request(uri, e -> e.getMessage().setBody(text));
            record(exchange.getException());
            if (exchange.getException() == null) {
                seen.add(exchange.getMessage().getBody(ResultTable.class).toCsv());
                seen.add(exchange.getMessage().getHeaders().toString());
            }
        } catch (RuntimeException e) {
            record(e); // the endpoint itself could not be created
        }
    }

    private void record(Throwable e) {
        if (e != null) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            seen.add(trace.toString());
        }
    }

    private void assertNoSecretIn(Stream<String> texts, String secret) {
        List<String> leaks = texts.filter(t -> t.contains(secret)).toList();
        assertThat(leaks).as("texts holding the secret").isEmpty();
    }

    private void assertNothingLeaked(String secret) {
        assertNoSecretIn(seen.stream(), secret);
        assertNoSecretIn(events().stream(), secret);
        assertNoSecretIn(context.getEndpoints().stream().map(Endpoint::getEndpointUri), secret);
        assertNoSecretIn(context.getEndpoints().stream().map(Endpoint::toString), secret);
    }

    @Test
    void noInvalidCaseLeaksItsSecret() {
        List<CommandCorpusTestAccess.Case> cases = CommandCorpusTestAccess.invalidWithSecrets(MARK);
        assertThat(cases).hasSizeGreaterThan(15);
        cases.forEach(c -> run(c.text(), c.options()));

        assertThat(seen).hasSizeGreaterThanOrEqualTo(cases.size());
        assertNothingLeaked(MARK);
    }

    @Test
    void noValidCaseLeaksItsSecretWhenItRuns() {
        List<CommandCorpusTestAccess.Case> cases = CommandCorpusTestAccess.validWithSecrets(MARK);
        assertThat(cases).hasSizeGreaterThan(15);
        cases.forEach(c -> run(c.text(), c.options()));

        // The database is empty: each export got as far as the query, past parsing and storage validation.
        assertThat(seen).hasSize(cases.size()).allSatisfy(s -> assertThat(s)
                .containsAnyOf("unknown table 'T'", "is not supported by the embedded engine"));
        assertNothingLeaked(MARK);
    }

    @Test
    void exportsToAzuriteNeverShowTheAccountKey() {
        String container = azurite.newContainer("leak");
        String rows = "datatable(a:long)[1, 2, 3]";
        run(".export to csv (h'" + azurite.kustoConnectionString(container) + "') <| " + rows, Map.of());
        run(".export to csv ('" + azurite.kustoConnectionString(container) + "') <| " + rows, Map.of());
        run(rows, Map.of("storage", azurite.kustoConnectionString(container)));
        run(rows, Map.of("storage", azurite.kustoConnectionString("no-such-container")));
        String wrongKey = "V3JvbmdLZXlXcm9uZ0tleVdyb25nS2V5V3JvbmdLZXk=";
        run(".export to csv ('" + azurite.blobEndpoint() + "/" + container + ";" + wrongKey + "') <| " + rows,
                Map.of());

        assertThat(seen).anySatisfy(s -> assertThat(s).contains("NumRecords"))
                .anySatisfy(s -> assertThat(s).contains("does not exist"));
        assertNothingLeaked(azurite.accountKey());
        assertNothingLeaked(wrongKey);
    }

    /**
     * The Azure portal's connection string, with an account key or a SAS (and with the key first, and without a
     * container): neither key nor SAS shows in a result Path, a message or a log line.
     */
    @Test
    void exportsToAzuriteInThePortalFormNeverShowTheKeyOrTheSas() {
        String container = azurite.newContainer("leakportal");
        String rows = "datatable(a:long)[1, 2, 3]";
        String sas = azurite.blobServiceClient().getBlobContainerClient(container).generateSas(
                new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1), BlobContainerSasPermission.parse("cw")));
        String signature = sas.replaceAll(".*sig=([^&]+).*", "$1");
        String endpoint = "BlobEndpoint=" + azurite.blobEndpoint() + ";";
        run(".export to csv ('DefaultEndpointsProtocol=http;AccountName=" + azurite.accountName() + ";AccountKey="
                + azurite.accountKey() + ";" + endpoint + "Container=" + container + "/key') <| " + rows, Map.of());
        run(".export to csv ('AccountKey=" + azurite.accountKey() + ";" + endpoint + "Container=" + container
                + "/first') <| " + rows, Map.of());
        run(".export to csv ('" + endpoint + "SharedAccessSignature=" + sas + ";Container=" + container + "/sas') <| "
                + rows, Map.of());
        run(rows, Map.of("storage", endpoint + "SharedAccessSignature=" + sas + ";Container=" + container + "/option"));
        run(".export to csv ('" + endpoint + "AccountKey=" + azurite.accountKey() + "') <| " + rows, Map.of());

        assertThat(seen).filteredOn(s -> s.contains("NumRecords")).hasSize(4);
        assertThat(seen).anySatisfy(s -> assertThat(s).contains("names no container"));
        for (String secret : List.of(azurite.accountKey(), sas, signature,
                URLDecoder.decode(signature, StandardCharsets.UTF_8))) {
            assertNothingLeaked(secret);
        }
    }

    /**
     * A read-only SAS passes the pre-flight check (the container exists) and the export fails when it writes:
     * the Failed Status that .show operations shows, and everything logged, hold neither the SAS nor its signature.
     */
    @Test
    void anAsyncExportFailingInStorageShowsAStatusWithoutTheSas() {
        String container = azurite.newContainer("leaksas");
        String sas = azurite.blobServiceClient().generateAccountSas(new AccountSasSignatureValues(
                OffsetDateTime.now().plusHours(1), AccountSasPermission.parse("rl"), AccountSasService.parse("b"),
                AccountSasResourceType.parse("sco")));
        String signature = sas.replaceAll(".*sig=([^&]+).*", "$1");
        UUID id = template.requestBody("kusto-export:csv", ".export async to csv ('" + azurite.blobEndpoint() + "/"
                + container + "?" + sas + "') <| datatable(a:long)[1, 2, 3]", ResultTable.class)
                .value(0, "OperationId") instanceof UUID u ? u : null;
        OperationsClient client = new OperationsClient(template, "kusto-export:csv");
        Map<String, Object> failed = client.awaitState(id, "Failed");
        seen.add(failed.toString());
        seen.add(client.run(".show operations").toCsv());

        assertThat((String) failed.get("Status")).contains("403");
        for (String secret : List.of(sas, signature, URLDecoder.decode(signature, StandardCharsets.UTF_8))) {
            assertNoSecretIn(seen.stream(), secret);
            assertNoSecretIn(events().stream(), secret);
        }
    }

    /** The URL of Azurite's account with a user name and password in it, as {@code http://user:password@host:port/...}. */
    private String withUserInfo(String password, String container) {
        return azurite.blobEndpoint().replace("://", "://exporter:" + password + "@") + "/" + container;
    }

    @Test
    void aUrlPasswordIsNeverShownPlainObfuscatedOrInAnOption() {
        String container = azurite.newContainer("userinfo");
        String password = "Pa55-" + MARK + "-word";
        String rows = "datatable(a:long)[1, 2, 3]";
        String withKey = withUserInfo(password, container) + ";" + azurite.accountKey();
        run(".export to csv ('" + withKey + "') <| " + rows, Map.of());
        run(".export to csv (h\"" + withKey + "\") <| " + rows, Map.of());
        run(".export to csv (h@'" + withUserInfo(password, container) + "?sv=2020&sig=abc') <| " + rows, Map.of());
        run(rows, Map.of("storage", withKey));

        assertThat(seen).hasSize(4).allSatisfy(s -> assertThat(s).contains("exporter:****@")
                .contains("has a user name or password before the host"));
        assertNothingLeaked(password);
    }

    /**
     * A whole .export command in the query option, and a storage option written without RAW() or URI-encoded:
     * endpoint URIs, results and the component's logs never show the key. Camel's own DEBUG lines that print the
     * URI as given while it creates the endpoint (DefaultComponent, AbstractCamelContext) show a key in the query
     * option, as README "Secrets" documents: Camel's sanitizer masks only the storage option.
     */
    @Test
    void optionsHoldingAKeyNeverShowItInEndpointUrisAndOnlyTheQueryOptionInCamelsCreationLines() {
        String container = azurite.newContainer("options");
        String rows = "datatable(a:long)[1, 2, 3]";
        String connectionString = azurite.kustoConnectionString(container);
        run("", Map.of("query", ".export to csv ('" + connectionString + "') <| " + rows));
        run("", Map.of("query", ".export to csv (h\"" + connectionString + "\") <| " + rows));
        for (String uri : List.of("kusto-export:csv?storage=" + connectionString + "&query=" + rows,
                "kusto-export:tsv?query=" + rows + "&storage=" + connectionString.replace(";", "%3B"))) {
            try {
                seen.add(template.requestBody(uri, "", ResultTable.class).toCsv());
            } catch (RuntimeException e) {
                record(e);
            }
        }

        assertThat(seen).filteredOn(s -> s.startsWith("Path,NumRecords")).hasSize(4);
        assertNoSecretIn(seen.stream(), azurite.accountKey());
        assertNoSecretIn(context.getEndpoints().stream().map(e -> e.getEndpointUri() + " " + e),
                azurite.accountKey());
        assertOnlyDocumentedLinesShow(azurite.accountKey(),
                "org\\.apache\\.camel\\.support\\.DefaultComponent: Creating endpoint uri=\\[kusto-export://csv\\?query="
                        + "|org\\.apache\\.camel\\.impl\\.engine\\.AbstractCamelContext: kusto-export://csv\\?query=.*"
                        + " converted to endpoint: ");
    }

    /**
     * Async exports that complete and that fail, with an account key, a SAS, a bearer token and a URL password, on
     * a component journaling its operations: neither {@code .show operations} nor the journal on disk holds a
     * secret.
     */
    @Test
    void neitherShowOperationsNorTheJournalOnDiskHoldsASecret() throws Exception {
        KustoExportComponent journaled = new KustoExportComponent();
        journaled.setOperationsDir(operationsDir.toString());
        context.addComponent("kusto-journaled", journaled);
        OperationsClient client = new OperationsClient(template, "kusto-journaled:csv");
        String container = azurite.newContainer("journal");
        String rows = "datatable(a:long)[1, 2, 3]";
        String readWrite = azurite.blobServiceClient().generateAccountSas(new AccountSasSignatureValues(
                OffsetDateTime.now().plusHours(1), AccountSasPermission.parse("rwl"), AccountSasService.parse("b"),
                AccountSasResourceType.parse("sco")));
        String readOnly = azurite.blobServiceClient().generateAccountSas(new AccountSasSignatureValues(
                OffsetDateTime.now().plusHours(1), AccountSasPermission.parse("rl"), AccountSasService.parse("b"),
                AccountSasResourceType.parse("sco")));
        String wrongKey = "V3JvbmdLZXlXcm9uZ0tleVdyb25nS2V5V3JvbmdLZXk=";
        String token = "eyJ0eXAi." + MARK + "-token";
        String password = "Pa55-" + MARK + "-word";
        String url = azurite.blobEndpoint() + "/" + container;
        List<String> connectionStrings = List.of(url + ";" + azurite.accountKey(), url + "?" + readWrite,
                url + "?" + readOnly, url + ";" + wrongKey, url + ";token=" + token,
                withUserInfo(password, container) + ";" + azurite.accountKey());
        for (String connectionString : connectionStrings) {
            for (String literal : List.of("'" + connectionString + "'", "h'" + connectionString + "'")) {
                try {
                    UUID id = client.startAsync(".export async to csv (" + literal + ") <| " + rows);
                    seen.add(client.awaitOperation(id, "its end", r -> !"InProgress".equals(r.get("State"))
                            && !"Scheduled".equals(r.get("State"))).toString());
                } catch (RuntimeException e) {
                    record(e); // refused before it started: a BadInput operation
                }
            }
        }
        String operations = client.run(".show operations").toCsv();
        String journal = Files.readString(operationsDir.resolve("operations.jsonl"));

        assertThat(operations).contains("Completed").contains("Failed").contains("BadInput");
        assertThat(journal).contains("\"Completed\"").contains("\"Failed\"").contains("\"BadInput\"");
        String readOnlySignature = readOnly.replaceAll(".*sig=([^&]+).*", "$1");
        for (String secret : List.of(azurite.accountKey(), readWrite, readOnly, readOnlySignature,
                URLDecoder.decode(readOnlySignature, StandardCharsets.UTF_8), wrongKey, token, password)) {
            assertNoSecretIn(Stream.of(operations), secret);
            assertNoSecretIn(Stream.of(journal), secret);
            assertNoSecretIn(seen.stream(), secret);
            assertNoSecretIn(events().stream(), secret);
        }
    }

    /**
     * Runs the five routes of {@code secret-routes/secrets.yaml} and {@code .xml} (from {@code folder}) with Camel
     * Main, its real loaders, and every logger at DEBUG; records their results and endpoints.
     */
    private void runRouteFiles(String folder, Map<String, String> properties) throws Exception {
        Main main = new Main();
        main.configure().withRoutesIncludePattern(folder + "/secrets.yaml," + folder + "/secrets.xml");
        properties.forEach(main::addInitialProperty);
        main.start();
        try {
            ProducerTemplate routes = main.getCamelContext().createProducerTemplate();
            for (String route : List.of("yaml-option", "yaml-body", "yaml-obfuscated-body", "xml-option",
                    "xml-body")) {
                seen.add(routes.requestBody("direct:" + route, "", ResultTable.class).toCsv());
            }
            main.getCamelContext().getEndpoints().forEach(e -> seen.add(e.getEndpointUri() + " " + e));
        } finally {
            main.stop();
        }
        assertThat(seen).filteredOn(s -> s.startsWith("Path,NumRecords")).hasSize(5);
    }

    /**
     * Asserts the log lines of this test that hold {@code secret} are exactly the documented ones:
     * there is at least one, and each comes from one of Camel's loggers and messages {@code documented} matches.
     */
    private void assertOnlyDocumentedLinesShow(String secret, String documented) {
        List<String> leaks = events().stream().filter(e -> e.contains(secret)).toList();
        assertThat(leaks).isNotEmpty().allSatisfy(line -> assertThat(line).matches("(?s)(" + documented + ").*"));
    }

    /**
     * Route files holding a key as written text (YAML URI option and command bodies, plain and {@code h"..."};
     * XML RAW option and body): endpoint URIs, results and the component's logs never show it. Camel's own
     * DEBUG lines that print each loaded route whole (RoutesConfigurer, AbstractCamelContext) do, as README
     * "Secrets" documents: the component cannot reach a route definition's text.
     */
    @Test
    void routeFilesHoldingAKeyShowItOnlyInCamelsRouteDefinitionDebugLines(@TempDir Path routeFolder)
            throws Exception {
        String connectionString = azurite.kustoConnectionString(azurite.newContainer("routes"));
        for (String file : List.of("secrets.yaml", "secrets.xml")) {
            String template = new String(getClass().getResourceAsStream("/secret-routes/" + file).readAllBytes(),
                    StandardCharsets.UTF_8);
            Files.writeString(routeFolder.resolve(file), template.replace("{{kusto.storage}}", connectionString));
        }

        runRouteFiles("file:" + routeFolder, Map.of());

        assertOnlyDocumentedLinesShow(azurite.accountKey(),
                "org\\.apache\\.camel\\.main\\.RoutesConfigurer: Adding (templated )?routes into CamelContext from"
                        + " RoutesBuilder: Routes: "
                        + "|org\\.apache\\.camel\\.impl\\.engine\\.AbstractCamelContext: Adding (templated )?routes from"
                        + " builder: Routes: ");
        assertNoSecretIn(seen.stream(), azurite.accountKey());
    }

    /**
     * The same routes with the key in a property ({@code {{kusto.storage}}}): route definitions show the
     * placeholder only, Camel Main's property summary masks it (the component makes {@code storage} a sensitive
     * keyword), and only Camel's placeholder resolution logs the value at DEBUG, in two loggers.
     */
    @Test
    void routeFilesResolvingAKeyFromAPropertyShowItOnlyInCamelsPlaceholderDebugLines() throws Exception {
        String connectionString = azurite.kustoConnectionString(azurite.newContainer("routes"));

        runRouteFiles("classpath:secret-routes", Map.of("kusto.storage", connectionString));

        assertOnlyDocumentedLinesShow(azurite.accountKey(),
                "org\\.apache\\.camel\\.component\\.properties\\.DefaultPropertiesParser: Found property: "
                        + "kusto\\.storage with value: "
                        + "|org\\.apache\\.camel\\.impl\\.engine\\.DefaultCamelContextExtension: Resolved text: ");
        assertThat(events()).anySatisfy(line -> assertThat(line).contains("kusto.storage = xxxxxx"));
        assertNoSecretIn(seen.stream(), azurite.accountKey());
    }
}

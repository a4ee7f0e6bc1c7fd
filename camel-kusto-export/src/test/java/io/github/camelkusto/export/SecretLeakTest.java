package io.github.camelkusto.export;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
        assertNoSecretIn(logs.events().stream(), secret);
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
            assertNoSecretIn(logs.events().stream(), secret);
        }
    }
}

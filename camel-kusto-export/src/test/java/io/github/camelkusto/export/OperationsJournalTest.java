package io.github.camelkusto.export;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.testkit.Azurite;
import io.github.camelkusto.testkit.AzuriteExtension;
import io.github.camelkusto.testkit.BlobArtifacts;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Operations survive a restart of the CamelContext when operationsDir is set: the journal, read back. */
@ExtendWith(AzuriteExtension.class)
class OperationsJournalTest {
    private static final String SMALL = "datatable(N:long)[1, 2, 3]";

    private final Azurite azurite;
    private String container;
    private CamelContext context;

    @TempDir
    Path operationsDir;

    OperationsJournalTest(Azurite azurite) {
        this.azurite = azurite;
    }

    @BeforeEach
    void newContainer() {
        container = azurite.newContainer("journal");
    }

    @AfterEach
    void stopContext() {
        if (context != null) {
            context.stop();
        }
    }

    /** Starts a fresh CamelContext (a new process, as far as operations know) on the same operationsDir. */
    private OperationsClient start() throws Exception {
        if (context != null) {
            context.stop();
        }
        context = new DefaultCamelContext();
        KustoExportComponent component = new KustoExportComponent();
        component.setOperationsDir(operationsDir.toString());
        KustoDatabase database = new KustoDatabase("journal");
        OperationsClient.addBigTable(database, "Big", 300, 10_000);
        component.setDatabase(database);
        return OperationsClient.startWith(context, component);
    }

    private String to() {
        return "(h'" + azurite.kustoConnectionString(container) + "')";
    }

    private Path journal() {
        return operationsDir.resolve("operations.jsonl");
    }

    @Test
    void historyIsKeptAcrossARestartAndAnExportThatWasInProgressBecomesAbandoned() throws Exception {
        OperationsClient client = start();
        UUID completed = client.startAsync(".export async to csv " + to() + " <| " + SMALL);
        client.awaitState(completed, "Completed");
        ResultTable completedDetails = client.run(".show operation " + completed + " details");
        UUID running = client.startAsync(".export async compressed to csv " + to() + " <| Big");
        client.awaitProgress(running, 1, 1);

        client = start();

        assertThat(client.state(completed)).isEqualTo("Completed");
        assertThat(client.run(".show operation " + completed + " details").rows())
                .isEqualTo(completedDetails.rows());
        Map<String, Object> abandoned = client.operation(running);
        assertThat(abandoned.get("State")).isEqualTo("Abandoned");
        assertThat(abandoned.get("ShouldRetry")).isEqualTo(true);
        assertThat((String) abandoned.get("Status")).startsWith("the component stopped while the export was InProgress;");
        List<Object> stored = BlobArtifacts.list(azurite.blobServiceClient(), container).stream()
                .<Object>map(b -> azurite.blobEndpoint() + "/" + container + "/" + b).toList();
        List<Object> abandonedArtifacts = client.run(".show operation " + running + " details").rows().stream()
                .map(r -> r.get(0)).toList();
        assertThat(abandonedArtifacts).isNotEmpty();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(
                concat(abandonedArtifacts, completedDetails.rows().stream().map(r -> r.get(0)).toList()));
    }

    @Test
    void afterACrashAnExportTheJournalLeftInProgressBecomesAbandonedWithWhatItHadCommitted() throws Exception {
        OperationsClient client = start();
        UUID running = client.startAsync(".export async compressed to csv " + to() + " <| Big");
        client.awaitProgress(running, 1, 1);
        // The journal as a crash would leave it: the export InProgress, at least one commit recorded.
        List<String> atCrash = Files.readAllLines(journal(), StandardCharsets.UTF_8);
        context.stop();
        Files.write(journal(), atCrash, StandardCharsets.UTF_8);

        client = start();

        Map<String, Object> abandoned = client.operation(running);
        assertThat(abandoned.get("State")).isEqualTo("Abandoned");
        assertThat((String) abandoned.get("Status")).startsWith("the process stopped while the export was InProgress;");
        assertThat(client.run(".show operation " + running + " details").rows()).isNotEmpty();
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    @Test
    void aCorruptLineIsReportedAndSkippedAndTheOtherOperationsAreKept() throws Exception {
        OperationsClient client = start();
        UUID first = client.startAsync(".export async to csv " + to() + " <| " + SMALL);
        client.awaitState(first, "Completed");
        context.stop();
        Files.writeString(journal(), "{\"event\":\"state\",\"operationId\":\"not a guid\"\n{truncated",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        try (LogCapture logs = LogCapture.install()) {
            client = start();
            assertThat(logs.events()).anySatisfy(e -> assertThat(e)
                    .contains("Operations journal " + journal() + " line ")
                    .contains("cannot be read and is skipped"));
        }

        assertThat(client.state(first)).isEqualTo("Completed");
        UUID second = client.startAsync(".export async to csv " + to() + " <| " + SMALL);
        client.awaitState(second, "Completed");
        assertThat(Files.readString(journal())).doesNotContain("truncated").contains(second.toString());
    }

    @Test
    void operationsOlderThanTheRetentionAreDroppedFromTheJournal() throws Exception {
        UUID old = UUID.randomUUID();
        Instant longAgo = Instant.now().minus(20, ChronoUnit.DAYS);
        Files.writeString(journal(), "{\"event\":\"state\",\"operationId\":\"" + old + "\",\"nodeId\":\"n\","
                + "\"rootActivityId\":\"r\",\"database\":\"d\",\"principal\":\"p\",\"user\":\"u\",\"startedOn\":\""
                + longAgo + "\",\"lastUpdatedOn\":\"" + longAgo + "\",\"state\":\"Completed\",\"status\":\"\","
                + "\"shouldRetry\":false,\"persistDetails\":true,\"artifacts\":0,\"records\":0,\"bytes\":0}\n");

        OperationsClient client = start();

        assertThat(client.run(".show operations " + old).rowCount()).isZero();
        assertThat(Files.readString(journal())).doesNotContain(old.toString());
    }

    @Test
    void everyLineOfTheJournalIsJsonWithoutSecrets() throws Exception {
        OperationsClient client = start();
        UUID id = client.startAsync(".export async to csv " + to() + " <| " + SMALL);
        client.awaitState(id, "Completed");

        List<String> lines = Files.readAllLines(journal());
        assertThat(lines).hasSizeGreaterThanOrEqualTo(4).allSatisfy(line -> assertThat(line)
                .startsWith("{\"event\":\"").endsWith("}").doesNotContain(azurite.accountKey()));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("{\"event\":\"artifact\",\"operationId\":\"" + id));
    }

    /**
     * A JVM killed with SIGKILL while exporting to a local folder leaves its artifact's hidden {@code .part} file;
     * the next start, reading the journal, marks the export Abandoned and removes that file.
     */
    @Test
    void aKilledProcessLeavesNoPartFileAfterTheNextStart(@TempDir Path folder) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AbandonedExportMain.class.getName(),
                operationsDir.toString(), folder.toString()).redirectErrorStream(true).start();
        try (var output = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = output.readLine();
            while (line != null && !line.startsWith("STARTED ")) {
                line = output.readLine();
            }
            assertThat(line).as("the child's STARTED line").isNotNull();
            UUID id = UUID.fromString(line.substring("STARTED ".length()));
            Instant deadline = Instant.now().plusSeconds(30);
            while (partFiles(folder).isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            assertThat(partFiles(folder)).as("staging files while the export runs").isNotEmpty();
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
            assertThat(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            OperationsClient client = start();

            Map<String, Object> abandoned = client.operation(id);
            assertThat(abandoned.get("State")).isEqualTo("Abandoned");
            assertThat((String) abandoned.get("Status")).contains("1 unfinished artifact file(s) removed");
            assertThat(partFiles(folder)).isEmpty();
        } finally {
            child.destroyForcibly();
        }
    }

    private static List<Path> partFiles(Path folder) throws java.io.IOException {
        try (var files = Files.walk(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part")).toList();
        }
    }
}

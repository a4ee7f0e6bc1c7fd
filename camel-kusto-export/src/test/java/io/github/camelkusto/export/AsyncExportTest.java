package io.github.camelkusto.export;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.export.operation.ExportThrottledException;
import io.github.camelkusto.testkit.Azurite;
import io.github.camelkusto.testkit.AzuriteExtension;
import io.github.camelkusto.testkit.BlobArtifacts;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code .export async} and the operations commands against a real Azurite: lifecycle and progress, {@code .show
 * operations} filters, details rules, the concurrency bound, cancel and the completionUri.
 */
@ExtendWith(AzuriteExtension.class)
class AsyncExportTest extends CamelTestSupport {
    private static final String SMALL = "datatable(N:long, Name:string)[1, 'one', 2, 'two', 3, 'three']";
    /** 300 extents of 10000 rows: ~300 MB of CSV, far more than any test lets it write before it is stopped. */
    private static final int BIG_EXTENTS = 300;

    private final Azurite azurite;
    private String container;
    private OperationsClient client;

    AsyncExportTest(Azurite azurite) {
        this.azurite = azurite;
    }

    @BeforeEach
    void newContainer() {
        container = azurite.newContainer("async");
        client = new OperationsClient(template, "direct:run");
    }

    /** One async export at a time and one waiting: the bound is easy to reach. Small blocks: many requests. */
    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        KustoExportComponent component = new KustoExportComponent();
        component.setMaxConcurrentExports(1);
        component.setMaxQueuedExports(1);
        component.setBlockSize(64 * 1024);
        KustoDatabase database = new KustoDatabase("ops");
        OperationsClient.addBigTable(database, "Big", BIG_EXTENTS, 10_000);
        component.setDatabase(database);
        context.addComponent("kusto-export", component);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:run").routeId("operations-test").to("kusto-export:csv");
                from("direct:notify").to("kusto-export:csv?completionUri=mock:done");
                from("direct:cleanup").to("kusto-export:csv?cleanupOnFailure=true");
            }
        };
    }

    private String to() {
        return "(h'" + azurite.kustoConnectionString(container) + "')";
    }

    private List<String> blobs() {
        return BlobArtifacts.list(azurite.blobServiceClient(), container);
    }

    private List<String> paths(List<String> blobNames) {
        return blobNames.stream().map(b -> azurite.blobEndpoint() + "/" + container + "/" + b).toList();
    }

    @Test
    void anAsyncExportReturnsItsOperationIdAtOnceAndCompletesWithItsArtifactsAsDetails() {
        var exchange = template.request("direct:run",
                e -> e.getMessage().setBody(".export async to csv " + to() + " <| " + SMALL));

        ResultTable body = exchange.getMessage().getBody(ResultTable.class);
        assertThat(body.schema().names()).containsExactly("OperationId");
        assertThat(body.schema().column(0).type()).isEqualTo(KqlType.GUID);
        UUID id = (UUID) body.value(0, "OperationId");
        assertThat(exchange.getMessage().getHeader(KustoExportConstants.OPERATION_ID)).isEqualTo(id);

        Map<String, Object> row = client.awaitState(id, "Completed");
        assertThat(row.get("Operation")).isEqualTo("DataExportToFile");
        assertThat(row.get("Status")).isEqualTo("1 artifact(s), 3 record(s), " + blobSize() + " byte(s)");
        assertThat(row.get("Database")).isEqualTo("ops");
        assertThat(row.get("Principal")).isEqualTo("camel-route:operations-test");
        assertThat(row.get("RootActivityId")).isEqualTo(exchange.getExchangeId());
        assertThat(row.get("ShouldRetry")).isEqualTo(false);
        assertThat((Instant) row.get("LastUpdatedOn")).isAfterOrEqualTo((Instant) row.get("StartedOn"));
        assertThat((Duration) row.get("Duration"))
                .isEqualTo(Duration.between((Instant) row.get("StartedOn"), (Instant) row.get("LastUpdatedOn")));

        ResultTable details = client.run(".show operation " + id + " details");
        assertThat(details.schema().names()).containsExactly("Path", "NumRecords", "SizeInBytes");
        assertThat(details.rows()).containsExactly(List.of(paths(blobs()).get(0), 3L, blobSize()));
    }

    private long blobSize() {
        return BlobArtifacts.download(azurite.blobServiceClient(), container, blobs().get(0)).length;
    }

    @Test
    void showOperationsHasAdxColumnsAndTypes() {
        client.run(".export to csv " + to() + " <| " + SMALL);

        ResultTable all = client.run(".show operations");

        assertThat(all.schema().toString()).isEqualTo("(OperationId:guid, Operation:string, NodeId:string,"
                + " StartedOn:datetime, LastUpdatedOn:datetime, Duration:timespan, State:string, Status:string,"
                + " RootActivityId:string, ShouldRetry:bool, Database:string, Principal:string, User:string)");
        assertThat(all.rowCount()).isEqualTo(1);
        assertThat(all.value(0, "State")).isEqualTo("Completed");
    }

    @Test
    void showOperationsListsAllOrTheIdsAskedFor() {
        UUID first = client.startAsync(".export async to csv " + to() + " <| " + SMALL);
        client.awaitState(first, "Completed");
        UUID second = client.startAsync(".export async to csv " + to() + " <| " + SMALL);
        client.awaitState(second, "Completed");
        client.run(".export to csv " + to() + " <| " + SMALL);

        assertThat(client.run(".show operations").rowCount()).isEqualTo(3);
        assertThat(client.run(".show operations " + second).rows()).extracting(r -> r.get(0))
                .containsExactly(second);
        assertThat(client.run(".show operations (" + first + ", " + second + ")").rows())
                .extracting(r -> r.get(0)).containsExactly(first, second);
        assertThat(client.run(".show operations " + UUID.randomUUID()).rowCount()).isZero();
    }

    @Test
    void anInProgressExportShowsLiveProgressAndCancelStopsItDiscardingTheUncommittedArtifact() {
        UUID id = client.startAsync(".export async to csv " + to() + " <| Big");

        Map<String, Object> running = client.awaitProgress(id, 0, 1);
        assertThat((String) running.get("Status")).matches("\\d+ artifact\\(s\\) committed, \\d+ record\\(s\\) and"
                + " \\d+ byte\\(s\\) written");
        ResultTable canceled = client.run(".cancel operation " + id + " with (reason = 'test')");
        assertThat(canceled.schema().names()).containsExactly("OperationId", "Operation", "StartedOn",
                "CancellationState", "ReasonPhrase");
        assertThat(canceled.value(0, "ReasonPhrase")).isEqualTo("test");

        Map<String, Object> row = client.awaitState(id, "Canceled");
        assertThat((String) row.get("Status")).startsWith("canceled; ");
        ResultTable details = client.run(".show operation " + id + " details");
        assertThat(details.rows()).extracting(r -> r.get(0)).containsExactlyInAnyOrderElementsOf(paths(blobs()));
        assertThatThrownBy(() -> client.run(".cancel operation " + id)).cause()
                .hasMessageContaining("has already ended (Canceled)");
    }

    @Test
    void exportsBeyondTheBoundWaitScheduledAndBeyondTheQueueAreThrottled() {
        UUID running = client.startAsync(".export async to csv " + to() + " <| Big");
        client.awaitProgress(running, 0, 1);
        UUID waiting = client.startAsync(".export async to csv " + to() + " <| " + SMALL);
        assertThat(client.state(waiting)).isEqualTo("Scheduled");

        assertThatThrownBy(() -> client.run(".export async to csv " + to() + " <| " + SMALL))
                .isInstanceOf(CamelExecutionException.class).cause()
                .isInstanceOf(ExportThrottledException.class)
                .hasMessageContaining("refused: 1 export(s) running and 1 waiting");
        List<Map<String, Object>> throttled = client.run(".show operations").toMaps().stream()
                .filter(r -> "Throttled".equals(r.get("State"))).toList();
        assertThat(throttled).singleElement().satisfies(r -> assertThat(r.get("ShouldRetry")).isEqualTo(true));

        client.run(".cancel operation " + waiting);
        assertThat(client.state(waiting)).isEqualTo("Canceled");
        client.run(".cancel operation " + running);
        client.awaitState(running, "Canceled");
        UUID next = client.startAsync(".export async to csv " + to() + " <| " + SMALL);
        client.awaitState(next, "Completed");
    }

    @Test
    void detailsAreKeptForAsyncExportsAndForSyncOnesOnlyWithPersistDetails() {
        var sync = template.request("direct:run",
                e -> e.getMessage().setBody(".export to csv " + to() + " <| " + SMALL));
        UUID syncId = sync.getMessage().getHeader(KustoExportConstants.OPERATION_ID, UUID.class);
        var kept = template.request("direct:run", e -> e.getMessage()
                .setBody(".export to csv " + to() + " with (persistDetails = true) <| " + SMALL));
        UUID keptId = kept.getMessage().getHeader(KustoExportConstants.OPERATION_ID, UUID.class);

        assertThat(client.state(syncId)).isEqualTo("Completed");
        assertThatThrownBy(() -> client.run(".show operation " + syncId + " details")).cause()
                .isInstanceOf(KustoException.class)
                .hasMessage("operation " + syncId + " completed without persisting its details: run the export with"
                        + " persistDetails=true (the default for async exports) to keep them");
        assertThat(client.run(".show operation " + keptId + " details").rows())
                .isEqualTo(kept.getMessage().getBody(ResultTable.class).rows());
    }

    @Test
    void detailsOfARunningOrUnknownOperationAreAClearError() {
        UUID running = client.startAsync(".export async to csv " + to() + " <| Big");
        client.awaitProgress(running, 0, 1);

        assertThatThrownBy(() -> client.run(".show operation " + running + " details")).cause()
                .hasMessageStartingWith("operation " + running + " is InProgress (")
                .hasMessageEndingWith("): its details are available once it ends");
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> client.run(".show operation " + unknown + " details")).cause()
                .hasMessageStartingWith("no operation with id " + unknown);
        client.run(".cancel operation " + running);
    }

    @Test
    void anExportRefusedBeforeItStartsIsRecordedAsBadInput() {
        assertThatThrownBy(() -> client.run(".export async to csv " + to() + " <| NoSuchTable")).cause()
                .hasMessageContaining("unknown table 'NoSuchTable'");

        Map<String, Object> row = client.run(".show operations").toMaps().get(0);
        assertThat(row.get("State")).isEqualTo("BadInput");
        assertThat((String) row.get("Status")).contains("unknown table 'NoSuchTable'");
        assertThat(blobs()).isEmpty();
    }

    @Test
    void theCompletionUriReceivesTheFinalDetailsWhenAnAsyncExportEnds() throws Exception {
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedMessageCount(1);

        UUID id = (UUID) template.requestBody("direct:notify", ".export async to csv " + to() + " <| " + SMALL,
                ResultTable.class).value(0, "OperationId");

        done.assertIsSatisfied(OperationsClient.TIMEOUT.toMillis());
        var message = done.getReceivedExchanges().get(0).getMessage();
        assertThat(message.getHeader(KustoExportConstants.OPERATION_ID)).isEqualTo(id);
        assertThat(message.getHeader(KustoExportConstants.OPERATION_STATE)).isEqualTo("Completed");
        assertThat(message.getBody(ResultTable.class).rows())
                .isEqualTo(client.run(".show operation " + id + " details").rows());
    }

    @Test
    void aCanceledExportWithCleanupOnFailureDeletesTheArtifactsItCommitted() {
        UUID id = (UUID) template.requestBody("direct:cleanup", ".export async compressed to csv " + to()
                + " <| Big", ResultTable.class).value(0, "OperationId");
        client.awaitProgress(id, 1, 1);
        assertThat(blobs()).isNotEmpty();

        client.run(".cancel operation " + id);

        Map<String, Object> row = client.awaitState(id, "Canceled");
        assertThat((String) row.get("Status")).contains("committed artifact(s) deleted (cleanupOnFailure)")
                .endsWith("; no artifact was committed");
        assertThat(blobs()).isEmpty();
        assertThat(client.run(".show operation " + id + " details").rowCount()).isZero();
    }
}

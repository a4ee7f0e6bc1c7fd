package io.github.camelkusto.export.continuous;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.camelkusto.export.KustoExportComponent;
import io.github.camelkusto.export.KustoExportConstants;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.testkit.DuckDb;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Continuous exports through a real CamelContext: each run exports the records ingested since the last one to
 * an external table in a local folder (read back by DuckDB), disabled and enabled, dropped, failures listed, and
 * definitions and cursors kept across a restart.
 */
class ContinuousExportTest {
    @TempDir
    Path lake;
    @TempDir
    Path operations;

    private CamelContext context;
    private ProducerTemplate template;

    @BeforeEach
    void start() throws Exception {
        context = new DefaultCamelContext();
        KustoExportComponent component = new KustoExportComponent();
        component.setOperationsDir(operations.toString());
        context.addComponent("kusto-export", component);
        context.start();
        template = context.createProducerTemplate();
        run(".create table Events (Id:long, Tenant:string)");
        run(".create external table Lake (Id:long, Tenant:string) kind=storage"
                + " partition by (Customer:string = Tenant) dataformat=csv ('" + lake + "') with (includeHeaders='all')");
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private ResultTable run(String command) {
        return template.requestBody("kusto-export:csv", command, ResultTable.class);
    }

    private void ingest(int from, int to) {
        run(".append Events <| range Id from " + from + " to " + to + " step 1 | extend Tenant = strcat('t', Id % 2)");
    }

    private Exchange runExport(String name) {
        Exchange exchange = template.request("kusto-export:csv?continuousExport=" + name, e -> { });
        if (exchange.getException() != null) {
            throw new CamelExecutionException("run failed", exchange, exchange.getException());
        }
        return exchange;
    }

    private String outcome(Exchange exchange) {
        return exchange.getMessage().getHeader(KustoExportConstants.CONTINUOUS_EXPORT_OUTCOME, String.class);
    }

    private long exportedIds() throws Exception {
        return DuckDb.count("SELECT count(DISTINCT Id) FROM " + files());
    }

    private long exportedRows() throws Exception {
        return DuckDb.count("SELECT count(*) FROM " + files());
    }

    private String files() {
        return "read_csv('" + lake.toString().replace("'", "''") + "/**/*.csv', header=true, hive_partitioning=true)";
    }

    @Test
    void eachRunExportsTheRecordsIngestedSinceTheLastOneAndThoseBeforeTheExportNever() throws Exception {
        ingest(1, 5); // before the export exists: not exported (ADX starts at the export's creation)
        run(".create-or-alter continuous-export ToLake over (Events) to table Lake with (intervalBetweenRuns=1h)"
                + " <| Events");
        ingest(6, 15);

        Exchange first = runExport("ToLake");
        assertThat(outcome(first)).isEqualTo("COMPLETED");
        assertThat(first.getMessage().getHeader(KustoExportConstants.RECORD_COUNT)).isEqualTo(10L);
        ingest(16, 20);
        assertThat(runExport("ToLake").getMessage().getHeader(KustoExportConstants.RECORD_COUNT)).isEqualTo(5L);
        assertThat(outcome(runExport("ToLake"))).isEqualTo("NOTHING_TO_EXPORT");

        assertThat(exportedRows()).isEqualTo(15);
        assertThat(exportedIds()).isEqualTo(15);
        assertThat(DuckDb.count("SELECT min(Id) FROM " + files())).isEqualTo(6);
        assertThat(DuckDb.count("SELECT count(*) FROM " + files() + " WHERE Customer <> Tenant")).isZero();
        ResultTable artifacts = run(".show continuous-export ToLake exported-artifacts");
        assertThat(artifacts.schema().names())
                .containsExactly("Timestamp", "ExternalTableName", "Path", "NumRecords", "SizeInBytes");
        assertThat(artifacts.toMaps().stream().mapToLong(a -> (Long) a.get("NumRecords")).sum()).isEqualTo(15);
        assertThat(artifacts.toMaps()).allSatisfy(a -> assertThat(Files.exists(Path.of((String) a.get("Path"))))
                .isTrue());
    }

    @Test
    void forcedLatencyHoldsBackRecordsIngestedTooRecently() {
        run(".create-or-alter continuous-export Late over (Events) to table Lake with (intervalBetweenRuns=1h,"
                + " forcedLatency=10m) <| Events");
        ingest(1, 3);

        assertThat(outcome(runExport("Late"))).isEqualTo("NOTHING_TO_EXPORT");
    }

    @Test
    void tablesNotInOverAreReadWholeAtEachRun() throws Exception {
        run(".set-or-append Tenants <| datatable(Tenant:string, Rank:long) ['t0', 1, 't1', 2]");
        run(".create-or-alter continuous-export Joined over (Events) to table Lake with (intervalBetweenRuns=1h)"
                + " <| Events | join kind=inner Tenants on Tenant | project Id, Tenant");
        ingest(1, 4);
        runExport("Joined");
        ingest(5, 8);
        runExport("Joined");

        assertThat(exportedRows()).isEqualTo(8);
        assertThat(exportedIds()).isEqualTo(8);
    }

    @Test
    void showContinuousExportsListsTheDefinitionWithItsProgressAndMasksObfuscatedLiterals() {
        run(".create-or-alter continuous-export ToLake over (Events) to table Lake with (intervalBetweenRuns=1h,"
                + " forcedLatency=1m, sizeLimit=104857600) <| Events | where Tenant != h'hidden-tenant'");

        Map<String, Object> row = run(".show continuous-exports").toMaps().get(0);
        assertThat(run(".show continuous-exports").schema().names()).containsExactly("CursorScopedTables",
                "ExportProperties", "ExportedTo", "ExternalTableName", "ForcedLatency", "IntervalBetweenRuns",
                "IsDisabled", "IsRunning", "LastRunResult", "LastRunTime", "Name", "Query", "StartCursor");
        assertThat(row.get("Name")).isEqualTo("ToLake");
        assertThat(row.get("CursorScopedTables")).isEqualTo("[\"Events\"]");
        assertThat(row.get("ExportProperties")).isEqualTo("{\"sizeLimit\":104857600}");
        assertThat(row.get("IntervalBetweenRuns")).isEqualTo(java.time.Duration.ofHours(1));
        assertThat(row.get("ForcedLatency")).isEqualTo(java.time.Duration.ofMinutes(1));
        assertThat(row.get("IsDisabled")).isEqualTo(false);
        assertThat(row.get("IsRunning")).isEqualTo(false);
        assertThat((String) row.get("Query")).doesNotContain("hidden-tenant");
        assertThat(row.get("StartCursor")).isEqualTo("0"); // nothing was ingested before it
        assertThat(run(".show continuous-export ToLake").rows()).hasSize(1);
    }

    @Test
    void aDisabledExportDoesNotRunUntilEnabled() throws Exception {
        run(".create-or-alter continuous-export ToLake over (Events) to table Lake with (intervalBetweenRuns=1h)"
                + " <| Events");
        ingest(1, 4);
        assertThat(run(".disable continuous-export ToLake").toMaps().get(0).get("IsDisabled")).isEqualTo(true);

        assertThat(outcome(runExport("ToLake"))).isEqualTo("DISABLED");
        assertThat(run(".enable continuous-export ToLake").toMaps().get(0).get("IsDisabled")).isEqualTo(false);
        assertThat(outcome(runExport("ToLake"))).isEqualTo("COMPLETED");
        assertThat(exportedIds()).isEqualTo(4);
    }

    @Test
    void aDroppedExportIsGoneAndCannotRun() {
        run(".create-or-alter continuous-export ToLake over (Events) to table Lake with (intervalBetweenRuns=1h)"
                + " <| Events");

        assertThat(run(".drop continuous-export ToLake").rows()).isEmpty();
        assertThat(run(".show continuous-exports").rows()).isEmpty();
        assertThatThrownBy(() -> runExport("ToLake")).hasRootCauseMessage(
                "continuous export 'ToLake' does not exist (continuous exports: none)");
    }

    @Test
    void aFailedRunIsListedAndTheNextRunAfterTheFixExportsItsRecords() throws Exception {
        run(".create-or-alter continuous-export ToLake over (Events) to table Lake with (intervalBetweenRuns=1h)"
                + " <| Events | project Tenant, Id"); // columns in the wrong order: the run fails
        ingest(1, 6);

        assertThatThrownBy(() -> runExport("ToLake")).rootCause().hasMessageContaining("are not those of external table");
        List<Map<String, Object>> failures = run(".show continuous-export ToLake failures").toMaps();
        assertThat(run(".show continuous-export ToLake failures").schema().names()).containsExactly("Timestamp",
                "OperationId", "Name", "LastSuccessRun", "FailureKind", "Details");
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).get("FailureKind")).isEqualTo("Failure");
        assertThat((String) failures.get(0).get("Details")).contains("are not those of external table 'Lake'");
        assertThat(run(".show continuous-export ToLake").toMaps().get(0).get("LastRunResult")).isEqualTo("Failed");

        run(".create-or-alter continuous-export ToLake over (Events) to table Lake with (intervalBetweenRuns=1h)"
                + " <| Events");
        assertThat(outcome(runExport("ToLake"))).isEqualTo("COMPLETED");
        assertThat(exportedRows()).isEqualTo(6);
        assertThat(run(".show continuous-export ToLake").toMaps().get(0).get("LastRunResult")).isEqualTo("Completed");
    }

    @Test
    void definitionsCursorsAndArtifactsAreKeptAcrossARestart() throws Exception {
        run(".create-or-alter continuous-export ToLake over (Events) to table Lake with (intervalBetweenRuns=1h)"
                + " <| Events");
        ingest(1, 4);
        runExport("ToLake");
        KustoExportComponent component = context.getComponent("kusto-export", KustoExportComponent.class);
        var database = component.getDatabase();
        context.stop();

        context = new DefaultCamelContext();
        KustoExportComponent restarted = new KustoExportComponent();
        restarted.setDatabase(database); // the same database: its cursor goes on
        restarted.setOperationsDir(operations.toString());
        context.addComponent("kusto-export", restarted);
        context.start();
        template = context.createProducerTemplate();
        ingest(5, 7);

        assertThat(run(".show continuous-export ToLake exported-artifacts").rows()).isNotEmpty();
        assertThat(runExport("ToLake").getMessage().getHeader(KustoExportConstants.RECORD_COUNT)).isEqualTo(3L);
        assertThat(exportedRows()).isEqualTo(7);
        assertThat(exportedIds()).isEqualTo(7);
    }
}

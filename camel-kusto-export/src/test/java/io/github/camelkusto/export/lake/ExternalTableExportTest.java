package io.github.camelkusto.export.lake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

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
 * External tables through a real CamelContext: partitioned exports to a local folder, read back by DuckDB with
 * hive partitioning; definitions kept across a restart; secrets masked.
 */
class ExternalTableExportTest {
    /** 96 hourly events over four days (2024-03-01 to 03-04), three tenants, ids 1..96. */
    private static final String EVENTS = "range i from 1 to 96 step 1"
            + " | project Timestamp = datetime(2024-03-01) + (i - 1) * 1h, Tenant = strcat('t', i % 3), Id = i";

    @TempDir
    Path lake;
    @TempDir
    Path operations;

    private CamelContext context;
    private ProducerTemplate template;

    @BeforeEach
    void start() throws Exception {
        startContext();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private void startContext() throws Exception {
        context = new DefaultCamelContext();
        KustoExportComponent component = new KustoExportComponent();
        component.setOperationsDir(operations.toString());
        context.addComponent("kusto-export", component);
        context.start();
        template = context.createProducerTemplate();
    }

    private ResultTable run(String command) {
        return template.requestBody("kusto-export:csv", command, ResultTable.class);
    }

    private static String glob(Path folder, String extension) {
        return folder.toString().replace("'", "''") + "/**/*." + extension;
    }

    @Test
    void rowsPartitionedByDayAndTenantLandInHiveFoldersThatDuckDbReadsBack() throws Exception {
        run(".create external table Events (Timestamp:datetime, Tenant:string, Id:long) kind=storage"
                + " partition by (Day:datetime = bin(Timestamp, 1d), Customer:string = Tenant)"
                + " dataformat=parquet ('" + lake + "')");

        ResultTable result = run(".export to table Events <| " + EVENTS);

        assertThat(result.schema().names()).containsExactly("ExternalTableName", "Path", "NumRecords");
        assertThat(result.rowCount()).isEqualTo(4 * 3); // a file per day and tenant
        for (Map<String, Object> artifact : result.toMaps()) {
            assertThat(artifact.get("ExternalTableName")).isEqualTo("Events");
            assertThat((String) artifact.get("Path"))
                    .matches(".*/Day=2024-03-0[1-4]/Customer=t[012]/export_[0-9a-f]+_\\d+_[0-9a-f]{32}\\.parquet");
        }
        String files = "read_parquet('" + glob(lake, "parquet") + "', hive_partitioning=true)";
        assertThat(DuckDb.count("SELECT count(DISTINCT Id) FROM " + files)).isEqualTo(96);
        assertThat(DuckDb.count("SELECT count(*) FROM " + files + " WHERE Customer <> Tenant")).isZero();
        assertThat(DuckDb.count("SELECT count(*) FROM " + files
                + " WHERE CAST(Day AS DATE) <> CAST(Timestamp AS DATE)")).isZero();
    }

    @Test
    void hashPartitionsAgreeWithTheEnginesHashFunction(@TempDir Path counts) throws Exception {
        run(".create external table Events (Timestamp:datetime, Tenant:string, Id:long) kind=storage"
                + " partition by (Bucket:long = hash(Id, 4)) dataformat=csv ('" + lake + "')"
                + " with (includeHeaders='all')");
        run(".set-or-append Source <| " + EVENTS);

        run(".export to table Events <| Source");

        run(".export to csv ('" + counts + "') <| Source | summarize count() by hash(Id, 4)");
        List<List<Object>> engine = DuckDb.query("SELECT * FROM read_csv('" + glob(counts, "csv")
                + "', header=false) ORDER BY 1");
        List<List<Object>> folders = DuckDb.query("SELECT Bucket, count(*) FROM read_csv('" + glob(lake, "csv")
                + "', header=true, hive_partitioning=true) GROUP BY Bucket ORDER BY Bucket");
        assertThat(folders).hasSize(4).isEqualTo(engine);
    }

    @Test
    void aPathFormatWithADatetimePatternMakesDateFolders() throws Exception {
        run(".create external table Events (Timestamp:datetime, Tenant:string, Id:long) kind=storage"
                + " partition by (Day:datetime = startofday(Timestamp), Customer:string = Tenant)"
                + " pathformat=(\"events/\" datetime_pattern(\"yyyy/MM/dd\", Day) \"/tenant-\" Customer)"
                + " dataformat=json ('" + lake + "') with (namePrefix='part', fileExtension='jsonl')");

        run(".export to table Events <| " + EVENTS);

        try (Stream<Path> files = Files.walk(lake)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> lake.relativize(f.getParent()).toString())
                    .distinct().sorted().toList()).hasSize(12).startsWith("events/2024/03/01/tenant-t0")
                    .endsWith("events/2024/03/04/tenant-t2");
        }
        assertThat(DuckDb.count("SELECT count(*) FROM read_json('" + glob(lake, "jsonl") + "')")).isEqualTo(96);
    }

    @Test
    void anAsyncExportToATableWritesThePartitionsItsOperationLists() throws Exception {
        run(".create external table Events (Timestamp:datetime, Tenant:string, Id:long) kind=storage"
                + " partition by (Customer:string = Tenant) dataformat=csv ('" + lake + "')");

        UUID id = (UUID) run(".export async to table Events with (sizeLimit=200, spread=2, concurrency=2) <| "
                + EVENTS).value(0, "OperationId");

        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!"Completed".equals(run(".show operations " + id).value(0, "State"))) {
            assertThat(System.nanoTime()).as("operation completes").isLessThan(deadline);
            Thread.sleep(50);
        }
        ResultTable details = run(".show operation " + id + " details");
        assertThat(details.rowCount()).isGreaterThan(3); // sizeLimit cuts each partition into several files
        assertThat(details.toMaps()).allSatisfy(a -> assertThat((String) a.get("Path")).contains("/Customer=t"));
        assertThat(DuckDb.count("SELECT count(*) FROM read_csv('" + glob(lake, "csv") + "', header=false)"))
                .isEqualTo(96);
    }

    @Test
    void anExportedTableIsQueriedBackWithExternalTable(@TempDir Path check) throws Exception {
        run(".create external table Events (Timestamp:datetime, Tenant:string, Id:long) kind=storage"
                + " partition by (Day:datetime = bin(Timestamp, 1d)) dataformat=csv ('" + lake + "')"
                + " with (includeHeaders='all', compressed=true)");
        run(".export to table Events with (sizeLimit=500) <| " + EVENTS);

        run(".export to csv ('" + check + "') <| external_table('Events')"
                + " | where Timestamp >= datetime(2024-03-02) | summarize count(), dcount(Id), min(Id), max(Id)");

        assertThat(DuckDb.query("SELECT * FROM read_csv('" + glob(check, "csv") + "', header=false)"))
                .containsExactly(List.of(72L, 72L, 25L, 96L));
    }

    @Test
    void externalTableOfAnUnknownNameIsAnError() {
        assertThatThrownBy(() -> run(".export to csv ('" + lake + "') <| external_table('Nope')"))
                .rootCause().hasMessageStartingWith("unknown external table 'Nope'");
    }

    @Test
    void moreInterleavedPartitionsThanAWriterKeepsOpenStillExportEveryRowOnce() throws Exception {
        run(".create external table Spread (Tenant:string, Id:long) kind=storage"
                + " partition by (Customer:string = Tenant) dataformat=csv ('" + lake + "')");

        // 40 tenants, row after row: each batch touches every one, more than FolderStreams keeps open.
        ResultTable result = run(".export to table Spread with (distributed=false) <| range Id from 1 to 20000 step 1"
                + " | project Tenant = strcat('t', Id % 40), Id");

        assertThat(result.rowCount()).isGreaterThan(40); // a partition closed for another starts a new file
        String files = "read_csv('" + glob(lake, "csv") + "', header=false, hive_partitioning=true,"
                + " names=['Tenant', 'Id'])";
        assertThat(DuckDb.count("SELECT count(*) FROM " + files)).isEqualTo(20000);
        assertThat(DuckDb.count("SELECT count(DISTINCT Id) FROM " + files)).isEqualTo(20000);
        assertThat(DuckDb.count("SELECT count(*) FROM " + files + " WHERE Customer <> Tenant")).isZero();
    }

    @Test
    void aSyncExportToATableSetsTheArtifactAndRecordCountHeaders() {
        run(".create external table Local (Id:long) kind=storage dataformat=csv ('" + lake + "')");

        Exchange done = template.request("kusto-export:csv", e -> e.getMessage()
                .setBody(".export to table Local with (sizeLimit=4) <| range Id from 1 to 5 step 1"));

        ResultTable result = done.getMessage().getBody(ResultTable.class);
        assertThat(result.rowCount()).isEqualTo(5); // "1\r\n" is 3 bytes: one record per artifact
        assertThat(done.getMessage().getHeader(KustoExportConstants.ARTIFACT_COUNT)).isEqualTo(5);
        assertThat(done.getMessage().getHeader(KustoExportConstants.RECORD_COUNT)).isEqualTo(5L);
    }

    @Test
    void definitionsSurviveARestartWithTheirSecretsMasked() throws Exception {
        String key = "S3CR3TKEYabc1234";
        run(".create external table Remote (Id:long) kind=storage dataformat=parquet"
                + " ('https://lakeacct.blob.core.windows.net/lake;" + key + "') with (docString='remote copy')");
        run(".create external table Local (Id:long) kind=storage dataformat=csv ('" + lake + "')");

        context.stop();
        startContext();

        ResultTable tables = run(".show external tables");
        assertThat(tables.toMaps()).extracting(t -> t.get("TableName")).containsExactly("Remote", "Local");
        assertThat(tables.rows().toString()).doesNotContain(key).contains("lakeacct.blob.core.windows.net/lake;****");
        assertThat(run(".show external table Remote schema").value(0, "Schema"))
                .isEqualTo("{\"Name\":\"Remote\",\"OrderedColumns\":[{\"Name\":\"Id\",\"CslType\":\"long\"}]}");
        run(".export to table Local <| range Id from 1 to 5 step 1");
        assertThat(DuckDb.count("SELECT count(*) FROM read_csv('" + glob(lake, "csv") + "')")).isEqualTo(5);
    }

    @Test
    void aDroppedTableIsGoneAfterARestart() throws Exception {
        run(".create external table Local (Id:long) kind=storage dataformat=csv ('" + lake + "')");
        run(".drop external table Local");

        context.stop();
        startContext();

        assertThat(run(".show external tables").rowCount()).isZero();
        assertThatThrownBy(() -> run(".export to table Local <| range Id from 1 to 5 step 1"))
                .isInstanceOf(CamelExecutionException.class)
                .hasRootCauseMessage("external table 'Local' does not exist (external tables: none)");
    }

    @Test
    void creatingATableTwiceIsRefusedAndAlterChangesIt() {
        run(".create external table Local (Id:long) kind=storage dataformat=csv ('" + lake + "')");

        assertThatThrownBy(() -> run(".create external table Local (Id:long) kind=storage dataformat=csv ('x')"))
                .hasRootCauseMessage("external table 'Local' already exists (use .alter or .create-or-alter"
                        + " external table to change it)");
        run(".alter external table Local (Id:long, Name:string) kind=storage dataformat=csv ('" + lake + "')");
        assertThat(run(".show external table Local schema").value(0, "Schema").toString()).contains("Name");
    }

    @Test
    void aQueryWhoseColumnsAreNotTheTablesWritesNothing() throws Exception {
        run(".create external table Events (Timestamp:datetime, Tenant:string, Id:long) kind=storage"
                + " partition by (Customer:string = Tenant) dataformat=csv ('" + lake + "')");

        assertThatThrownBy(() -> run(".export to table Events <| " + EVENTS + " | project Id, Tenant, Timestamp"))
                .hasRootCauseMessage("the query's columns (Id:long, Tenant:string, Timestamp:datetime) are not those"
                        + " of external table 'Events' (Timestamp:datetime, Tenant:string, Id:long) (the same names"
                        + " and types, in order; use project to shape them)");
        try (Stream<Path> files = Files.list(lake)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anInvalidConnectionStringIsRefusedWhenTheTableIsDefined() {
        assertThatThrownBy(() -> run(".create external table T (Id:long) kind=storage dataformat=csv"
                + " ('s3://bucket/path;S3CR3T')"))
                .isInstanceOf(CamelExecutionException.class)
                .rootCause().message().doesNotContain("S3CR3T").contains("connection string 1");
        assertThat(run(".show external tables").rowCount()).isZero();
    }
}

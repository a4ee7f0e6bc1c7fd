package io.github.camelkusto.routes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.camelkusto.export.KustoExportComponent;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.testkit.CsvFiles;
import io.github.camelkusto.testkit.DuckDb;
import io.github.camelkusto.testkit.Gzip;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads each route file of {@code routes/} with Camel's real YAML/XML loaders (and the Java DSL class), runs it
 * against the bundled sample data, and reads the artifacts back.
 */
class RouteFilesTest {
    private static final Path ROUTES = Path.of("").toAbsolutePath();

    @TempDir
    Path exports;

    private CamelContext context;

    @BeforeEach
    void startContext() {
        context = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty("kusto.storage", exports.toString());
        properties.setProperty("nightly.cron", "0/1 * * * * ?");
        context.getPropertiesComponent().setInitialProperties(properties);
        KustoExportComponent component = new KustoExportComponent();
        component.setDataDir(ROUTES.resolve("data").toString());
        context.addComponent("kusto-export", component);
    }

    @AfterEach
    void stopContext() throws Exception {
        context.close();
    }

    private void load(String file) throws Exception {
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveResource(context, "file:" + ROUTES.resolve(file)));
    }

    /** Starts the context and waits until {@code count} exchanges of the routes have completed. */
    private void runUntilDone(int count) {
        NotifyBuilder done = new NotifyBuilder(context).whenCompleted(count).create();
        context.start();
        assertThat(done.matches(60, TimeUnit.SECONDS)).as("the route completed " + count + " exchange(s)").isTrue();
    }

    private List<Path> artifacts(String folder) throws Exception {
        try (Stream<Path> files = Files.list(exports.resolve(folder))) {
            return files.sorted().toList();
        }
    }

    private void assertQuickstartArtifact() throws Exception {
        List<Path> artifacts = artifacts("quickstart");
        assertThat(artifacts).hasSize(1);
        Path artifact = artifacts.get(0);
        assertThat(artifact.getFileName().toString()).matches("SampleLogs_1_[0-9a-f]{32}\\.csv");
        List<List<String>> rows = CsvFiles.parse(artifact);
        assertThat(rows.get(0)).containsExactly("Timestamp", "Level", "Service", "Message", "DurationMs");
        assertThat(rows).hasSize(1001);
        assertThat(DuckDb.count("SELECT count(*) FROM read_csv('" + artifact + "', header=true)")).isEqualTo(1000);
    }

    @Test
    void theYamlQuickstartExportsTheSampleLogs() throws Exception {
        load("quickstart.yaml");
        runUntilDone(1);
        assertQuickstartArtifact();
    }

    @Test
    void theXmlQuickstartExportsTheSampleLogs() throws Exception {
        load("quickstart.xml");
        runUntilDone(1);
        assertQuickstartArtifact();
    }

    @Test
    void theJavaQuickstartExportsTheSampleLogs() throws Exception {
        context.addRoutes(new QuickstartRoute());
        runUntilDone(1);
        assertQuickstartArtifact();
    }

    @Test
    void theQuartzRouteFiresAndExportsCompressedArtifacts() throws Exception {
        load("nightly-export.yaml");
        runUntilDone(1);
        // The cron fires every second here: stop the route (waiting for an export in flight) before looking.
        context.getRouteController().stopRoute("nightly-export");

        List<Path> artifacts = artifacts("nightly");
        assertThat(artifacts).isNotEmpty();
        Path first = artifacts.get(0);
        assertThat(first.getFileName().toString()).matches("SampleLogs_1_[0-9a-f]{32}\\.csv\\.gz");
        assertThat(Gzip.isValid(first)).isTrue();
        assertThat(DuckDb.count("SELECT count(*) FROM read_csv('" + first + "', header=true)")).isEqualTo(2000);
    }

    @Test
    void theYamlRowBatchesRouteWritesEachBatchOfRowsAsJson() throws Exception {
        load("row-batches.yaml");
        runUntilDone(1);
        context.getRouteController().stopRoute("row-batches"); // waits for the split in flight

        List<Path> batches = artifacts("batches");
        assertThat(batches).hasSize(7); // 631 warnings and errors in batches of 100
        String all = "read_json('" + exports.resolve("batches") + "/*.json', format='array')";
        assertThat(DuckDb.query("SELECT count(*), count(*) FILTER (WHERE Level = 'Information'),"
                + " min(\"Timestamp\")::VARCHAR FROM " + all))
                .containsExactly(List.of(631L, 0L, "2026-11-01T00:00:10.028Z"));
    }

    /** The files under a folder, relative to it, sorted. */
    private static List<String> files(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString()).sorted().toList();
        }
    }

    private void lakeProperties(Path lake, String... more) {
        context.getPropertiesComponent().addInitialProperty("kusto.lake", lake.toString());
        for (int i = 0; i < more.length; i += 2) {
            context.getPropertiesComponent().addInitialProperty(more[i], more[i + 1]);
        }
    }

    @Test
    void theNightlyLakeRouteExportsADayInFoldersPerServiceThatDuckDbReadsBack() throws Exception {
        Path lake = exports.resolve("lake");
        lakeProperties(lake, "lake.day", "datetime(2026-11-01)", "lake.cron", "0/1 * * * * ?");
        load("nightly-lake.yaml");
        runUntilDone(1);
        // The cron fires every second here: stop the route (waiting for an export in flight) before looking.
        context.getRouteController().stopRoute("nightly-lake");

        List<String> files = files(lake);
        assertThat(files).allMatch(f -> f.matches("Day=2026-11-01/Svc=[a-z]+/logs_\\d+_[0-9a-f]{32}\\.parquet"));
        long runs = files.stream().filter(f -> f.contains("Svc=auth/")).count();
        assertThat(files).hasSize((int) runs * 5); // every run: one file per service of that day
        String lakeFiles = "read_parquet('" + lake + "/**/*.parquet', hive_partitioning=true)";
        assertThat(DuckDb.query("SELECT Svc, count(*) // " + runs + " FROM " + lakeFiles
                + " WHERE Svc = Service GROUP BY Svc ORDER BY Svc")).containsExactly(List.of("auth", 404L),
                List.of("checkout", 390L), List.of("inventory", 405L), List.of("payments", 404L),
                List.of("search", 397L));
    }

    @Test
    void theContinuousLakeRouteExportsEachLogIngestedAfterItsDefinitionOnce() throws Exception {
        Path lake = exports.resolve("lake");
        lakeProperties(lake, "lake.runs", "0/1 * * * * ?", "lake.latency", "1s");
        context.getComponent("kusto-export", KustoExportComponent.class)
                .setOperationsDir(exports.resolve("operations").toString());
        load("continuous-lake.yaml");
        NotifyBuilder defined = new NotifyBuilder(context).fromRoute("define-continuous-lake").whenCompleted(1)
                .create();
        context.start();
        // the export is defined: the sample logs loaded before it are not its records
        assertThat(defined.matches(60, TimeUnit.SECONDS)).as("the export is defined").isTrue();
        ProducerTemplate template = context.createProducerTemplate();

        template.requestBody("kusto-export:csv",
                ".set-or-append SampleLogs <| SampleLogs | extend Timestamp = Timestamp + 1d");

        String exported = ".show continuous-export LogsToLake exported-artifacts | summarize sum(NumRecords)";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Long.valueOf(2000).equals(template.requestBody("kusto-export:csv", exported, ResultTable.class)
                .rows().get(0).get(0))) {
            assertThat(System.nanoTime()).as("the runs export the 2000 new logs").isLessThan(deadline);
            Thread.sleep(200);
        }
        context.getRouteController().stopRoute("continuous-lake");
        System.out.println("continuous-lake.yaml made: " + files(lake)); // the README's listing
        assertThat(files(lake)).isNotEmpty().allMatch(f -> f.matches(
                "Day=2026-11-02/Svc=[a-z]+/logs_LogsToLake_[0-9a-f]+_\\d+_[0-9a-f]{32}\\.parquet"));
        String lakeFiles = "read_parquet('" + lake + "/**/*.parquet', hive_partitioning=true)";
        assertThat(DuckDb.query("SELECT Svc, count(*) FROM " + lakeFiles + " WHERE Svc = Service"
                + " AND CAST(Day AS DATE) = CAST(Timestamp AS DATE) GROUP BY Svc ORDER BY Svc"))
                .containsExactly(List.of("auth", 404L), List.of("checkout", 390L), List.of("inventory", 405L),
                        List.of("payments", 404L), List.of("search", 397L));
        Exchange another = template.request("kusto-export:csv?continuousExport=LogsToLake", e -> { });
        assertThat(another.getMessage().getHeader("CamelKustoExportContinuousExportOutcome"))
                .isEqualTo("NOTHING_TO_EXPORT");
    }

    @Test
    void theReadmeShowsTheLakeRouteFilesAsTheyAre() throws Exception {
        String readme = Files.readString(ROUTES.resolveSibling("README.md"));
        for (String file : List.of("nightly-lake.yaml", "continuous-lake.yaml")) {
            String route = String.join("\n", Files.readAllLines(ROUTES.resolve(file)).stream()
                    .filter(line -> !line.startsWith("#")).toList());
            assertThat(readme).as(file + " in the README").contains("```yaml\n" + route + "\n```");
        }
    }
}

package io.github.camelkusto.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.camelkusto.examples.KustoExportCliTest.Run;
import io.github.camelkusto.export.ExporterManagementCommands;
import io.github.camelkusto.export.KustoExportComponent;
import io.github.camelkusto.export.server.KustoRestServer;
import io.github.camelkusto.export.server.ServerSettings;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.testkit.CsvFiles;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code exec --cluster}: the command runs on a cluster (here a local one that wants a bearer token: the embedded
 * engine over the Kusto REST protocol, exporting with its own exporter), reached with kusto-data.
 */
class KustoExportCliClusterTest {
    private static final String TOKEN = "cli-test-token";

    @TempDir
    Path clusterDisk;

    private CamelContext clusterContext;
    private KustoRestServer server;

    @BeforeEach
    void startCluster() throws Exception {
        clusterContext = new DefaultCamelContext();
        KustoExportComponent component = new KustoExportComponent();
        component.setDatabase(new KustoDatabase("Samples"));
        clusterContext.addComponent("kusto-export", component);
        clusterContext.start();
        server = component.serve(new ExporterManagementCommands(clusterContext,
                "kusto-export:csv"), ServerSettings.of(0, "Samples").withToken(TOKEN));
    }

    @AfterEach
    void stopCluster() throws Exception {
        server.close();
        clusterContext.close();
    }

    private Run onCluster(String... command) {
        List<String> args = new java.util.ArrayList<>(List.of("exec", "--cluster", server.uri().toString(),
                "--database", "Samples", "--token", TOKEN));
        args.addAll(List.of(command));
        return KustoExportCliTest.exec(args.toArray(String[]::new));
    }

    @Test
    void anExportIsPushedDownAndTheClustersResultTablePrinted() throws Exception {
        Run run = onCluster("--pushdown", "always", ".export to csv ('" + clusterDisk.toUri() + "')"
                + " <| range i from 1 to 1000 step 1");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<List<String>> table = CsvFiles.parse(run.stdout());
        assertThat(table.get(0)).containsExactly("Path", "NumRecords", "SizeInBytes");
        Path artifact = Path.of(table.get(1).get(0));
        assertThat(artifact).startsWith(clusterDisk); // written by the cluster
        assertThat(Files.readAllLines(artifact)).hasSize(1000);
    }

    @Test
    void anAsyncExportOnTheClusterIsWaitedFor() {
        Run run = onCluster("--pushdown", "always", ".export async to csv ('" + clusterDisk.toUri() + "')"
                + " <| range i from 1 to 10 step 1");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).matches("(?s)operation [0-9a-f-]{36} Completed: .*");
        assertThat(CsvFiles.parse(run.stdout()).get(1).get(1)).isEqualTo("10");
    }

    @Test
    void tableCommandsRunOnTheCluster() {
        assertThat(onCluster(".create table Events (Name:string)").exitCode()).isZero();

        Run tables = onCluster(".show tables");

        assertThat(tables.stdout()).contains("Events");
    }

    @Test
    void aWrongTokenFailsWithTheClustersErrorAndExitsTwo() {
        Run run = KustoExportCliTest.exec("exec", "--cluster", server.uri().toString(), "--token", "wrong",
                ".show tables");

        assertThat(run.exitCode()).isEqualTo(KustoExportCli.FAILED);
        assertThat(run.stderr()).contains("(Unauthorized)").doesNotContain("wrong");
    }

    @Test
    void anUnknownPushdownIsAUsageError() {
        Run run = onCluster("--pushdown", "sometimes", ".show tables");

        assertThat(run.exitCode()).isEqualTo(KustoExportCli.FAILED);
        assertThat(run.stderr()).contains("--pushdown takes auto, always or never, not 'sometimes'").contains("usage:");
    }
}

package io.github.camelkusto.export.source;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.microsoft.azure.kusto.data.ClientRequestProperties;
import com.microsoft.azure.kusto.data.StreamingClient;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import io.github.camelkusto.export.ClientSideExportTest;
import io.github.camelkusto.export.server.KustoRestServer;
import io.github.camelkusto.export.server.ServedDatabase;
import io.github.camelkusto.export.server.ServerSettings;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.exec.Cancellation;
import io.github.camelkusto.kql.exec.QueryEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A cluster's v2 responses read into the engine's batches, from our server through kusto-data. */
class ClusterQuerySourceTest {
    private final KustoDatabase database = new KustoDatabase("Samples");
    private ServedDatabase served;
    private KustoRestServer server;
    private StreamingClient client;

    @BeforeEach
    void start() throws Exception {
        ServedDatabase.commands(database).execute(ClientSideExportTest.ALL_TYPES);
        served = ServedDatabase.serve(database, ServerSettings.of(0, "Samples"));
        server = served.server();
        client = ClusterQuerySource.streamingClient(new ConnectionStringBuilder("Data Source=" + server.uri()));
    }

    @AfterEach
    void stop() {
        served.close();
    }

    @Test
    void everyValueOfEveryTypeReadsAsTheEngineHoldsIt() {
        QueryResult cluster = new ClusterQuerySource(client, "Samples", "test").prepare("AllTypes");
        QueryResult embedded = new QueryEngine(database).prepare("AllTypes");

        assertThat(cluster.schema()).isEqualTo(embedded.schema());
        assertThat(rows(cluster)).isEqualTo(rows(embedded)).hasSize(5);
    }

    @Test
    void aProgressiveResponseReadsAsTheSingleTableOne() throws Exception {
        String query = "range x from 1 to 20000 step 1 | extend s = strcat('row ', x)";
        ClientRequestProperties progressive = new ClientRequestProperties();
        progressive.setOption("results_progressive_enabled", true);

        List<List<Object>> fragments = read(client.executeStreamingQuery("Samples", query, progressive));
        List<List<Object>> table = read(client.executeStreamingQuery("Samples", query, new ClientRequestProperties()));

        assertThat(fragments).hasSize(20000).isEqualTo(table);
        assertThat(fragments.get(19999)).containsExactly(20000L, "row 20000");
    }

    private static List<List<Object>> read(InputStream response) {
        try (V2ResultReader reader = V2ResultReader.open(response, "test")) {
            List<List<Object>> rows = new ArrayList<>();
            for (Batch b = reader.next(Batch.MAX_ROWS); b != null; b = reader.next(Batch.MAX_ROWS)) {
                addRows(b, rows);
            }
            return rows;
        }
    }

    private static void addRows(Batch b, List<List<Object>> rows) {
        for (int r = 0; r < b.rowCount(); r++) {
            List<Object> row = new ArrayList<>();
            for (int c = 0; c < b.schema().size(); c++) {
                row.add(plain(b.value(c, r)));
            }
            rows.add(row);
        }
    }

    /**
     * A decimal of negative scale (the engine's {@code decimal(1e6)} is 1E+6) with scale 0: Kusto sends a decimal as
     * its plain text, {@code "1000000"}, and every artifact format writes it so.
     */
    private static Object plain(Object value) {
        return value instanceof BigDecimal d && d.scale() < 0 ? d.setScale(0) : value;
    }

    @Test
    void aQueryTheClusterRefusesFailsInPrepareWithItsMessage() {
        ClusterQuerySource source = new ClusterQuerySource(client, "Samples", "test");

        assertThatThrownBy(() -> source.prepare("AllTypes | project nope"))
                .isInstanceOf(KustoException.class)
                .hasMessageContaining("database 'Samples' on test refused the query (General_BadRequest)")
                .hasMessageContaining("nope");
    }

    @Test
    void aCanceledReadStopsBetweenBatchesAndTheClusterServesTheNextQuery() {
        AtomicInteger checks = new AtomicInteger();
        Cancellation cancelAfterTwoBatches = new Cancellation() {
            @Override
            public void check(String activity) {
                if (checks.incrementAndGet() > 3) {
                    throw new KustoException("canceled while " + activity);
                }
            }
        };
        ClusterQuerySource source = new ClusterQuerySource(client, "Samples", "test");
        QueryResult endless = source.prepare("range x from 1 to 9000000000000 step 1", cancelAfterTwoBatches);

        try (BatchStream batches = endless.partitions().get(0).open()) {
            assertThat(batches.next().rowCount()).isEqualTo(Batch.MAX_ROWS);
            assertThat(batches.next().rowCount()).isEqualTo(Batch.MAX_ROWS);
            assertThatThrownBy(batches::next).hasMessage("canceled while reading rows from database 'Samples' on test");
        }
        assertThat(rows(source.prepare("print x = 42"))).containsExactly(List.of(42L));
    }

    @Test
    void anErrorAmongTheRowsFailsTheRead() {
        String response = "[{\"FrameType\":\"DataSetHeader\",\"IsProgressive\":false,\"Version\":\"v2.0\"},"
                + "{\"FrameType\":\"DataTable\",\"TableId\":1,\"TableKind\":\"PrimaryResult\",\"TableName\":\"PrimaryResult\","
                + "\"Columns\":[{\"ColumnName\":\"x\",\"ColumnType\":\"long\"}],\"Rows\":[[1],[2],"
                + "{\"OneApiErrors\":[{\"error\":{\"code\":\"LimitsExceeded\",\"message\":\"Query result set has exceeded"
                + " the internal record count limit\"}}]}]},"
                + "{\"FrameType\":\"DataSetCompletion\",\"HasErrors\":true,\"Cancelled\":false}]";
        V2ResultReader reader = V2ResultReader.open(stream(response), "test");

        assertThatThrownBy(() -> reader.next(Batch.MAX_ROWS)).isInstanceOf(KustoException.class)
                .hasMessage("test failed the query after 2 rows (LimitsExceeded): Query result set has exceeded the"
                        + " internal record count limit");
    }

    @Test
    void aResponseThatEndsBeforeItsCompletionFrameFailsTheRead() {
        String cut = "[{\"FrameType\":\"DataSetHeader\",\"IsProgressive\":false,\"Version\":\"v2.0\"},"
                + "{\"FrameType\":\"DataTable\",\"TableId\":1,\"TableKind\":\"PrimaryResult\",\"TableName\":\"PrimaryResult\","
                + "\"Columns\":[{\"ColumnName\":\"x\",\"ColumnType\":\"long\"}],\"Rows\":[[1],[2]]}";
        V2ResultReader reader = V2ResultReader.open(stream(cut), "test");

        assertThatThrownBy(() -> reader.next(Batch.MAX_ROWS)).isInstanceOf(KustoException.class)
                .hasMessageStartingWith("the response of test broke off after 2 rows");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<List<Object>> rows(QueryResult result) {
        List<List<Object>> rows = new ArrayList<>();
        result.partitions().forEach(p -> {
            try (BatchStream batches = p.open()) {
                for (Batch b = batches.next(); b != null; b = batches.next()) {
                    addRows(b, rows);
                }
            }
        });
        return rows;
    }
}

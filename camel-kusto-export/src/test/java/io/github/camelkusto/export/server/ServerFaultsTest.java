package io.github.camelkusto.export.server;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientRequestProperties;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/** The server under clients that misbehave or ask for a lot. */
class ServerFaultsTest {
    /** Rows nobody could wait for: a stream of them ends only when the server stops writing. */
    private static final String ENDLESS_QUERY = "range x from 1 to 9000000000000 step 1 | extend s = strcat('row ', x)";

    private ServedDatabase served;
    private KustoRestServer server;

    @BeforeEach
    void start() throws Exception {
        KustoDatabase database = new KustoDatabase("default");
        served = ServedDatabase.serve(database, ServerSettings.of(0, "default"));
        server = served.server();
    }

    @AfterEach
    void stop() {
        served.close();
    }

    @Test
    @Timeout(120)
    void clientsHangingUpMidStreamFreeTheirThreadsForTheNextClient() throws Exception {
        // more hang-ups than the server has threads: if a stream outlived its client, none would be left
        for (int i = 0; i < ServerSettings.DEFAULT_THREADS + 2; i++) {
            hangUpAfterReading(ENDLESS_QUERY, 64 * 1024);
        }

        Client client = KustoDataClients.connect(server);
        ClientRequestProperties properties = new ClientRequestProperties();
        properties.setTimeoutInMilliSec(30_000L);
        List<List<Object>> rows = client.executeQuery("default", "print x=42", properties).getPrimaryResults()
                .getData();
        assertThat(rows.toString()).isEqualTo("[[42]]");
    }

    @Test
    @Timeout(300)
    void aMillionRowsStreamThroughKustoData() throws Exception {
        Client client = KustoDataClients.connect(server);
        int rows = 1_000_000;

        long start = System.nanoTime();
        List<List<Object>> data = client.executeQuery("default",
                "range x from 1 to " + rows + " step 1 | extend s = strcat('row ', x), r = x * 0.5")
                .getPrimaryResults().getData();
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(data).hasSize(rows);
        assertThat(data.get(rows - 1).subList(0, 2).toString()).isEqualTo("[" + rows + ", row " + rows + "]");
        System.out.printf("kusto-data read %d rows (3 columns) from the server in %.2f s: %.0f rows/s%n", rows,
                seconds, rows / seconds);
    }

    /** Sends a v2 query on a raw socket, reads a little of the answer, and drops the connection. */
    private void hangUpAfterReading(String query, int bytes) throws Exception {
        byte[] body = ("{\"db\":\"default\",\"csl\":\"" + query.replace("'", "\\u0027") + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v2/rest/query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(in.readNBytes(bytes)).hasSize(bytes);
        }
    }
}

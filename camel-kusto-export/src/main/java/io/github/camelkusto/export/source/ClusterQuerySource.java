package io.github.camelkusto.export.source;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.HttpClient;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.ClientRequestProperties;
import com.microsoft.azure.kusto.data.StreamingClient;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.data.exceptions.DataWebException;
import com.microsoft.azure.kusto.data.exceptions.OneApiError;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.exec.Cancellation;
import io.github.camelkusto.kql.exec.Deadline;

/**
 * Runs queries on an Azure Data Explorer cluster (or anything serving the Kusto REST protocol) and streams the
 * rows back: the client-side export, for targets the cluster cannot write to. The query is sent once, through
 * kusto-data's {@link StreamingClient#executeStreamingQuery} (a {@code /v2/rest/query} response body read as it
 * arrives, never materialised); {@link #prepare} reads the response up to the primary result's columns, so a query
 * the cluster refuses fails there, before anything is written. The rows are then one partition, read in batches of
 * {@link Batch#MAX_ROWS} as the embedded engine represents them, and the export succeeds only once the response's
 * completion frame says the query succeeded: a dropped connection or an error reported in the data fails it.
 * <p>
 * Deadline: the export's remaining time goes to the cluster as the request's {@code servertimeout} (at most an
 * hour, as ADX allows), and cancellation is checked between batches.
 */
public final class ClusterQuerySource implements QuerySource {
    private final StreamingClient client;
    private final String database;
    private final String clusterName;

    /**
     * @param client      connected to the cluster (its URI and credentials are the client's)
     * @param database    the database queries run in
     * @param clusterName what to call the cluster in messages (e.g. its URI); never holds a secret
     */
    public ClusterQuerySource(StreamingClient client, String database, String clusterName) {
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("the cluster's database must be named");
        }
        this.client = client;
        this.database = database;
        this.clusterName = clusterName;
    }

    /**
     * A kusto-data client for {@code connection} whose query results stream: hand this source no other. (kusto-data's
     * own HTTP clients read a whole response body into memory before its streaming query API returns it; see
     * {@link StreamedBodyHttpClient}.)
     */
    public static StreamingClient streamingClient(ConnectionStringBuilder connection) {
        return streamingClient(connection, new JdkHttpClientBuilder().build());
    }

    /** {@link #streamingClient(ConnectionStringBuilder)} over {@code http} (e.g. one that adds a bearer token). */
    public static StreamingClient streamingClient(ConnectionStringBuilder connection, HttpClient http) {
        try {
            return ClientFactory.createStreamingClient(connection, new StreamedBodyHttpClient(http));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the cluster URI is not valid: " + e.getMessage(), e);
        }
    }

    @Override
    public QueryResult prepare(String query) {
        return prepare(query, Cancellation.NONE);
    }

    @Override
    public QueryResult prepare(String query, Cancellation cancellation) {
        cancellation.check("sending the query to " + describe());
        InputStream body = send(query, requestProperties(cancellation.remaining()));
        V2ResultReader rows = V2ResultReader.open(body, describe());
        return new QueryResult(rows.schema(), List.of(new StreamedRows(rows, cancellation)));
    }

    @Override
    public String describe() {
        return "database '" + database + "' on " + clusterName;
    }

    private InputStream send(String query, ClientRequestProperties properties) {
        try {
            return client.executeStreamingQuery(database, query, properties);
        } catch (RuntimeException e) {
            throw refused(e);
        }
    }

    /** The cluster's own error (code and message) when it sent one, else what went wrong on the way. */
    private KustoException refused(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataWebException web && web.getApiError() != null) {
                OneApiError error = web.getApiError();
                return new KustoException(describe() + " refused the query (" + error.getCode() + "): "
                        + error.getDescription(), e);
            }
        }
        return new KustoException("cannot query " + describe() + ": " + KustoException.reason(e), e);
    }

    /** A client request id to find the request in the cluster's logs, and the export's deadline as servertimeout. */
    static ClientRequestProperties requestProperties(Duration remaining) {
        ClientRequestProperties properties = new ClientRequestProperties();
        properties.setClientRequestId("camel-kusto-export;" + UUID.randomUUID());
        properties.setApplication("camel-kusto-export");
        Duration timeout = remaining.compareTo(Deadline.MAX_SERVER_TIMEOUT) < 0 ? remaining
                : Deadline.MAX_SERVER_TIMEOUT;
        properties.setTimeoutInMilliSec(Math.max(1, timeout.toMillis()));
        return properties;
    }

    /** The response's primary rows: one partition, read once; closing it unread drops the response. */
    private final class StreamedRows implements Partition, AutoCloseable {
        private final V2ResultReader rows;
        private final Cancellation cancellation;
        private final AtomicBoolean opened = new AtomicBoolean();

        StreamedRows(V2ResultReader rows, Cancellation cancellation) {
            this.rows = rows;
            this.cancellation = cancellation;
        }

        @Override
        public BatchStream open() {
            if (!opened.compareAndSet(false, true)) {
                throw new IllegalStateException("the rows of " + describe() + " stream once");
            }
            return new BatchStream() {
                @Override
                public Batch next() {
                    try {
                        cancellation.check("reading rows from " + describe());
                        return rows.next(Batch.MAX_ROWS);
                    } catch (RuntimeException e) {
                        rows.close(); // drops the connection: the cluster stops sending
                        throw e;
                    }
                }

                @Override
                public void close() {
                    rows.close();
                }
            };
        }

        @Override
        public void close() {
            rows.close();
        }
    }
}

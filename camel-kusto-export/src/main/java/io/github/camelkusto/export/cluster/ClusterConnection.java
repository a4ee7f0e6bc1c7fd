package io.github.camelkusto.export.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.ClientRequestProperties;
import com.microsoft.azure.kusto.data.KustoOperationResult;
import com.microsoft.azure.kusto.data.StreamingClient;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.azure.kusto.data.exceptions.DataWebException;
import com.microsoft.azure.kusto.data.exceptions.OneApiError;
import com.microsoft.azure.kusto.data.exceptions.ThrottleException;
import com.microsoft.azure.kusto.data.http.HttpClientFactory;
import com.microsoft.azure.kusto.data.http.HttpClientProperties;
import io.github.camelkusto.export.command.Redaction;
import io.github.camelkusto.export.source.ClusterQuerySource;
import io.github.camelkusto.export.source.QuerySource;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.data.ResultTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

/**
 * One Azure Data Explorer cluster and database, reached through Microsoft's kusto-data client: management commands
 * ({@code /v1/rest/mgmt}) and queries whose (small) result is returned whole. A request the cluster did not run
 * (HTTP 429 or a {@code Throttled} error, HTTP 503) is retried with backoff; a request that may have run (no
 * answer: a dropped connection) only when it changes nothing. Every failure is a {@link ClusterException} with
 * ADX's error code and message, secrets masked. Thread-safe: one per endpoint.
 */
public final class ClusterConnection {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");
    private static final Logger LOG = LoggerFactory.getLogger(ClusterConnection.class);

    private final URI clusterUri;
    private final String database;
    private final Client client;
    private final ClusterRetry retry;
    /** The credential options' own secrets (token, client secret): masked in every message. */
    private final List<String> secrets;
    /**
     * The client whose query results stream, for client-side exports and row batches ({@link #querySource()}): one
     * per connection, as {@link #client} is (kusto-data's clients hold no connection of their own: nothing to close).
     */
    private final StreamingClient streaming;

    private ClusterConnection(URI clusterUri, String database, Client client, ClusterRetry retry,
            List<String> secrets, StreamingClient streaming) {
        this.streaming = streaming;
        this.clusterUri = clusterUri;
        this.database = database;
        this.client = client;
        this.retry = retry;
        this.secrets = secrets;
    }

    /**
     * The cluster URI of the {@code clusterUri} option: https, or plain http to a loopback address (a local
     * endpoint such as {@code kusto-export serve}); no query or fragment.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static URI checkUri(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("kusto-export: clusterUri '" + Redaction.text(text) + "' is not a URI: "
                    + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("kusto-export: clusterUri '" + Redaction.text(text) + "' must be"
                    + " https://{cluster}.{region}.kusto.windows.net"
                    + " (or http://127.0.0.1:{port} for a local endpoint)");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("kusto-export: clusterUri must be the cluster's address only, without"
                    + " user info, query or fragment: credentials go in the credential options");
        }
        if (scheme.equals("http") && !LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("kusto-export: clusterUri " + uri + " is plain http to another host:"
                    + " a cluster takes https (plain http only reaches a local endpoint on 127.0.0.1, localhost"
                    + " or ::1)");
        }
        return URI.create(scheme + "://" + uri.getRawAuthority() + stripSlash(uri.getRawPath()));
    }

    private static String stripSlash(String path) {
        return path == null || path.equals("/") ? "" : path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** A client for the cluster; nothing is sent until the first command. */
    public static ClusterConnection open(URI clusterUri, String database, ClusterCredentials credentials,
            ClusterRetry retry) {
        credentials.check(clusterUri);
        Optional<TokenCredential> credential = credentials.credential(clusterUri);
        HttpClient http = HttpClientFactory.create(HttpClientProperties.builder().build());
        ConnectionStringBuilder builder;
        if (clusterUri.getScheme().equals("https")) {
            builder = credential.map(c -> ConnectionStringBuilder.createWithTokenCredential(clusterUri.toString(), c))
                    .orElseGet(() -> new ConnectionStringBuilder("Data Source=" + clusterUri));
        } else {
            builder = new ConnectionStringBuilder("Data Source=" + clusterUri);
            if (credential.isPresent()) {
                http = new BearerHttpClient(http, credential.get(), clusterUri + "/.default");
            }
        }
        builder.setApplicationNameForTracing("camel-kusto-export");
        List<String> secrets = new ArrayList<>();
        for (String secret : new String[] {credentials.accessToken(), credentials.clientSecret(),
                credentials.clientCertificatePassword()}) {
            if (secret != null && !secret.isBlank()) {
                secrets.add(secret);
            }
        }
        try {
            return new ClusterConnection(clusterUri, database, ClientFactory.createClient(builder, http), retry,
                    List.copyOf(secrets), ClusterQuerySource.streamingClient(builder, http));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("kusto-export: clusterUri " + clusterUri + ": " + e.getReason(), e);
        }
    }

    /**
     * Runs a management command (text starting with {@code .}) and returns its first table.
     *
     * @param changesNothing whether running it twice does no harm ({@code .show ...}): then a request that got no
     *                       answer is retried too
     * @param timeout        the cluster's servertimeout for it, and how long the component waits for the answer
     * @param connectionStrings the command's connection strings, masked in any message
     */
    public ResultTable management(String command, boolean changesNothing, Duration timeout,
            Collection<String> connectionStrings) {
        return run(command, true, changesNothing, timeout, connectionStrings);
    }

    /** Runs a query and returns its primary result whole: for small results only. */
    public ResultTable query(String query, Duration timeout) {
        return run(query, false, true, timeout, List.of());
    }

    private ResultTable run(String text, boolean management, boolean changesNothing, Duration timeout,
            Collection<String> connectionStrings) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int attempt = 1; ; attempt++) {
            ClientRequestProperties properties = new ClientRequestProperties();
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            properties.setTimeoutInMilliSec(left);
            Mono<KustoOperationResult> request = management
                    ? client.executeMgmtAsync(database, text, properties)
                    : client.executeQueryAsync(database, text, properties);
            try {
                KustoOperationResult result = request.timeout(Duration.ofMillis(left)).block();
                return ClusterTables.toResultTable(result.getPrimaryResults());
            } catch (RuntimeException e) {
                ClusterException failure = failure(Exceptions.unwrap(e), Duration.ofMillis(left), connectionStrings);
                Duration backoff = retry.backoff(attempt);
                boolean retriable = retriable(failure, changesNothing) && attempt < retry.attempts()
                        && System.nanoTime() + backoff.toNanos() < deadline;
                if (!retriable) {
                    throw failure;
                }
                LOG.warn("{} ({}); retry {} of {} in {} ms", failure.getMessage(), failure.errorCode(), attempt,
                        retry.attempts() - 1, backoff.toMillis());
                sleep(backoff, failure);
            }
        }
    }

    /** Throttled and unavailable answers say the request did not run; no answer at all says nothing. */
    private static boolean retriable(ClusterException failure, boolean changesNothing) {
        int status = failure.httpStatus().orElse(0);
        if (status == 429 || status == 503 || failure.errorCode().toLowerCase(Locale.ROOT).contains("throttl")) {
            return true;
        }
        return changesNothing && failure.errorCode().equals(CONNECTION_FAILED);
    }

    static final String CONNECTION_FAILED = "ConnectionFailed";
    static final String TIMEOUT = "Timeout";

    private ClusterException failure(Throwable e, Duration timeout, Collection<String> connectionStrings) {
        if (e instanceof TimeoutException) {
            return new ClusterException(describe() + " did not answer within " + timeout.toMillis() + " ms", TIMEOUT,
                    null, false, null);
        }
        if (e instanceof ThrottleException) {
            return new ClusterException(describe() + " throttled the request (HTTP 429): too many requests",
                    "Throttled", 429, false, null);
        }
        Integer status = e instanceof DataServiceException service ? service.getStatusCode() : null;
        OneApiError error = e.getCause() instanceof DataWebException web ? web.getApiError() : null;
        String message = mask(String.valueOf(e.getMessage()), connectionStrings);
        if (error != null) {
            String description = error.getDescription().isBlank() ? error.getMessage() : error.getDescription();
            return new ClusterException(describe() + " failed the request: " + mask(description, connectionStrings)
                    + " (" + error.getCode() + ")", error.getCode(), status, error.isPermanent(), null);
        }
        if (status != null) {
            return new ClusterException(describe() + " answered HTTP " + status + ": " + message, "HttpStatus" + status,
                    status, false, null);
        }
        if (causedByIo(e)) {
            return new ClusterException(describe() + " could not be reached, or dropped the connection before"
                    + " answering: " + message, CONNECTION_FAILED, null, false, null);
        }
        return new ClusterException(describe() + " failed the request: " + message, "ClientError", null, true, null);
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || String.valueOf(t.getMessage()).contains("IOException")) {
                return true;
            }
        }
        return false;
    }

    private String mask(String text, Collection<String> connectionStrings) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, Redaction.MASK);
        }
        return Redaction.text(masked, connectionStrings);
    }

    private static void sleep(Duration backoff, ClusterException failure) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    /** Microsoft's client, for a client-side {@code QuerySource} that streams a query's rows. */
    public Client client() {
        return client;
    }

    /**
     * A source that runs a query on this cluster and streams its rows back over the REST protocol: client-side
     * exports (a target the cluster cannot reach). It needs a named database.
     */
    public QuerySource querySource() {
        if (database == null || database.isBlank()) {
            throw new KustoException("a client-side export from " + describe() + " needs the database named:"
                    + " set the clusterDatabase option");
        }
        return new ClusterQuerySource(streaming, database, clusterUri.toString());
    }

    public URI clusterUri() {
        return clusterUri;
    }

    public String database() {
        return database;
    }

    /** {@code cluster https://... (database 'db')}. */
    public String describe() {
        return "cluster " + clusterUri + (database == null ? " (its default database)" : " (database '" + database + "')");
    }

    @Override
    public String toString() {
        return describe();
    }
}

package io.github.camelkusto.export.server;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.exec.QueryEngine;
import io.github.camelkusto.kql.types.KqlValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded engine over the Kusto REST protocol, on the JDK's {@link HttpServer} bound to 127.0.0.1:
 * {@code POST /v2/rest/query} (v2 frames, rows streamed from the engine), {@code POST /v1/rest/query} (one v1
 * table, streamed), {@code POST /v1/rest/mgmt} (management commands through {@link ManagementCommands}, one v1
 * table) and {@code GET /v1/rest/auth/metadata} (the cloud info clients ask for before their first request).
 * Requests are {@code {"db": ..., "csl": ..., "properties": ...}}; failures found before the first byte are
 * HTTP 400 with a OneApiErrors body, failures while rows stream are reported in the data, as Kusto does.
 * <p>
 * Threads: the server starts none of its own. Requests run on the {@link Executor} it is given (in the component
 * and the CLI, a pool of Camel's ExecutorServiceManager with the thread-pool profile
 * {@code kustoExportServer}), which stays its giver's to shut down; the JDK's HttpServer adds only its one
 * dispatcher thread, which accepts connections and hands each request to that executor.
 */
public final class KustoRestServer implements AutoCloseable {
    static final String QUERY_V2 = "/v2/rest/query";
    static final String QUERY_V1 = "/v1/rest/query";
    static final String MGMT = "/v1/rest/mgmt";
    static final String METADATA = "/v1/rest/auth/metadata";
    /** A request names one command; this bounds what a request body may hold in memory. */
    private static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;
    private static final int RESPONSE_BUFFER = 64 * 1024;
    /** The public cloud's values: clients only read it; nothing here signs in anywhere. */
    private static final String CLOUD_INFO = "{\"AzureAD\":{\"LoginEndpoint\":\"https://login.microsoftonline.com\","
            + "\"LoginMfaRequired\":false,\"KustoClientAppId\":\"db662dc1-0cfe-4e1c-a843-19a68e65be58\","
            + "\"KustoClientRedirectUri\":\"https://microsoft/kustoclient\","
            + "\"KustoServiceResourceId\":\"https://kusto.kusto.windows.net\","
            + "\"FirstPartyAuthorityUrl\":\"https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a\"},"
            + "\"dSTS\":{}}";
    private static final Logger LOG = LoggerFactory.getLogger(KustoRestServer.class);

    private final HttpServer http;
    private final QueryEngine engine;
    private final ManagementCommands commands;
    private final ServerSettings settings;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KustoRestServer(HttpServer http, QueryEngine engine, ManagementCommands commands,
            ServerSettings settings) {
        this.http = http;
        this.engine = engine;
        this.commands = commands;
        this.settings = settings;
    }

    /**
     * Starts serving {@code engine}'s database, each request on {@code requests} (its size bounds the requests
     * served at once); {@link #close()} stops listening.
     */
    public static KustoRestServer start(QueryEngine engine, ManagementCommands commands, ServerSettings settings,
            Executor requests) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()),
                0);
        KustoRestServer server = new KustoRestServer(http, engine, commands, settings);
        http.createContext("/", server::handle);
        http.setExecutor(requests);
        http.start();
        LOG.info("Kusto REST server for database '{}' listening on {}", settings.databaseName(), server.uri());
        return server;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}: the cluster URI clients connect to. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Stops listening (once; later calls do nothing); the request executor is left to its owner. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            http.stop(0);
        }
    }

    private void handle(HttpExchange exchange) {
        RequestIds ids = RequestIds.of(exchange.getRequestHeaders().getFirst("x-ms-client-request-id"));
        exchange.getResponseHeaders().set("x-ms-client-request-id", ids.clientRequestId());
        exchange.getResponseHeaders().set("x-ms-activity-id", ids.activityId().toString());
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            if (path.equals(METADATA)) {
                byte[] body = CLOUD_INFO.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else if (!path.equals(QUERY_V2) && !path.equals(QUERY_V1) && !path.equals(MGMT)) {
                fail(exchange, 404, OneApiError.notFound("no such endpoint: " + path), ids);
            } else if (!authorized(exchange)) {
                fail(exchange, 401, OneApiError.unauthorized("the request has no valid bearer token"), ids);
            } else if (!exchange.getRequestMethod().equals("POST")) {
                fail(exchange, 405, OneApiError.badRequest(path + " takes POST, not " + exchange.getRequestMethod()),
                        ids);
            } else {
                serve(exchange, path, ids);
            }
        } catch (IOException e) {
            // the client went away (or never read): nothing to answer, the exchange is closed
            LOG.debug("Request {} ended early: {}", ids.clientRequestId(), e.toString());
        }
    }

    private void serve(HttpExchange exchange, String path, RequestIds ids) throws IOException {
        String csl;
        boolean progressive;
        QueryResult query = null;
        ResultTable table = null;
        try {
            JsonNode request = request(exchange);
            csl = request.get("csl").asText();
            progressive = progressive(request);
            if (path.equals(MGMT)) {
                if (!csl.stripLeading().startsWith(".")) {
                    throw new KustoException("the management endpoint runs commands that start with '.': send"
                            + " queries to " + QUERY_V2);
                }
                table = commands.execute(csl);
            } else {
                query = engine.prepare(csl);
            }
        } catch (ThrottledCommandException e) {
            fail(exchange, 429, OneApiError.throttled(String.valueOf(e.getMessage())), ids);
            return;
        } catch (KustoException e) {
            fail(exchange, 400, OneApiError.badRequest(String.valueOf(e.getMessage())), ids);
            return;
        } catch (RuntimeException e) {
            LOG.warn("Request {} failed", ids.clientRequestId(), e);
            fail(exchange, 500, OneApiError.unexpected("the request failed: " + e), ids);
            return;
        }
        boolean gzip = acceptsGzip(exchange); // as ADX answers its clients (kusto-data 7's streaming query needs it)
        if (gzip) {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        exchange.sendResponseHeaders(200, 0); // chunked: rows stream as the engine produces them
        OutputStream body = gzip ? new FastGzipOutputStream(exchange.getResponseBody()) : exchange.getResponseBody();
        try (JsonGenerator g = generator(body)) {
            if (table != null) {
                ResponseBodies.v1(g, table);
            } else if (path.equals(QUERY_V2)) {
                ResponseBodies.v2(g, query, ids, progressive);
            } else {
                ResponseBodies.v1(g, query, ids);
            }
        }
    }

    /** The request, after checking it has a {@code csl} and its {@code db} is ours. */
    private JsonNode request(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_REQUEST_BYTES + 1);
        }
        if (body.length > MAX_REQUEST_BYTES) {
            throw new KustoException("the request body is larger than " + MAX_REQUEST_BYTES + " bytes");
        }
        JsonNode request;
        try {
            request = KqlValues.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new KustoException("the request body is not JSON: " + e.getOriginalMessage());
        }
        if (request == null || !request.path("csl").isTextual()) {
            throw new KustoException("the request body has no 'csl' text (the query or command to run)");
        }
        JsonNode db = request.path("db");
        if (db.isTextual() && !db.asText().isEmpty() && !db.asText().equals(settings.databaseName())) {
            throw new KustoException("database '" + db.asText() + "' does not exist: this server serves '"
                    + settings.databaseName() + "'");
        }
        return request;
    }

    /**
     * Whether the client asked for a progressive v2 result (client request property
     * {@code results_progressive_enabled}); {@code properties} is an object or, as kusto-data sends it, its JSON text.
     */
    private static boolean progressive(JsonNode request) {
        JsonNode properties = request.path("properties");
        if (properties.isTextual()) {
            try {
                properties = KqlValues.JSON.readTree(properties.asText());
            } catch (JsonProcessingException e) {
                throw new KustoException("the request's 'properties' are not JSON: " + e.getOriginalMessage());
            }
        }
        JsonNode option = properties.path("Options").path("results_progressive_enabled");
        return option.asBoolean(false) || option.asText().equalsIgnoreCase("true");
    }

    /** Whether the client takes a gzip body ({@code Accept-Encoding: gzip,deflate}); deflate is never sent. */
    private static boolean acceptsGzip(HttpExchange exchange) {
        String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        return accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip");
    }

    /** gzip at deflate level 1: the response is compressed as fast as rows are written into it. */
    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, RESPONSE_BUFFER);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    private boolean authorized(HttpExchange exchange) {
        if (settings.token().isEmpty()) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        byte[] expected = ("Bearer " + settings.token().get()).getBytes(StandardCharsets.UTF_8);
        return header != null && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8));
    }

    private static void fail(HttpExchange exchange, int status, OneApiError error, RequestIds ids)
            throws IOException {
        exchange.sendResponseHeaders(status, 0);
        try (JsonGenerator g = generator(exchange.getResponseBody())) {
            error.write(g, ids);
        }
    }

    private static JsonGenerator generator(OutputStream body) throws IOException {
        return KqlValues.JSON.getFactory().createGenerator(new BufferedOutputStream(body, RESPONSE_BUFFER),
                JsonEncoding.UTF8);
    }
}

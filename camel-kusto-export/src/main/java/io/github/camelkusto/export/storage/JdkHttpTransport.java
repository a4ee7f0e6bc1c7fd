package io.github.camelkusto.export.storage;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.HttpPipelinePolicy;
import reactor.core.publisher.Mono;

/**
 * The HTTP client of every Azure client storage builds (blob service, managed identity, DefaultAzureCredential):
 * the JDK's {@code java.net.http} client, with its request tracing held off, so that no SAS, key or token ever
 * reaches a log line, whatever level loggers are set to.
 * <p>
 * Azure's default client is not used (nor shipped): reactor-netty logs every request URL, a SAS included, at
 * DEBUG. The JDK's client logs request URLs too, but only to its debug logger {@value #DEBUG_LOGGER} (when that
 * logger is loggable at DEBUG, e.g. java.util.logging's root at FINE) and when tracing system properties are set.
 * So that logger is pinned to OFF in java.util.logging (the JDK's default {@link System.Logger} backend), and
 * {@link #guard()} refuses to send a request while the JDK's client could still trace it (another
 * {@code System.LoggerFinder} with that logger on, or a tracing property set): an export fails with a clear
 * message rather than log a secret.
 */
final class JdkHttpTransport {
    static final String DEBUG_LOGGER = "jdk.internal.httpclient.debug";
    /** The JDK client's debug loggers (HTTP/1.1 and 2, HPACK header codec, WebSocket). */
    private static final List<String> DEBUG_LOGGERS = List.of(DEBUG_LOGGER, "jdk.internal.httpclient.hpack.debug",
            "jdk.internal.httpclient.websocket.debug");
    /** System properties that make the JDK's client trace requests (to System.err or its "jdk.httpclient.HttpClient" logger). */
    private static final List<String> TRACING_PROPERTIES = List.of("jdk.httpclient.HttpClient.log", DEBUG_LOGGER,
            "jdk.internal.httpclient.hpack.debug");
    /** Strong references (java.util.logging forgets the level of a logger nobody holds); set before any client. */
    private static final List<java.util.logging.Logger> PINNED = DEBUG_LOGGERS.stream().map(name -> {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.OFF);
        return logger;
    }).toList();

    /**
     * How long opening a connection may take: an endpoint that does not accept fails the attempt (and is retried)
     * instead of holding it for the whole request timeout.
     */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);


    private static final HttpPipelinePolicy GUARD = new HttpPipelinePolicy() {
        @Override
        public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
            Optional<String> tracing = tracing();
            return tracing.isPresent() ? Mono.error(refusal(tracing.get())) : next.process();
        }

        @Override
        public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
            tracing().ifPresent(t -> {
                throw refusal(t);
            });
            return next.processSync();
        }
    };

    private JdkHttpTransport() {
    }

    /**
     * A client whose work (sending, reading responses, completing futures) runs on {@code executor}: the JDK's
     * default would be a cached pool of its own. It pools connections; one serves all targets of a component. A
     * JDK 17 HttpClient cannot be closed: it and its selector thread end once unreachable.
     */
    static HttpClient client(Executor executor) {
        return new JdkHttpClientBuilder(java.net.http.HttpClient.newBuilder().executor(executor)
                .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)).build();
    }

    /** A pipeline policy that fails a request, before it is sent, while the JDK's client would trace it. */
    static HttpPipelinePolicy guard() {
        return GUARD;
    }

    /** What would make the JDK's client log a request, if anything. */
    static Optional<String> tracing() {
        for (String property : TRACING_PROPERTIES) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank() && !value.equalsIgnoreCase("false")) {
                return Optional.of("the system property " + property + " is set");
            }
        }
        for (String name : DEBUG_LOGGERS) {
            if (System.getLogger(name).isLoggable(System.Logger.Level.DEBUG)) {
                return Optional.of("the logger " + name + " is at DEBUG or below");
            }
        }
        return Optional.empty();
    }

    static IllegalStateException refusal(String reason) {
        return new IllegalStateException("storage request not sent: " + reason + ", and the JDK's HTTP client would"
                + " log the request's URL and headers, which carry the storage credential; turn that tracing off"
                + " (" + DEBUG_LOGGER + " at INFO or above)");
    }
}

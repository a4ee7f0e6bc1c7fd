package io.github.camelkusto.export.source;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An HTTP client for kusto-data whose responses stream. kusto-data 7's {@code executeStreamingQuery} reads the body
 * through {@link HttpResponse#getBodyAsInputStream()}, which azure-core implements (and its JDK client keeps) as
 * "read the whole body into a byte array, then stream that": a 10M-row result would be held whole. Here every
 * request is sent with the delegate's synchronous API, whose body is the JDK's live {@code InputStream}, and
 * {@code getBodyAsInputStream} hands that stream over as it is.
 */
final class StreamedBodyHttpClient implements HttpClient {
    private final HttpClient delegate;

    StreamedBodyHttpClient(HttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return send(request, Context.NONE);
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request, Context context) {
        // kusto-data blocks on this Mono from the caller's thread: the call runs there
        return Mono.fromCallable(() -> new StreamedBody(delegate.sendSync(request, context)));
    }

    @Override
    public HttpResponse sendSync(HttpRequest request, Context context) {
        return new StreamedBody(delegate.sendSync(request, context));
    }

    /** The delegate's response, its body read as the stream it is. */
    private static final class StreamedBody extends HttpResponse {
        private final HttpResponse response;

        StreamedBody(HttpResponse response) {
            super(response.getRequest());
            this.response = response;
        }

        @Override
        public Mono<InputStream> getBodyAsInputStream() {
            return Mono.fromSupplier(() -> response.getBodyAsBinaryData().toStream());
        }

        @Override
        public BinaryData getBodyAsBinaryData() {
            return response.getBodyAsBinaryData();
        }

        @Override
        public int getStatusCode() {
            return response.getStatusCode();
        }

        @Override
        @SuppressWarnings("deprecation")
        public String getHeaderValue(String name) {
            return response.getHeaderValue(name);
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }

        @Override
        public Flux<ByteBuffer> getBody() {
            return response.getBody();
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return response.getBodyAsByteArray();
        }

        @Override
        public Mono<String> getBodyAsString() {
            return response.getBodyAsString();
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return response.getBodyAsString(charset);
        }

        @Override
        public void close() {
            response.close();
        }
    }
}

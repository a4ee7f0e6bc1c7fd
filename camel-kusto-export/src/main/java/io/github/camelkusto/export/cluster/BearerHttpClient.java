package io.github.camelkusto.export.cluster;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import reactor.core.publisher.Mono;

/**
 * Signs the requests to a local plain-http endpoint (127.0.0.1, localhost, ::1) with a bearer token. kusto-data
 * refuses to put a token on a plain-http request to any host (its localhost exception never matches), so for a
 * loopback endpoint the token is added here, below the SDK; for any other host plain http is refused before this.
 */
final class BearerHttpClient implements HttpClient {
    private final HttpClient delegate;
    private final TokenCredential credential;
    private final TokenRequestContext scope;

    BearerHttpClient(HttpClient delegate, TokenCredential credential, String scope) {
        this.delegate = delegate;
        this.credential = credential;
        this.scope = new TokenRequestContext().addScopes(scope);
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return signed(request).flatMap(delegate::send);
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request, Context context) {
        return signed(request).flatMap(signed -> delegate.send(signed, context));
    }

    private Mono<HttpRequest> signed(HttpRequest request) {
        return credential.getToken(scope).map(token -> request.setHeader(HttpHeaderName.AUTHORIZATION,
                "Bearer " + token.getToken()));
    }
}

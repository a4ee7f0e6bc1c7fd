package io.github.camelkusto.export.cluster;

import java.time.OffsetDateTime;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import io.github.camelkusto.kql.data.ResultTable;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a route signs in to a cluster (here a local one that wants a bearer token), and what it refuses. */
class ClusterCredentialsTest {
    private static final String TOKEN = "S3CR3T-token-value";

    private LocalCluster cluster;
    private CamelContext client;

    @BeforeEach
    void start() throws Exception {
        cluster = LocalCluster.start(component -> { }, TOKEN);
        client = new DefaultCamelContext();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        cluster.close();
    }

    private ResultTable showTables(String options) {
        client.start();
        return client.createProducerTemplate().requestBody("kusto-export:csv?clusterUri=" + cluster.uri()
                + "&clusterDatabase=" + LocalCluster.DATABASE + options, ".show tables", ResultTable.class);
    }

    @Test
    void anAccessTokenIsSentAsBearer() {
        assertThat(showTables("&accessToken=" + TOKEN).schema().names()).contains("TableName");
    }

    @Test
    void aTokenCredentialBeanIsAutowired() {
        TokenCredential credential = request -> Mono.just(new AccessToken(TOKEN, OffsetDateTime.now().plusHours(1)));
        client.getRegistry().bind("clusterCredential", TokenCredential.class, credential);

        assertThat(showTables("").schema().names()).contains("TableName");
    }

    @Test
    void withoutATokenTheClustersUnauthorizedErrorComesBack() {
        assertThatThrownBy(() -> showTables("")).cause().isInstanceOfSatisfying(ClusterException.class, e -> {
            assertThat(e.errorCode()).isEqualTo("Unauthorized");
            assertThat(e.httpStatus()).contains(401);
        });
    }

    @Test
    void aWrongTokenIsRefusedAndNeverShown() {
        assertThatThrownBy(() -> showTables("&accessToken=not-the-" + TOKEN)).cause()
                .isInstanceOf(ClusterException.class).message().doesNotContain(TOKEN);
    }

    @Test
    void theSecretOptionsAreMaskedInTheEndpointUri() {
        client.start();
        Endpoint endpoint = client.getEndpoint("kusto-export:csv?clusterUri=" + cluster.uri() + "&accessToken=" + TOKEN
                + "&clientId=app&clientSecret=" + TOKEN + "&tenantId=t");

        assertThat(endpoint.getEndpointUri()).doesNotContain(TOKEN).contains("clientId=app");
    }

    @Test
    void plainHttpToAnotherHostIsRefusedWhenTheRouteStarts() {
        assertThatThrownBy(() -> client.getEndpoint("kusto-export:csv?clusterUri=http://example.com:8080").start())
                .rootCause()
                .hasMessageContaining("plain http to another host");
    }

    @Test
    void anApplicationWithoutItsTenantIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> client.getEndpoint("kusto-export:csv?clusterUri=https://help.kusto.windows.net"
                + "&clientId=app&clientSecret=" + TOKEN).start()).rootCause()
                .hasMessageContaining("needs the option tenantId").hasMessageNotContaining(TOKEN);
    }
}

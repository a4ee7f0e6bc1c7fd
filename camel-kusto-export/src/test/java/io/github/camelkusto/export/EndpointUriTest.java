package io.github.camelkusto.export;

import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointUriTest extends CamelTestSupport {
    private static final String KEY = "c2VjcmV0LWtleS1ieXRlcw==";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").to("kusto-export:csv?storage=RAW(https://acct.blob.core.windows.net/exports;" + KEY
                        + ")&query=T");
                from("direct:b").to("kusto-export:tsv?query=T&storage=RAW(https://acct.blob.core.windows.net/exports?sv=1&sig="
                        + KEY + ")");
            }
        };
    }

    @Test
    void theUriCamelShowsMasksTheStorageSecret() {
        assertThat(context.getEndpoints()).extracting(Endpoint::getEndpointUri)
                .filteredOn(uri -> uri.startsWith("kusto-export"))
                .hasSize(2)
                .allSatisfy(uri -> assertThat(uri).doesNotContain(KEY).contains("****"));
    }

    @Test
    void anUnknownFormatInTheUriIsRefusedWithTheValidOnes() {
        assertThatThrownBy(() -> context.getEndpoint("kusto-export:xml"))
                .hasRootCauseMessage("kusto-export: unknown format 'xml' in the endpoint URI (valid formats: csv, tsv,"
                        + " json, parquet, avro)");
    }
}

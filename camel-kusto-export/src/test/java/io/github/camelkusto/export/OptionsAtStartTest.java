package io.github.camelkusto.export;

import java.util.ArrayList;
import java.util.List;

import io.github.camelkusto.export.command.CompressionType;
import io.github.camelkusto.export.command.DatetimePrecision;
import io.github.camelkusto.export.command.Distribution;
import io.github.camelkusto.export.command.IncludeHeaders;
import io.github.camelkusto.export.command.TextEncoding;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A bad option fails the route, and the context, when it starts: not at the first message. */
class OptionsAtStartTest {
    private static final String KEY = "S3CR3TK3Y0123456789abcdef0123456789abcdef0123456789abcdef01234567890==";

    @Test
    void anUnknownIncludeHeadersValueFailsTheStartNamingTheValidValues() {
        assertThat(startFailure("kusto-export:csv?includeHeaders=sometimes"))
                .contains("endpoint option 'includeHeaders': property 'includeHeaders' must be one of none, all,"
                        + " firstFile, not 'sometimes'");
    }

    @Test
    void aSizeLimitOutOfRangeFailsTheStartWithTheOptionNamed() {
        assertThat(startFailure("kusto-export:csv?sizeLimit=0"))
                .contains("endpoint option 'sizeLimit': property 'sizeLimit' must be between 1 and 4294967296"
                        + " (4 GB) bytes, not 0");
    }

    @Test
    void anUnsupportedStorageFailsTheStartWithItsSecretMasked() {
        String failure = startFailure("kusto-export:csv?storage=RAW(https://bucket.s3.amazonaws.com/path;" + KEY + ")");
        assertThat(failure).contains("endpoint option 'storage' (https://bucket.s3.amazonaws.com/path;****) points at"
                + " Amazon S3").doesNotContain(KEY).doesNotContain("S3CR3T");
    }

    @Test
    void aBlobUrlWithoutACredentialFailsTheStart() {
        assertThat(startFailure("kusto-export:csv?storage=RAW(https://acct.blob.core.windows.net/exports)"))
                .contains("https://acct.blob.core.windows.net/exports").containsIgnoringCase("credential");
    }

    @Test
    void enumOptionsTakeTheirKustoSpellingsCaseInsensitively() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(route("kusto-export:parquet?includeHeaders=FIRSTFILE&distribution=per_node"
                    + "&encoding=utf8bom&compressionType=lz4_raw&parquetDatetimePrecision=microsecond"));
            context.start();
            KustoExportConfiguration options = context.getEndpoints().stream()
                    .filter(KustoExportEndpoint.class::isInstance).map(KustoExportEndpoint.class::cast).findFirst()
                    .orElseThrow().getConfiguration();
            assertThat(options.getIncludeHeaders()).isEqualTo(IncludeHeaders.FIRST_FILE);
            assertThat(options.getDistribution()).isEqualTo(Distribution.PER_NODE);
            assertThat(options.getEncoding()).isEqualTo(TextEncoding.UTF8_BOM);
            assertThat(options.getCompressionType()).isEqualTo(CompressionType.LZ4_RAW);
            assertThat(options.getParquetDatetimePrecision()).isEqualTo(DatetimePrecision.MICROSECOND);
        }
    }

    /** Every message of the failure's cause chain, one per line. */
    private static String startFailure(String uri) {
        List<String> messages = new ArrayList<>();
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(route(uri));
            Throwable failure = catchThrowable(context::start);
            assertThat(failure).as("start of a route to " + uri).isNotNull();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                messages.add(String.valueOf(t.getMessage()));
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return String.join("\n", messages);
    }

    private static RouteBuilder route(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(uri);
            }
        };
    }
}

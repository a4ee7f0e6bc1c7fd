package io.github.camelkusto.export;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelkusto.kql.data.ResultTable;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The artifact table after an export, in the shapes routes use: split rows, a List of maps, JSON, csv text. */
class ResultTableConvertersRouteTest extends CamelTestSupport {
    /** Five records, one artifact each (sizeLimit=1 rolls after every record). */
    private static final String EXPORT = "kusto-export:csv?distribution=single&sizeLimit=1&query=RAW(range x from 1"
            + " to 5 step 1)&storage=RAW(";

    @TempDir
    Path exports;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:split").to(EXPORT + exports + ")").split(body()).streaming().to("mock:artifact");
                from("direct:list").to(EXPORT + exports + ")").convertBodyTo(List.class);
                from("direct:json").to(EXPORT + exports + ")").marshal().json();
                from("direct:table").to(EXPORT + exports + ")");
            }
        };
    }

    @Test
    void splitBodyStreamsOneMessagePerArtifactRow() throws Exception {
        MockEndpoint artifacts = getMockEndpoint("mock:artifact");
        artifacts.expectedMessageCount(5);
        template.sendBody("direct:split", null);
        artifacts.assertIsSatisfied();
        @SuppressWarnings("unchecked")
        Map<String, Object> first = artifacts.getExchanges().get(0).getMessage().getBody(Map.class);
        assertThat(first).containsOnlyKeys("Path", "NumRecords", "SizeInBytes");
        assertThat(first.get("NumRecords")).isEqualTo(1L);
        assertThat(Path.of((String) first.get("Path"))).exists();
    }

    @Test
    void convertBodyToListGivesRowsAsMapsByColumnName() {
        List<?> rows = template.requestBody("direct:list", null, List.class);
        assertThat(rows).hasSize(5).allSatisfy(row -> assertThat(asMap(row))
                .containsOnlyKeys("Path", "NumRecords", "SizeInBytes").containsEntry("NumRecords", 1L));
    }

    @Test
    void marshalJsonWritesAnArrayOfRowObjects() throws Exception {
        String json = template.requestBody("direct:json", null, String.class);
        JsonNode rows = new ObjectMapper().readTree(json);
        assertThat(rows.isArray()).isTrue();
        assertThat(rows).hasSize(5).allSatisfy(row -> {
            assertThat(row.get("NumRecords").asLong()).isEqualTo(1);
            assertThat(row.get("Path").asText()).endsWith(".csv");
        });
    }

    @Test
    void asStringOrInputStreamTheTableIsCsvWithAHeaderLine() throws Exception {
        ResultTable table = template.requestBody("direct:table", null, ResultTable.class);
        String csv = context.getTypeConverter().mandatoryConvertTo(String.class, table);
        assertThat(csv).startsWith("Path,NumRecords,SizeInBytes\n").isEqualTo(table.toCsv());
        assertThat(csv.lines()).hasSize(6);
        try (InputStream in = context.getTypeConverter().mandatoryConvertTo(InputStream.class, table)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(csv);
        }
    }

    @Test
    void asAnIteratorTheTableGivesItsRowsAsMaps() throws Exception {
        ResultTable table = template.requestBody("direct:table", null, ResultTable.class);
        Iterator<?> rows = context.getTypeConverter().mandatoryConvertTo(Iterator.class, table);
        List<Object> seen = new ArrayList<>();
        rows.forEachRemaining(seen::add);
        assertThat(seen).hasSize(5).isEqualTo(List.copyOf(table.toMaps()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object row) {
        return (Map<String, Object>) row;
    }
}

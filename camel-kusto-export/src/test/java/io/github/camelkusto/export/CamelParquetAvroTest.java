package io.github.camelkusto.export;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.testkit.DuckDb;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dataFormat=parquetAvro: camel-parquet-avro writes each batch, given as Avro GenericRecords, as a parquet file that
 * DuckDB reads back typed. camel-parquet-avro needs Hadoop: this test runs in a surefire execution of its own, the
 * only one with Hadoop on the class path (see the pom).
 */
class CamelParquetAvroTest extends CamelTestSupport {
    @TempDir
    Path folder;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:parquet").toD("kusto-export:parquet?dataFormat=parquetAvro&batchSize=1000"
                        + "&distribution=single&namePrefix=p&storage=RAW(" + folder + ")");
            }
        };
    }

    private static String sql(Path file) {
        return "'" + file.toString().replace("'", "''") + "'";
    }

    @Test
    void camelParquetAvroWritesEachBatchAsAParquetFileThatDuckDbReadsBackTyped() throws Exception {
        ResultTable result = template.requestBody("direct:parquet", CamelDataFormatsTest.TYPED, ResultTable.class);

        assertThat(result.rows()).extracting(row -> row.get(1)).containsExactly(1000L, 1000L, 1000L);
        long l = 0;
        for (int row = 0; row < result.rowCount(); row++) {
            Path file = Path.of((String) result.value(row, "Path"));
            assertThat(file.getFileName().toString()).matches("p_" + (row + 1) + "_[0-9a-f]{32}\\.parquet");
            assertThat(Files.size(file)).isEqualTo(result.value(row, "SizeInBytes"));
            String read = "read_parquet(" + sql(file) + ")";
            assertThat(DuckDb.query("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM " + read + ")"))
                    .containsExactly(List.of("B", "BOOLEAN"), List.of("I", "INTEGER"), List.of("L", "BIGINT"),
                            List.of("R", "DOUBLE"), List.of("D", "DECIMAL(38,18)"), List.of("S", "VARCHAR"),
                            List.of("T", "TIMESTAMP WITH TIME ZONE"), List.of("Span", "BIGINT"),
                            List.of("G", "VARCHAR"), List.of("Dyn", "VARCHAR"));
            for (List<Object> values : DuckDb.query("SELECT B, I, L, R, D, S, epoch_us(T), Span, G,"
                    + " json_extract(Dyn, '$.id')::BIGINT FROM " + read)) {
                assertThat(values.get(0)).isEqualTo(l % 2 == 0);
                assertThat(values.get(1)).isEqualTo((int) l);
                assertThat(values.get(2)).isEqualTo(l);
                assertThat(values.get(3)).isEqualTo(l * 0.5);
                assertThat((BigDecimal) values.get(4))
                        .isEqualByComparingTo(BigDecimal.valueOf(l).divide(BigDecimal.valueOf(4)));
                assertThat(values.get(5)).isEqualTo("word, \"" + l + "\"");
                assertThat(values.get(6)).isEqualTo(1704164645_123456L + l * 1_000_000);
                assertThat(values.get(7)).isEqualTo(l * 10_000_000 + 1);
                assertThat(values.get(8)).isEqualTo(CamelDataFormatsTest.KEY.toString());
                assertThat(values.get(9)).isEqualTo(l);
                l++;
            }
        }
        assertThat(l).isEqualTo(3000);
    }
}

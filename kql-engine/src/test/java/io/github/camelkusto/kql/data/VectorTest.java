package io.github.camelkusto.kql.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.NullNode;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;
import org.junit.jupiter.api.Test;

class VectorTest {

    @Test
    void batchValuesBoxToTheContractTypes() {
        Schema schema = Schema.of(new Column("b", KqlType.BOOL), new Column("i", KqlType.INT),
                new Column("t", KqlType.DATETIME), new Column("s", KqlType.TIMESPAN), new Column("g", KqlType.GUID),
                new Column("d", KqlType.DYNAMIC));
        Instant t = Instant.parse("2020-01-01T00:00:00.1234567Z");
        UUID g = UUID.randomUUID();
        Batch batch = Batch.builder(schema).addRow(true, 5, t, Duration.ofMillis(1500), g, NullNode.instance)
                .addRow(null, null, null, null, null, null).build();
        assertThat(batch.value(0, 0)).isEqualTo(Boolean.TRUE);
        assertThat(batch.value(1, 0)).isEqualTo(5);
        assertThat(batch.value(2, 0)).isEqualTo(t);
        assertThat(batch.value(3, 0)).isEqualTo(Duration.ofMillis(1500));
        assertThat(batch.value(4, 0)).isEqualTo(g);
        assertThat(batch.value(5, 0)).isEqualTo(NullNode.instance);
        for (int c = 0; c < schema.size(); c++) {
            assertThat(batch.value(c, 1)).as(schema.column(c).name()).isNull();
        }
    }

    @Test
    void datetimesKeepKustos100NanosecondTicks() {
        LongVector v = (LongVector) Batch.builder(Schema.of(new Column("t", KqlType.DATETIME)))
                .addRow(Instant.parse("1970-01-01T00:00:01.0000001Z")).build().column(0);
        assertThat(v.getLong(0)).isEqualTo(10_000_001L);
    }

    @Test
    void aConstantVectorStoresOneValueForEveryRow() {
        Vector five = Vector.constant(KqlType.LONG, 5L, 1000);
        assertThat(five.isConstant()).isTrue();
        assertThat(((LongVector) five).values()).hasSize(1);
        assertThat(five.getLong(999)).isEqualTo(5L);
        assertThat(five.select(new int[] {3, 7}, 2).box(1)).isEqualTo(5L);
    }

    @Test
    void selectionCopiesRowsAndTheirNulls() {
        Vector v = new LongVector(KqlType.LONG, new long[] {1, 2, 3}, new boolean[] {false, true, false}, 3);
        Vector picked = v.select(new int[] {2, 1}, 2);
        assertThat(picked.box(0)).isEqualTo(3L);
        assertThat(picked.isNull(1)).isTrue();
        assertThat(v.select(new int[] {0, 2}, 2).hasNulls()).isFalse();
    }

    @Test
    void dynamicValuesRenderAsCompactJson() throws Exception {
        assertThat(KqlValues.render(KqlValues.parseDynamic("{ \"a\" : [1, 2.5, \"x\"] }"))).isEqualTo("{\"a\":[1,2.5,\"x\"]}");
    }
}

package io.github.camelkusto.kql.catalog;

import java.util.List;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Extents of ingested rows, and the shared instances of repeated strings. */
class ExtentBuilderTest {
    private static final Schema SCHEMA = Schema.of(new Column("Level", KqlType.STRING),
            new Column("Id", KqlType.LONG));

    @Test
    void rowsAreCutIntoExtentsOfAtMostExtentRows() {
        ExtentBuilder builder = new ExtentBuilder(SCHEMA);
        for (long i = 0; i < ExtentBuilder.EXTENT_ROWS + 10; i++) {
            builder.add(new Object[] {"x", i});
        }

        List<Batch> extents = builder.extents();
        assertThat(extents).extracting(Batch::rowCount).containsExactly(ExtentBuilder.EXTENT_ROWS, 10);
        assertThat(builder.rowCount()).isEqualTo(ExtentBuilder.EXTENT_ROWS + 10L);
    }

    @Test
    void equalStringsOfALowCardinalityColumnShareOneInstance() {
        ExtentBuilder builder = new ExtentBuilder(SCHEMA);
        builder.add(new Object[] {new String("Error"), 1L});
        builder.add(new Object[] {new String("Error"), 2L});

        Batch extent = builder.extents().get(0);
        assertThat(extent.value(0, 0)).isEqualTo("Error").isSameAs(extent.value(0, 1));
    }

    @Test
    void aColumnWithManyDistinctValuesIsStoredAsItComesButKeepsItsValues() {
        ExtentBuilder builder = new ExtentBuilder(SCHEMA);
        int rows = ExtentBuilder.DICTIONARY_LIMIT + 100;
        for (int i = 0; i < rows; i++) {
            builder.add(new Object[] {"message " + i, (long) i});
        }
        builder.add(new Object[] {new String("message 1"), -1L});

        Batch extent = builder.extents().get(0);
        assertThat(extent.value(0, rows)).isEqualTo("message 1").isNotSameAs(extent.value(0, 1));
        assertThat(extent.value(0, rows - 1)).isEqualTo("message " + (rows - 1));
    }
}

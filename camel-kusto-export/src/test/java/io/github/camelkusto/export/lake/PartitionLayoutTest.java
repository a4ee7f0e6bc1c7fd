package io.github.camelkusto.export.lake;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.camelkusto.export.command.CommandParser;
import io.github.camelkusto.export.command.ExportFormat;
import io.github.camelkusto.export.command.ExportOptions;
import io.github.camelkusto.export.command.ExternalTableCommand;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The partition values a folder of an external table holds, read back as the table's layout writes them. */
class PartitionLayoutTest {
    private static PartitionLayout layout(String partitions) {
        String command = ".create external table T (Timestamp:datetime, Tenant:string, Region:string, Id:long)"
                + " kind=storage partition by (" + partitions + " dataformat=csv ('/tmp/lake')";
        ExternalTableCommand parsed = (ExternalTableCommand) CommandParser.parse(command,
                new ExportOptions(ExportFormat.CSV, false, false, List.of(), Map.of()));
        return new PartitionLayout(parsed.definition().orElseThrow());
    }

    @Test
    void aHiveFolderGivesEachValueWithItsEscapesUndone() {
        Object[][] values = layout("Day:datetime = bin(Timestamp, 1d), Customer:string = Tenant,"
                + " Bucket:long = hash(Id, 4))").values("Day=2024-03-01/Customer=t%2F1/Bucket=3").orElseThrow();

        assertThat(values[0]).containsExactly(Instant.parse("2024-03-01T00:00:00Z"),
                Instant.parse("2024-03-01T23:59:59.999999999Z")); // a date stands for its whole day
        assertThat(values[1]).containsExactly("t/1", "t/1");
        assertThat(values[2]).containsExactly(3L, 3L);
    }

    @Test
    void aCoarseDatetimePatternStandsForAllTheDaysItHolds() {
        Object[][] values = layout("Day:datetime = bin(Timestamp, 1d)) pathformat=(\"events/\""
                + " datetime_pattern(\"yyyy/MM\", Day))").values("events/2024/02").orElseThrow();

        assertThat(values[0]).containsExactly(Instant.parse("2024-02-01T00:00:00Z"),
                Instant.parse("2024-02-29T23:59:59.999999999Z"));
    }

    @Test
    void twoValuesOfFreeLengthInOneFolderNameAreNotGuessed() {
        PartitionLayout layout = layout("Customer:string = Tenant, Area:string = Region) pathformat=(Customer \"-\""
                + " Area)");

        assertThat(layout.values("a-b-c").orElseThrow()).isDeepEqualTo(new Object[][] {{null, null}, {null, null}});
    }

    @Test
    void aFolderOfAnotherLayoutHasNoValues() {
        assertThat(layout("Customer:string = Tenant)").values("other/folder")).isEmpty();
        assertThat(layout("Day:datetime = startofday(Timestamp))").values("Day=yesterday")).isEmpty();
    }
}

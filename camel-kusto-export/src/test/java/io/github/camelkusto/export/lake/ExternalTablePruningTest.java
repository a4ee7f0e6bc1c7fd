package io.github.camelkusto.export.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.camelkusto.export.KustoExportComponent;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.testkit.DuckDb;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Partition pruning of {@code external_table('T') | where ...}: a file in a partition the where rules out is never
 * opened. Each test puts an unreadable file (one field where the table has three) in such a partition: read, it
 * would fail the query; the same query without the where shows that it does.
 */
class ExternalTablePruningTest {
    /** 96 hourly events over four days (2024-03-01 to 03-04), three tenants, ids 1..96. */
    private static final String EVENTS = "range i from 1 to 96 step 1"
            + " | project Timestamp = datetime(2024-03-01) + (i - 1) * 1h, Tenant = strcat('t', i % 3), Id = i";

    @TempDir
    Path lake;
    @TempDir
    Path checks;

    private CamelContext context;
    private ProducerTemplate template;

    @BeforeEach
    void start() throws Exception {
        context = new DefaultCamelContext();
        context.addComponent("kusto-export", new KustoExportComponent());
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private ResultTable run(String command) {
        return template.requestBody("kusto-export:csv", command, ResultTable.class);
    }

    /** The rows of a query, exported to csv and read back by DuckDB. */
    private List<List<Object>> query(String query) throws Exception {
        Path check = Files.createTempDirectory(checks, "q");
        run(".export to csv ('" + check + "') with (distributed=false) <| " + query);
        return DuckDb.query("SELECT * FROM read_csv('" + check + "/*.csv', header=false)");
    }

    private void createEvents(String partitions, String pathFormat) {
        run(".create external table Events (Timestamp:datetime, Tenant:string, Id:long) kind=storage"
                + " partition by (" + partitions + ")" + pathFormat + " dataformat=csv ('" + lake + "')");
        run(".export to table Events <| " + EVENTS);
    }

    private void corrupt(String folder) throws IOException {
        Path file = lake.resolve(folder).resolve("unreadable.csv");
        assertThat(file.getParent()).as("an exported partition").isDirectory();
        Files.writeString(file, "one field only\n");
    }

    private void assertAQueryReadingEveryFileFails() {
        assertThatThrownBy(() -> query("external_table('Events') | count")).rootCause()
                .hasMessageContaining("unreadable.csv");
    }

    @Test
    void aRangeOnTheColumnOfADayPartitionSkipsTheOtherDays() throws Exception {
        createEvents("Day:datetime = bin(Timestamp, 1d)", "");
        corrupt("Day=2024-03-01");
        corrupt("Day=2024-03-04");
        assertAQueryReadingEveryFileFails();

        assertThat(query("external_table('Events') | where Timestamp >= datetime(2024-03-02)"
                + " and Timestamp < datetime(2024-03-04) | summarize count(), min(Id), max(Id)"))
                .containsExactly(List.of(48L, 25L, 72L));
        assertThat(query("external_table('Events') | where Timestamp between (datetime(2024-03-02 06:00)"
                + " .. datetime(2024-03-03 06:00)) | count")).containsExactly(List.of(25L));
    }

    @Test
    void equalityAndInOnAStringPartitionReadOnlyThoseTenants() throws Exception {
        createEvents("Customer:string = Tenant", "");
        corrupt("Customer=t2");
        assertAQueryReadingEveryFileFails();

        assertThat(query("external_table('Events') | where Tenant == 't0' | count")).containsExactly(List.of(32L));
        assertThat(query("external_table('Events') | where Tenant in ('t0', 't1') | summarize count() by Tenant"
                + " | order by Tenant asc")).containsExactly(List.of("t0", 32L), List.of("t1", 32L));
    }

    @Test
    void anIdReadsOnlyTheHashPartitionItFallsIn() throws Exception {
        createEvents("Bucket:long = hash(Id, 4)", "");
        long bucket = (long) query("print hash(5, 4)").get(0).get(0);
        for (long other = 0; other < 4; other++) {
            if (other != bucket) {
                corrupt("Bucket=" + other);
            }
        }
        assertAQueryReadingEveryFileFails();

        assertThat(query("external_table('Events') | where Id == 5 | project Tenant, Id"))
                .containsExactly(List.of("t2", 5L));
    }

    @Test
    void aPathFormatsFoldersAreReadBackForPruning() throws Exception {
        createEvents("Day:datetime = startofday(Timestamp), Customer:string = Tenant",
                " pathformat=(\"events/\" datetime_pattern(\"yyyy/MM/dd\", Day) \"/tenant-\" Customer)");
        corrupt("events/2024/03/01/tenant-t1");
        corrupt("events/2024/03/02/tenant-t0");
        assertAQueryReadingEveryFileFails();

        assertThat(query("external_table('Events') | where Timestamp >= datetime(2024-03-02) and Tenant == 't1'"
                + " | count")).containsExactly(List.of(24L));
    }

    @Test
    void aFolderOfAWholeMonthIsReadForAnyDayInIt() throws Exception {
        // Day partitions written to month folders: a folder holds a month of days, so no day in it is pruned.
        createEvents("Day:datetime = bin(Timestamp, 1d)", " pathformat=(datetime_pattern(\"yyyy/MM\", Day))");
        run(".export to table Events <| " + EVENTS + " | extend Timestamp = Timestamp + 31d");
        corrupt("2024/04");

        assertThat(query("external_table('Events') | where Timestamp between (datetime(2024-03-03)"
                + " .. datetime(2024-03-03 23:00)) | count")).containsExactly(List.of(24L));
        assertThatThrownBy(() -> query("external_table('Events') | where Timestamp == datetime(2024-04-02 05:00)"
                + " | count")).rootCause().hasMessageContaining("unreadable.csv");
    }

    @Test
    void aWhereOnOtherColumnsReadsEveryPartition() throws Exception {
        createEvents("Customer:string = Tenant", "");
        corrupt("Customer=t2");

        assertThatThrownBy(() -> query("external_table('Events') | where Id < 4 or Tenant == 't0' | count"))
                .rootCause().hasMessageContaining("unreadable.csv");
    }
}

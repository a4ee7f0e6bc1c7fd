package io.github.camelkusto.kql.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelkusto.kql.Kql;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * top N straight over a stored table (300,000 rows in five extents) reads the extent with the best first key
 * first and skips the extents whose kept min/max cannot make the cut; each extent's candidates come from its
 * kept best rows. Whatever the key's shape, the rows are those the full stable sort gives first.
 */
class TopOverStoredExtentsTest {
    private static final KustoDatabase DATABASE = new KustoDatabase("top");
    private static final Kql KQL = new Kql(DATABASE);

    @BeforeAll
    static void load() {
        Kql.load(DATABASE, ".set-or-replace T <| range i from 0 to 299999 step 1"
                + " | extend ts = datetime(2026-01-01) + i * 1s, tied = i % 1000, spread = (i * 7919) % 5003,"
                + " peak = iif(i == 150000, 5000, i % 1000), same = 7,"
                + " withNulls = iif(i % 9999 == 0, long(null), i % 77), name = strcat('n', i % 13)");
    }

    @ParameterizedTest(name = "top {1} by {0}")
    @CsvSource(delimiter = ';', value = {
        "ts desc; 3", "ts asc; 3", "i desc; 10", "peak desc; 5", "peak desc, i asc; 5", "tied desc; 10",
        "tied asc; 10", "spread desc; 10", "spread asc; 1", "same desc; 5", "withNulls desc; 10",
        "withNulls asc nulls first; 10",
        "tied desc, i desc; 10", "tied desc, spread asc; 10", "same asc, ts desc; 4", "name asc; 10",
        "tied desc; 1500", "ts desc; 40000"})
    void givesTheRowsTheStableSortGivesFirst(String keys, int n) {
        assertThat(KQL.rows("T | top " + n + " by " + keys))
                .hasSize(n)
                .isEqualTo(KQL.rows("T | sort by " + keys + " | take " + n));
    }

    @ParameterizedTest(name = "top {1} by {0}")
    @CsvSource(delimiter = ';', value = {"ts desc; 3", "tied desc; 5", "spread asc; 10"})
    void givesTheSameRowsFromTheSecondQueryOn(String keys, int n) {
        // the first query computes each extent's kept min/max and best rows, the next ones read them
        String top = "T | top " + n + " by " + keys;
        assertThat(KQL.rows(top)).isEqualTo(KQL.rows(top)).isEqualTo(KQL.rows("T | sort by " + keys + " | take " + n));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "T | where i % 2 == 0 | top 10 by tied desc", "T | extend k = -i | top 10 by k desc",
        "T | top 10 by i % 1000 desc", "T | project i, tied | top 10 by tied desc"})
    void aKeyOrInputTheExtentsDoNotHoldIsReadInFull(String top) {
        String sorted = top.replace("| top 10 by", "| sort by") + " | take 10";
        assertThat(KQL.rows(top)).hasSize(10).isEqualTo(KQL.rows(sorted));
    }
}

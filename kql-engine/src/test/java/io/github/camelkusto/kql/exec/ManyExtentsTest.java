package io.github.camelkusto.kql.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelkusto.kql.Kql;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Queries over a stored table of several extents (300,000 rows, 65,536 per extent), which the engine reads on
 * every core: the results are those of a serial read (top keeps the first of tied rows, summarize sees the rows
 * in table order, dcount counts exactly).
 */
class ManyExtentsTest {
    private static final KustoDatabase DATABASE = new KustoDatabase("extents");
    private static final Kql KQL = new Kql(DATABASE);

    @BeforeAll
    static void load() {
        Kql.load(DATABASE,
                ".set-or-replace T <| range i from 0 to 299999 step 1 | extend v = iif(i == 299998, 5000, i % 1000)");
    }

    @Test
    void topKeepsTheFirstOfRowsTiedInEveryExtent() {
        assertThat(KQL.rows("T | top 5 by v desc | project i, v"))
                .containsExactly("299998, 5000", "999, 999", "1999, 999", "2999, 999", "3999, 999");
        assertThat(KQL.rows("T | top 3 by v asc | project i")).containsExactly("0", "1000", "2000");
    }

    @Test
    void topWithASecondKeyBreaksTiesOfTheFirst() {
        assertThat(KQL.rows("T | top 3 by v desc, i desc | project i"))
                .containsExactly("299998", "299999", "298999");
    }

    @Test
    void dcountOfLongsCountsZeroAndNegativesAndSkipsNulls() {
        String values = "T | extend x = iif(i % 7 == 0, long(null), (i % 1000) - 500), g = i % 3";
        assertThat(KQL.rows(values + " | summarize d = dcount(x) by g | order by g asc"))
                .isEqualTo(KQL.rows(values + " | where isnotnull(x) | distinct g, x | summarize d = count() by g"
                        + " | order by g asc"))
                .hasSize(3);
        assertThat(KQL.rows("T | summarize d = dcount(i % 2 - 1)")).containsExactly("2");
    }

    @Test
    void summarizeSeesTheRowsInTableOrder() {
        assertThat(KQL.rows("T | summarize firstI = take_any(i), l = make_list(i) by g = i % 2"
                + " | project g, firstI, ordered = tostring(l) == tostring(array_sort_asc(l))"))
                .containsExactly("0, 0, true", "1, 1, true");
    }

    @Test
    void countAfterAFilterCountsEveryExtent() {
        assertThat(KQL.rows("T | where i % 5 == 0 and v >= 0 | count")).containsExactly("60000");
    }
}

package io.github.camelkusto.kql.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.github.camelkusto.kql.Kql;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.control.TableCommandParser;
import io.github.camelkusto.kql.control.TableCommandRunner;
import io.github.camelkusto.kql.syntax.SourceText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A summarize whose aggregates merge partial states reads a table of several extents on every core, each thread
 * into states of its own, then merges them: its result is the serial one, groups in order of their first row
 * included. The serial reference is the same summarize after {@code order by i asc}, whose output is one
 * partition that a summarize reads on one thread.
 */
class ParallelSummarizeTest {
    private static final KustoDatabase DATABASE = new KustoDatabase("parallel");
    private static final Kql KQL = new Kql(DATABASE);

    /** Every mergeable aggregate, over columns with nulls. */
    private static final String AGGREGATES = "n = count(), ni = countif(x > 0), s = sum(x), si = sumif(x, i % 2 == 0),"
            + " a = avg(x), ai = avgif(x, i % 3 == 0), lo = min(x), hi = max(x), rlo = min(r), rhi = max(r),"
            + " tlo = min(t), thi = max(t), d = dcount(x), ds = dcount(s), di = dcountif(x, i % 2 == 1),"
            + " cd = count_distinct(i % 20000)";

    @BeforeAll
    static void load() {
        // 300,000 rows in extents of 65,536; x, r and s are null in some rows, and all null where i % 13 == 0
        new TableCommandRunner(DATABASE, new QueryEngine(DATABASE)).run(TableCommandParser.parse(new SourceText(
                ".set-or-replace T <| range i from 0 to 299999 step 1"
                        + " | extend x = iif(i % 7 == 0 or i % 13 == 0, long(null), (i % 1000) - 500),"
                        + " r = iif(i % 5 == 0 or i % 13 == 0, real(null), (i % 977) / 3.0),"
                        + " s = iif(i % 13 == 0, '', strcat('s', i % 300)),"
                        + " t = datetime(2026-01-01) + i * 1s")));
    }

    private static void assertParallelEqualsSerial(String source, String summarize) {
        List<String> parallel = KQL.rows(source + " | summarize " + summarize);
        List<String> serial = KQL.rows(source + " | order by i asc | summarize " + summarize);
        assertThat(parallel).isEqualTo(serial).isNotEmpty();
    }

    @Test
    void everyMergeableAggregateByALongKeyEqualsTheSerialResult() {
        assertParallelEqualsSerial("T", AGGREGATES + " by g = i % 10");
    }

    @Test
    void negativeLargeAndSmallLongKeysTogetherEqualTheSerialResult() {
        assertParallelEqualsSerial("T", AGGREGATES + " by g = case(i % 3 == 0, i % 10 - 5, i % 3 == 1, i % 10 * 100000,"
                + " i % 70000)");
    }

    @Test
    void groupsFirstMetInLaterExtentsKeepTheOrderOfTheirFirstRow() {
        assertParallelEqualsSerial("T", AGGREGATES + " by g = iif(i < 100000, i % 3, i % 7 + 10)");
    }

    @Test
    void aNullKeyAndGroupsWhoseValuesAreAllNullEqualTheSerialResult() {
        assertParallelEqualsSerial("T", AGGREGATES + " by g = iif(i % 11 == 0, long(null), i % 13)");
    }

    @Test
    void stringAndSeveralKeysEqualTheSerialResult() {
        assertParallelEqualsSerial("T", AGGREGATES + " by s");
        assertParallelEqualsSerial("T", AGGREGATES + " by g = i % 4, s");
    }

    @Test
    void summarizeWithoutByEqualsTheSerialResultAlsoOverNoRows() {
        assertParallelEqualsSerial("T", AGGREGATES);
        assertParallelEqualsSerial("T | where i < 0", AGGREGATES);
        assertThat(KQL.rows("T | where i < 0 | summarize n = count(), d = dcount(x), hi = max(x)"))
                .containsExactly("0, 0, null");
    }

    @Test
    void extentsLeftEmptyByAFilterEqualTheSerialResult() {
        assertParallelEqualsSerial("T | where i >= 140000 and i < 140100 or i >= 290000", AGGREGATES + " by g = i % 10");
    }

    @Test
    void dcountOfManyDistinctValuesPerGroupIsExact() {
        // 150,000 distinct values in each group: past the exact set, through the deduplicated buffers
        assertThat(KQL.rows("T | summarize d = dcount(i), dm = dcount(i % 70000), n = count() by g = i % 2"))
                .containsExactly("0, 150000, 35000, 150000", "1, 150000, 35000, 150000");
        assertParallelEqualsSerial("T", "d = dcount(i * 7919 % 100003), dz = dcount(i % 9000 - 4500) by g = i % 3");
    }

    @Test
    void aggregatesThatDoNotMergeStillSeeTheRowsInTableOrder() {
        assertThat(KQL.rows("T | summarize firstI = take_any(i), n = count() by g = i % 2"))
                .containsExactly("0, 0, 150000", "1, 1, 150000");
    }

    @Test
    void percentilesMergeIntoTheSerialResult() {
        String percentiles = "p = percentiles(x, 0, 50, 95), pr = percentile(r, 75), pt = percentiles_array(t, 10, 90)";
        assertParallelEqualsSerial("T", percentiles + " by g = i % 10");
        assertParallelEqualsSerial("T", percentiles + " by g = iif(i % 11 == 0, long(null), i % 13)");
        assertParallelEqualsSerial("T", percentiles);
    }
}

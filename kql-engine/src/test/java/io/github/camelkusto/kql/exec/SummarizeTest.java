package io.github.camelkusto.kql.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelkusto.kql.Kql;
import org.junit.jupiter.api.Test;

/** summarize and its aggregation functions, against what Kusto returns (shared/kql-conformance). */
class SummarizeTest {
    private final Kql kql = new Kql();

    @Test
    void aggregatesByKeyWithKustosNames() {
        String q = "datatable(k:long, v:long)[ 1,10, 1,20, 2,30, 2,30 ] | summarize sum(v), avg(v), min(v), max(v),"
                + " count(), countif(v>15), sumif(v, v>15), avgif(v, v>15) by k";
        assertThat(kql.schema(q)).isEqualTo("(k:long, sum_v:long, avg_v:real, min_v:long, max_v:long, count_:long,"
                + " countif_:long, sumif_v:long, avgif_v:real)");
        assertThat(kql.rows(q)).containsExactlyInAnyOrder("1, 30, 15, 10, 20, 2, 1, 20, 20",
                "2, 60, 30, 30, 30, 2, 2, 60, 30");
    }

    @Test
    void nullsAreSkippedButAGroupOfNullsSumsToZero() {
        String q = "datatable(k:long, v:long)[ 1,10, 1,20, 2,30, 2,30 ] | extend nv=iif(k==2, long(null), v)"
                + " | summarize s=sum(nv), av=avg(nv), mn=min(nv), mx=max(nv), c=count(), anyv=take_any(nv) by k";
        assertThat(kql.rows(q)).containsExactlyInAnyOrder("1, 30, 15, 10, 20, 2, 10", "2, 0, NaN, null, null, 2, null");
    }

    @Test
    void summarizeWithoutRowsOrByStillReturnsOneRow() {
        assertThat(kql.rows("datatable(x:long)[1, 2] | where x > 100 | summarize c = count(), s = sum(x),"
                + " l = make_list(x)")).containsExactly("0, 0, []"); // the summarize page: sum of no rows is 0
    }

    @Test
    void summarizeByWithoutRowsReturnsNoRow() {
        assertThat(kql.rows("datatable(x:long)[1] | where x > 100 | summarize count() by x")).isEmpty();
    }

    @Test
    void binGroupsByFixedSizeBuckets() {
        assertThat(kql.rows("datatable(x:long)[ 1,2,3,4,5,6 ] | summarize sum(x) by bin(x, 2)"))
                .containsExactlyInAnyOrder("0, 1", "2, 5", "4, 9", "6, 6");
        assertThat(kql.rows("datatable(t:datetime)[ datetime(2020-01-01 00:30:00), datetime(2020-01-01 01:15:00),"
                + " datetime(2020-01-01 01:45:00) ] | summarize count() by bin(t, 1h)"))
                .containsExactlyInAnyOrder("2020-01-01T00:00:00.0000000Z, 1", "2020-01-01T01:00:00.0000000Z, 2");
    }

    @Test
    void severalKeysOfMixedTypes() {
        assertThat(kql.rows("datatable(x:long, y:string)[ 1,'a', 1,'b', 1,'a', 2,'a' ] | summarize n = count() by x, y"))
                .containsExactlyInAnyOrder("1, a, 2", "1, b, 1", "2, a, 1");
    }

    @Test
    void argMaxReturnsTheColumnsOfTheBestRow() {
        assertThat(kql.rows("datatable(k:long, v:long, w:string)[ 1,10,'a', 1,20,'b', 2,30,'c' ]"
                + " | summarize arg_max(v, *) by k")).containsExactlyInAnyOrder("1, 20, b", "2, 30, c");
        assertThat(kql.rows("datatable(g:string, x:long)[ 'a',long(null) ] | summarize arg=arg_max(x, g) by g"))
                .containsExactly("a, null, a");
    }

    @Test
    void dcountMakeListMakeSet() {
        assertThat(kql.rows("datatable(i:long)[ 5,3,5,1 ] | summarize dcount(i), make_list(i), make_set(i)"))
                .containsExactly("3, [5,3,5,1], [5,3,1]");
    }

    @Test
    void stringKeysAndStringMinMax() {
        assertThat(kql.rows("datatable(g:string, s:string)[ 'x','b', 'x','a', 'y','c' ] | summarize min(s), max(s) by g"))
                .containsExactlyInAnyOrder("x, a, b", "y, c, c");
    }
}

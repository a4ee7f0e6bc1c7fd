package io.github.camelkusto.kql.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelkusto.kql.Kql;
import org.junit.jupiter.api.Test;

/** Each tabular operator of the engine, executed. */
class OperatorsTest {
    private final Kql kql = new Kql();
    private static final String T = "datatable(k:string, v:long)['a', 1, 'b', 2, 'a', 3, 'c', long(null)] ";

    @Test
    void whereKeepsRowsWhosePredicateIsTrueAndDropsNulls() {
        assertThat(kql.rows(T + "| where v >= 2")).containsExactly("b, 2", "a, 3");
        // as in Kusto, == and != are never null: null != 1 is true
        assertThat(kql.rows(T + "| where v != 1")).containsExactly("b, 2", "a, 3", "c, null");
    }

    @Test
    void projectComputesAndRenames() {
        assertThat(kql.rows(T + "| take 2 | project x = v * 10, k")).containsExactly("10, a", "20, b");
    }

    @Test
    void extendAppendsColumns() {
        assertThat(kql.rows(T + "| take 1 | extend w = strcat(k, '-', v), one = 1")).containsExactly("a, 1, a-1, 1");
    }

    @Test
    void projectAwayRenameReorderAndKeep() {
        String base = "datatable(a:long, b:long, bc:long)[1, 2, 3] ";
        assertThat(kql.schema(base + "| project-away b*")).isEqualTo("(a:long)");
        assertThat(kql.schema(base + "| project-rename x = a")).isEqualTo("(x:long, b:long, bc:long)");
        assertThat(kql.schema(base + "| project-reorder bc, a")).isEqualTo("(bc:long, a:long, b:long)");
        assertThat(kql.rows(base + "| project-keep bc, a")).containsExactly("1, 3");
    }

    @Test
    void takeStopsAfterItsRows() {
        assertThat(kql.rows(T + "| take 2")).hasSize(2);
        assertThat(kql.rows(T + "| limit 0")).isEmpty();
    }

    @Test
    void sortIsDescendingByDefaultWithNullsLast() {
        assertThat(kql.rows(T + "| sort by v | project v")).containsExactly("3", "2", "1", "null");
        assertThat(kql.rows(T + "| order by v asc | project v")).containsExactly("null", "1", "2", "3");
        assertThat(kql.rows(T + "| sort by v asc nulls last | project v")).containsExactly("1", "2", "3", "null");
        assertThat(kql.rows(T + "| sort by k asc, v desc")).containsExactly("a, 3", "a, 1", "b, 2", "c, null");
    }

    @Test
    void topTakesTheFirstRowsOfTheOrder() {
        assertThat(kql.rows(T + "| top 2 by v")).containsExactly("a, 3", "b, 2");
    }

    @Test
    void topOverManyPartitionsGivesTheRowsOfTheFullSortTiesInInputOrder() {
        // range is split into partitions read in parallel; the bounded heaps must agree with the stable sort
        String rows = "range i from 0 to 99999 step 1 | extend k = i % 7, s = strcat('x', i % 13) ";
        assertThat(kql.rows(rows + "| top 25 by k desc")).containsExactlyElementsOf(
                kql.rows(rows + "| sort by k desc | take 25"));
        assertThat(kql.rows(rows + "| top 30 by s asc, k desc")).containsExactlyElementsOf(
                kql.rows(rows + "| sort by s asc, k desc | take 30"));
        assertThat(kql.rows(rows + "| top 0 by k")).isEmpty();
    }

    @Test
    void topPlacesNullsAsTheSortDoes() {
        assertThat(kql.rows(T + "| top 2 by v asc | project v")).containsExactly("null", "1");
        assertThat(kql.rows(T + "| top 4 by v desc | project v")).containsExactly("3", "2", "1", "null");
        assertThat(kql.rows(T + "| top 10 by v asc nulls last | project v")).containsExactly("1", "2", "3", "null");
    }

    @Test
    void distinctKeepsOneRowPerCombination() {
        assertThat(kql.rows(T + "| distinct k")).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(kql.rows("datatable(a:long, b:long)[1, 1, 1, 1, 1, 2] | distinct *"))
                .containsExactlyInAnyOrder("1, 1", "1, 2");
    }

    @Test
    void countCountsRows() {
        assertThat(kql.schema(T + "| count")).isEqualTo("(Count:long)");
        assertThat(kql.rows(T + "| count")).containsExactly("4");
    }

    @Test
    void unionFillsMissingColumnsWithNulls() {
        assertThat(kql.rows("let A = datatable(x:long, y:string)[1, 'a']; let B = datatable(x:long, w:real)[2, 1.5];"
                + " A | union B")).containsExactly("1, a, null", "2, , 1.5");
    }

    @Test
    void unionWithSourceNamesEachInput() {
        assertThat(kql.rows("let A = datatable(x:long)[1]; let B = datatable(x:long)[2];"
                + " union withsource=src A, B")).containsExactly("union_arg0, 1", "union_arg1, 2");
    }

    @Test
    void innerUnionKeepsCommonColumns() {
        assertThat(kql.schema("datatable(x:long, y:long)[] | union kind=inner (datatable(x:long, z:long)[])"))
                .isEqualTo("(x:long)");
    }

    @Test
    void asNamesTheInputForLaterUse() {
        assertThat(kql.rows("datatable(x:long)[1, 2] | as X | union (X | where x > 1)")).containsExactly("1", "2", "2");
    }

    @Test
    void serializeNumbersRowsInOrder() {
        assertThat(kql.rows("range x from 5 to 1 step -1 | serialize n = row_number()"))
                .containsExactly("5, 1", "4, 2", "3, 3", "2, 4", "1, 5");
        assertThat(kql.rows(T + "| sort by v asc | extend rn = row_number(0) | project rn"))
                .containsExactly("0", "1", "2", "3");
    }

    @Test
    void rangeCountsByItsStep() {
        assertThat(kql.rows("range x from 1 to 10 step 4")).containsExactly("1", "5", "9");
        assertThat(kql.rows("range x from 1 to 0 step 1")).isEmpty();
        assertThat(kql.rows("range t from datetime(2020-01-01) to datetime(2020-01-02) step 12h"))
                .containsExactly("2020-01-01T00:00:00.0000000Z", "2020-01-01T12:00:00.0000000Z",
                        "2020-01-02T00:00:00.0000000Z");
    }

    @Test
    void printEvaluatesOneRow() {
        assertThat(kql.rows("print 1 + 2, s = strcat('a', 'b')")).containsExactly("3, ab");
    }

    @Test
    void letBindsScalarsAndTables() {
        assertThat(kql.rows("let lim = 2; let T = range x from 1 to 5 step 1; T | where x <= lim"))
                .containsExactly("1", "2");
    }

    @Test
    void joinOfATableWithItselfPairsEqualKeysAndSuffixesTheRightColumns() {
        assertThat(kql.rows("let A = datatable(x:long)[1, 2]; A | join (A) on x | order by x asc"))
                .containsExactly("1, 1", "2, 2");
    }
}

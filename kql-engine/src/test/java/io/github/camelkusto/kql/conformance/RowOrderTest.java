package io.github.camelkusto.kql.conformance;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowOrderTest {

    @Test
    void aSortingOperatorFixesTheOrder() {
        assertThat(RowOrder.matters("datatable(x:long)[2,1] | sort by x")).isTrue();
        assertThat(RowOrder.matters("datatable(x:long)[2,1] | order by x asc | take 1")).isTrue();
        assertThat(RowOrder.matters("datatable(x:long)[2,1] | top 1 by x")).isTrue();
        assertThat(RowOrder.matters("datatable(x:long)[2,1] | serialize | extend r=row_number()")).isTrue();
    }

    @Test
    void withoutOneTheRowsAreAMultiset() {
        assertThat(RowOrder.matters("datatable(x:long)[2,1] | where x > 0")).isFalse();
        assertThat(RowOrder.matters("range x from 1 to 3 step 1")).isFalse();
    }

    @Test
    void anOperatorThatRegroupsRowsAfterTheSortUndoesIt() {
        assertThat(RowOrder.matters("datatable(x:long)[2,1] | sort by x | summarize count() by x")).isFalse();
        assertThat(RowOrder.matters("datatable(x:long)[2,1] | sort by x | distinct x")).isFalse();
        assertThat(RowOrder.matters("datatable(x:long)[2,1] | summarize count() by x | sort by x")).isTrue();
    }

    @Test
    void lookalikesDoNotCount() {
        assertThat(RowOrder.matters("datatable(g:string)[\"a\"] | top-hitters 1 of g")).isFalse();
        assertThat(RowOrder.matters("datatable(g:string)[\"a | sort by g\"] | where g != '| order by x'")).isFalse();
        assertThat(RowOrder.matters("datatable(sorted:long)[1] | project sorted")).isFalse();
    }
}

package io.github.camelkusto.kql.exec;

import static org.assertj.core.api.Assertions.assertThat;


import io.github.camelkusto.kql.Kql;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import org.junit.jupiter.api.Test;

/** How the hash join executes: partitions, batch sizes and the right side's fan-out. */
class JoinTest {
    private final Kql kql = new Kql();
    private static final String SMALL = "datatable(m:long, name:string)[0, 'zero', 1, 'one', 2, 'two']";

    @Test
    void aLeftSideJoinKeepsOnePartitionPerLeftPartition() {
        QueryResult left = kql.prepare("range x from 1 to 200000 step 1");
        QueryResult joined = kql.prepare("range x from 1 to 200000 step 1 | extend m = x % 3 | join kind=inner ("
                + SMALL + ") on m");
        assertThat(joined.partitions()).hasSize(left.partitions().size());
        assertThat(count(joined)).isEqualTo(200000);
    }

    @Test
    void rightOuterReadsTheLeftSideInOnePartitionAndEndsWithTheUnmatchedRightRows() {
        QueryResult joined = kql.prepare("range x from 1 to 200000 step 1 | extend m = x % 2 | join kind=rightouter ("
                + SMALL + ") on m");
        assertThat(joined.partitions()).hasSize(1);
        assertThat(kql.rows("range x from 1 to 200000 step 1 | extend m = x % 2 | join kind=rightouter (" + SMALL
                + ") on m | where isnull(x) | project m1, name")).containsExactly("2, two");
    }

    @Test
    void aKeyMatchingManyRightRowsIsEmittedInBatchesOfAtMostMaxRows() {
        QueryResult joined = kql.prepare("range x from 1 to 3 step 1 | extend k = 1 | join kind=inner "
                + "(range y from 1 to 10000 step 1 | extend k = 1) on k");
        long rows = 0;
        for (Partition p : joined.partitions()) {
            try (BatchStream s = p.open()) {
                for (Batch b = s.next(); b != null; b = s.next()) {
                    assertThat(b.rowCount()).isLessThanOrEqualTo(Batch.MAX_ROWS);
                    rows += b.rowCount();
                }
            }
        }
        assertThat(rows).isEqualTo(30000);
    }

    @Test
    void innerUniqueKeepsOneLeftRowPerKeyAcrossPartitions() {
        assertThat(kql.rows("range x from 1 to 200000 step 1 | extend m = x % 3 | join (" + SMALL
                + ") on m | summarize count()")).containsExactly("3");
    }

    private static long count(QueryResult result) {
        return Kql.values(result).size();
    }
}

package io.github.camelkusto.kql.functions.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** dcount's exact state for longs counts what a set of boxed longs counts, as a set, a buffer and merged. */
class DistinctLongsTest {

    /** {@code count} values from {@code [-range/2, range/2)}, zero included, into both sets. */
    private static DistinctLongs fill(Random random, int count, int range, Set<Long> expected) {
        DistinctLongs set = new DistinctLongs();
        for (int i = 0; i < count; i++) {
            long v = random.nextInt(range) - range / 2;
            set.add(v);
            expected.add(v);
        }
        return set;
    }

    @Test
    void countsLikeASetBelowAndAboveTheSetLimitAndThroughCompactions() {
        Random random = new Random(18);
        for (int range : new int[] {1, 3, DistinctLongs.SET_LIMIT, DistinctLongs.SET_LIMIT * 2, 100_000, 2_000_000}) {
            Set<Long> expected = new HashSet<>();
            DistinctLongs set = fill(random, 400_000, range, expected);
            assertThat(set.size()).as("range %d", range).isEqualTo(expected.size());
            set.add(0);
            set.add(Long.MIN_VALUE);
            expected.add(0L);
            expected.add(Long.MIN_VALUE);
            assertThat(set.size()).as("range %d, then more", range).isEqualTo(expected.size());
        }
    }

    @Test
    void mergedStatesCountTheUnionOfEverySetAndBufferPairing() {
        Random random = new Random(7);
        int[] sizes = {0, 10, DistinctLongs.SET_LIMIT * 3, DistinctLongs.CHUNK * 3};
        for (int left : sizes) {
            for (int right : sizes) {
                Set<Long> expected = new HashSet<>();
                DistinctLongs a = fill(random, left, 3 * DistinctLongs.CHUNK, expected);
                DistinctLongs b = fill(random, right, 3 * DistinctLongs.CHUNK, expected);
                a.addAll(b);
                assertThat(a.size()).as("%d + %d values", left, right).isEqualTo(expected.size());
            }
        }
    }
}

package io.github.camelkusto.kql.functions.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * dcount's exact state for longs counts what a set of boxed longs counts: as a set, as bitmaps (dense values), as a
 * buffer (sparse values, through compactions), after dense values turn sparse, and merged in every pairing.
 */
class DistinctLongsTest {
    /** Values one apart (dense: bitmaps) and a large odd number apart (sparse: the buffer). */
    private static final long[] SPREADS = {1, 1_000_003};

    /** {@code count} values {@code spread} times one of {@code [-range/2, range/2)}, zero included, into both. */
    private static void fill(DistinctLongs set, Set<Long> expected, Random random, int count, int range, long spread) {
        for (int i = 0; i < count; i++) {
            long v = (random.nextInt(range) - range / 2) * spread;
            set.add(v);
            expected.add(v);
        }
    }

    @Test
    void countsLikeASetBelowAndAboveTheSetLimitAndThroughCompactions() {
        Random random = new Random(18);
        for (long spread : SPREADS) {
            for (int range : new int[] {1, 3, DistinctLongs.SET_LIMIT, DistinctLongs.SET_LIMIT * 2, 100_000, 2_000_000}) {
                Set<Long> expected = new HashSet<>();
                DistinctLongs set = new DistinctLongs();
                fill(set, expected, random, 400_000, range, spread);
                assertThat(set.size()).as("range %d, spread %d", range, spread).isEqualTo(expected.size());
                set.add(0);
                set.add(Long.MIN_VALUE);
                set.add(Long.MAX_VALUE);
                expected.add(0L);
                expected.add(Long.MIN_VALUE);
                expected.add(Long.MAX_VALUE);
                assertThat(set.size()).as("range %d, spread %d, then more", range, spread).isEqualTo(expected.size());
            }
        }
    }

    @Test
    void denseValuesThatTurnSparseAreStillCountedExactly() {
        Random random = new Random(3);
        Set<Long> expected = new HashSet<>();
        DistinctLongs set = new DistinctLongs();
        fill(set, expected, random, 50_000, 30_000, 1);
        fill(set, expected, random, 300_000, 1_000_000_000, 7);
        fill(set, expected, random, 50_000, 30_000, 1);
        assertThat(set.size()).isEqualTo(expected.size());
    }

    @Test
    void mergedStatesCountTheUnionOfEverySetBitmapAndBufferPairing() {
        Random random = new Random(7);
        int[] sizes = {0, 10, DistinctLongs.SET_LIMIT * 3, DistinctLongs.CHUNK * 3};
        for (long leftSpread : SPREADS) {
            for (long rightSpread : SPREADS) {
                for (int left : sizes) {
                    for (int right : sizes) {
                        Set<Long> expected = new HashSet<>();
                        DistinctLongs a = new DistinctLongs();
                        DistinctLongs b = new DistinctLongs();
                        fill(a, expected, random, left, 3 * DistinctLongs.CHUNK, leftSpread);
                        fill(b, expected, random, right, 3 * DistinctLongs.CHUNK, rightSpread);
                        a.addAll(b);
                        assertThat(a.size()).as("%d values spread %d + %d spread %d", left, leftSpread, right,
                                rightSpread).isEqualTo(expected.size());
                    }
                }
            }
        }
    }

    @Test
    void mergedBitmapsTakeOverTheBlocksOnlyTheOtherHasAndStillCountLaterValues() {
        DistinctLongs a = new DistinctLongs();
        DistinctLongs b = new DistinctLongs();
        for (long v = 0; v < 200_000; v++) {
            a.add(v);
            b.add(1_000_000 + v); // blocks of its own
            b.add(v * 2); // and blocks a has too
        }
        a.addAll(b);
        assertThat(a.size()).isEqualTo(200_000 + 200_000 + 100_000);
        for (long v = 1_000_000; v < 1_300_000; v++) {
            a.add(v); // into a block taken over from b, and past it
        }
        assertThat(a.size()).isEqualTo(200_000 + 300_000 + 100_000);
    }
}

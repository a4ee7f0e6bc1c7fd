package io.github.camelkusto.kql.functions.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The values at the nearest ranks are those of the sorted values, whatever their number (chunks, histogram),
 * order (sorted, reversed, organ pipes, random), ties (one value only), extremes (the whole range of long), and
 * however the states merged; reals order as {@code Double.compare}.
 */
class RankedValuesTest {

    private static long[] shapes(Random random, int shape, int n) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (shape) {
                case 0 -> random.nextLong();
                case 1 -> random.nextInt(3);
                case 2 -> i;
                case 3 -> n - i;
                case 4 -> Math.min(i, n - i);
                case 5 -> 7;
                default -> i % 7 == 0 ? Long.MIN_VALUE : i % 5 == 0 ? Long.MAX_VALUE : random.nextInt(100) - 50;
            };
        }
        return v;
    }

    @Test
    void picksTheValuesSortingPicksForEveryShapeAndSize() {
        Random random = new Random(18);
        for (int n : new int[] {1, 2, 3, 47, 48, 49, 1000, 8191, 8192, 8193, 16_384, 16_385, 50_000, 200_000}) {
            for (int shape = 0; shape < 7; shape++) {
                long[] values = shapes(random, shape, n);
                long[] sorted = values.clone();
                Arrays.sort(sorted);
                RankedValues group = new RankedValues();
                for (long v : values) {
                    group.add(v);
                }
                int[] ranks = {1, Math.max(1, n / 100), (n + 1) / 2, Math.max(1, n * 95 / 100), n, n};
                long[] picked = group.atRanks(ranks);
                for (int r = 0; r < ranks.length; r++) {
                    assertThat(picked[r]).as("n %d, shape %d, rank %d", n, shape, ranks[r])
                            .isEqualTo(sorted[ranks[r] - 1]);
                }
            }
        }
    }

    @Test
    void mergedStatesHoldTheValuesOfBoth() {
        RankedValues left = new RankedValues();
        RankedValues right = new RankedValues();
        for (int i = 0; i < 30_000; i++) {
            (i % 3 == 0 ? left : right).add(29_999 - i);
        }
        left.addAll(right);
        assertThat(left.size()).isEqualTo(30_000);
        assertThat(left.atRanks(new int[] {1, 15_000, 30_000})).containsExactly(0, 14_999, 29_999);
    }

    @Test
    void realsOrderAsDoubleCompareAndComeBackUnchanged() {
        double[] reals = {Double.NEGATIVE_INFINITY, -Double.MAX_VALUE, -1.5, -Double.MIN_VALUE, -0.0, 0.0,
            Double.MIN_VALUE, 2.25, Double.MAX_VALUE, Double.POSITIVE_INFINITY};
        for (int i = 0; i < reals.length; i++) {
            assertThat(RankedValues.real(RankedValues.sortable(reals[i]))).isEqualTo(reals[i]);
            for (int j = 0; j < reals.length; j++) {
                assertThat(Long.signum(Long.compare(RankedValues.sortable(reals[i]), RankedValues.sortable(reals[j]))))
                        .as("%s vs %s", reals[i], reals[j]).isEqualTo(Integer.signum(Double.compare(reals[i], reals[j])));
            }
        }
    }
}

package io.github.camelkusto.kql.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import io.github.camelkusto.kql.types.KqlType;
import org.junit.jupiter.api.Test;

/** A long vector's kept best rows: the k largest (or smallest) values' positions, best first, ties by position. */
class LongVectorBestRowsTest {

    private static LongVector vector(long... values) {
        return new LongVector(KqlType.LONG, values, null, values.length);
    }

    @Test
    void largestFirstWithTiesGoingToTheEarlierRow() {
        assertThat(vector(5, 9, 1, 9, 7, 9).bestRows(4, true)).containsExactly(1, 3, 5, 4);
    }

    @Test
    void smallestFirstWithTiesGoingToTheEarlierRow() {
        assertThat(vector(5, 1, 1, 9, Long.MIN_VALUE, 1).bestRows(3, false)).containsExactly(4, 1, 2);
    }

    @Test
    void askingForMoreRowsThanThereAreGivesThemAll() {
        assertThat(vector(3, 1, 2).bestRows(10, true)).containsExactly(0, 2, 1);
    }

    @Test
    void aConstantVectorGivesItsFirstRows() {
        LongVector constant = (LongVector) Vector.constant(KqlType.LONG, 7L, 1000);
        assertThat(constant.bestRows(3, true)).containsExactly(0, 1, 2);
        assertThat(constant.bestRows(3, false)).containsExactly(0, 1, 2);
    }

    @Test
    void aLongerKeptAnswerServesAShorterQuestionAsItsPrefix() {
        LongVector v = vector(4, 8, 6, 2, 8);
        int[] five = v.bestRows(5, true);
        assertThat(v.bestRows(2, true)).isSameAs(five).startsWith(1, 4);
        assertThat(v.bestRows(2, false)).containsExactly(3, 0);
    }

    @Test
    void matchesAStableSortOfRandomValuesWithManyTies() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(3000);
            long[] values = random.longs(n, -20, 20).toArray();
            int k = 1 + random.nextInt(64);
            for (boolean largest : new boolean[] {true, false}) {
                Comparator<Integer> best = Comparator.comparingLong(i -> largest ? -values[i] : values[i]);
                int[] expected = IntStream.range(0, n).boxed().sorted(best).limit(k).mapToInt(i -> i).toArray();
                assertThat(vector(values.clone()).bestRows(k, largest)).as("n=%d k=%d largest=%s", n, k, largest)
                        .containsExactly(expected);
            }
        }
    }
}

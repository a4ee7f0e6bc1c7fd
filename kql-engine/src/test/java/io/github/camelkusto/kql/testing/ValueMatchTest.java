package io.github.camelkusto.kql.testing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.node.NullNode;
import org.junit.jupiter.api.Test;

import static io.github.camelkusto.kql.types.KqlType.DATETIME;
import static io.github.camelkusto.kql.types.KqlType.DYNAMIC;
import static io.github.camelkusto.kql.types.KqlType.INT;
import static io.github.camelkusto.kql.types.KqlType.LONG;
import static io.github.camelkusto.kql.types.KqlType.REAL;
import static io.github.camelkusto.kql.types.KqlType.STRING;
import static io.github.camelkusto.kql.types.KqlType.TIMESPAN;
import static org.assertj.core.api.Assertions.assertThat;

class ValueMatchTest {

    @Test
    void integersMatchByValueWhetherIntOrLongButNotAsReals() {
        assertThat(ValueMatch.matches(LONG, 5L, 5)).isTrue();
        assertThat(ValueMatch.matches(INT, 5, 5L)).isTrue();
        assertThat(ValueMatch.matches(LONG, 5L, 6L)).isFalse();
        assertThat(ValueMatch.matches(LONG, 5L, 5.0)).isFalse();
        assertThat(ValueMatch.matches(LONG, null, 0L)).isFalse();
        assertThat(ValueMatch.matches(LONG, null, null)).isTrue();
    }

    @Test
    void realsMatchWithinARelativeToleranceAndNanMatchesNan() {
        assertThat(ValueMatch.matches(REAL, 0.3, 0.1 + 0.2)).isTrue();
        assertThat(ValueMatch.matches(REAL, 1.6666666667, 5.0 / 3)).isTrue();
        assertThat(ValueMatch.matches(REAL, 1.5, 1.5000001)).isFalse();
        assertThat(ValueMatch.matches(REAL, Double.NaN, Double.NaN)).isTrue();
        assertThat(ValueMatch.matches(REAL, Double.NaN, 0.0)).isFalse();
        assertThat(ValueMatch.matches(REAL, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY)).isTrue();
        assertThat(ValueMatch.matches(REAL, 2.5, new BigDecimal("2.5"))).isTrue();
    }

    @Test
    void datetimesAndTimespansMatchToTheTick() {
        Instant t = Instant.parse("2020-01-01T00:00:00Z");
        assertThat(ValueMatch.matches(DATETIME, t, t.plusNanos(100))).isFalse();
        assertThat(ValueMatch.matches(DATETIME, t, Instant.parse("2020-01-01T00:00:00.0000000Z"))).isTrue();
        assertThat(ValueMatch.matches(TIMESPAN, Duration.ofDays(1), Duration.ofDays(1).plusNanos(100))).isFalse();
    }

    @Test
    void stringsMatchExactlyAndEmptyIsNotNull() {
        assertThat(ValueMatch.matches(STRING, "a", "A")).isFalse();
        assertThat(ValueMatch.matches(STRING, "", null)).isFalse();
    }

    @Test
    void dynamicValuesMatchAsJsonTreesFromTextOrTree() {
        Object expected = ExpectedValues.parse(DYNAMIC, "{\"a\": [1, 2.5], \"b\": \"x\"}");
        assertThat(ValueMatch.matches(DYNAMIC, expected, "{\"b\":\"x\",\"a\":[1,2.5]}")).isTrue();
        assertThat(ValueMatch.matches(DYNAMIC, expected, ExpectedValues.parse(DYNAMIC, "{\"b\":\"x\",\"a\":[1,2.5]}")))
                .isTrue();
        assertThat(ValueMatch.matches(DYNAMIC, expected, "{\"a\":[2,1],\"b\":\"x\"}")).isFalse();
        assertThat(ValueMatch.matches(DYNAMIC, expected, "not json")).isFalse();
        assertThat(ValueMatch.matches(DYNAMIC, NullNode.getInstance(), null)).isTrue();
        assertThat(ValueMatch.matches(DYNAMIC, ExpectedValues.parse(DYNAMIC, "\"x\""), "x")).isFalse();
    }
}

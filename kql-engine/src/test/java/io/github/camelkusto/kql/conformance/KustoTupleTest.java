package io.github.camelkusto.kql.conformance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.camelkusto.kql.types.KqlType;
import org.junit.jupiter.api.Test;

import static io.github.camelkusto.kql.types.KqlType.BOOL;
import static io.github.camelkusto.kql.types.KqlType.DATETIME;
import static io.github.camelkusto.kql.types.KqlType.DYNAMIC;
import static io.github.camelkusto.kql.types.KqlType.GUID;
import static io.github.camelkusto.kql.types.KqlType.LONG;
import static io.github.camelkusto.kql.types.KqlType.REAL;
import static io.github.camelkusto.kql.types.KqlType.STRING;
import static io.github.camelkusto.kql.types.KqlType.TIMESPAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class KustoTupleTest {

    private static List<Object> parse(String row, KqlType... types) {
        return KustoTuple.parse(row, List.of(types));
    }

    @Test
    void integersIncludingNegativeAndTheLongExtremesAreLongs() {
        assertThat(parse("(1, -10, -9223372036854775808, 9223372036854775807)", LONG, LONG, LONG, LONG))
                .containsExactly(1L, -10L, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Test
    void realsReadExponentsNanInfinitiesAndNegativeZero() {
        assertThat(parse("(1E+300, 1E-07, -2.15, NaN, -Infinity, Infinity, -0)", REAL, REAL, REAL, REAL, REAL, REAL, REAL))
                .containsExactly(1e300, 1e-7, -2.15, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, -0.0);
    }

    @Test
    void nullIsANullOfAnyTypeAndAJsonNullForDynamic() {
        assertThat(parse("(null, null, null, null)", LONG, BOOL, TIMESPAN, DYNAMIC))
                .containsExactly(null, null, null, NullNode.getInstance());
    }

    @Test
    void booleansAreWrittenCapitalised() {
        assertThat(parse("(True, False)", BOOL, BOOL)).containsExactly(true, false);
    }

    @Test
    void datetimesAndTimespansAreExactToTheTick() {
        assertThat(parse("(0001-01-01T00:00:00.0000001Z, 1.00:00:00.0000001, -1.02:03:04.5000000, 23:59:59.9999999)",
                DATETIME, TIMESPAN, TIMESPAN, TIMESPAN)).containsExactly(
                Instant.parse("0001-01-01T00:00:00.0000001Z"),
                Duration.ofDays(1).plusNanos(100),
                Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4).plusMillis(500).negated(),
                Duration.ofDays(1).minusNanos(100));
    }

    @Test
    void guidsAreQuoted() {
        assertThat(parse("('22222222-2222-2222-2222-222222222222', null)", GUID, GUID))
                .containsExactly(UUID.fromString("22222222-2222-2222-2222-222222222222"), null);
    }

    @Test
    void aGuidEndsAtTheFirstQuoteThatLeavesAValidGuid() {
        assertThat(parse("('11111111-1111-1111-1111-111111111111', 'a', null)", GUID, STRING, GUID))
                .containsExactly(UUID.fromString("11111111-1111-1111-1111-111111111111"), "a", null);
    }

    @Test
    void stringsAreUnescapedSoAQuoteInsideIsTheStringsOwn() {
        assertThat(parse("('O'Brien', 2, '', 'null')", STRING, LONG, STRING, STRING))
                .containsExactly("O'Brien", 2L, "", "null");
    }

    @Test
    void aStringHoldingTheSeparatorIsResolvedByTheColumnsThatFollow() {
        assertThat(parse("('a', 'b', 1)", STRING, LONG)).containsExactly("a', 'b", 1L);
        assertThat(parse("('a', 'b', 1)", STRING, STRING, LONG)).containsExactly("a", "b", 1L);
    }

    @Test
    void stringsKeepNewlinesBackslashesAndDoubleQuotesAsTheyAre() {
        assertThat(parse("('one\ntwo', 'back\\slash', 'He said \"hi\"')", STRING, STRING, STRING))
                .containsExactly("one\ntwo", "back\\slash", "He said \"hi\"");
    }

    @Test
    void dynamicValuesAreIndentedJsonWithEscapedStrings() {
        List<Object> values = parse("({\n  \"a\": [\n    1,\n    \"]\\\", x\"\n  ],\n  \"b\": {}\n}, [], \"hello\", 7, 'after')",
                DYNAMIC, DYNAMIC, DYNAMIC, DYNAMIC, STRING);
        assertThat(values.get(0)).hasToString("{\"a\":[1,\"]\\\", x\"],\"b\":{}}");
        assertThat(values.get(1)).hasToString("[]");
        assertThat(values.get(2)).isEqualTo(TextNode.valueOf("hello"));
        assertThat(values.get(3)).hasToString("7");
        assertThat(values.get(4)).isEqualTo("after");
    }

    @Test
    void theEmptyRowHasNoValues() {
        assertThat(parse("()")).isEmpty();
    }

    @Test
    void aRowThatDoesNotFitItsTypesIsRefused() {
        assertThatThrownBy(() -> parse("(1, 2)", LONG)).hasMessageContaining("cannot read (1, 2)");
        assertThatThrownBy(() -> parse("(x)", LONG)).hasMessageContaining("cannot read");
        assertThatThrownBy(() -> parse("1, 2", LONG, LONG)).hasMessageContaining("not a (...) row");
        assertThatThrownBy(() -> parse("('unterminated)", STRING)).hasMessageContaining("cannot read");
    }

    @Test
    void everyRowOfTheConformanceFileReadsAsItsColumnTypes() {
        var file = KustoConformanceTest.conformanceFile();
        assumeTrue(file.isPresent(), "conformance file not found");
        List<ConformanceCase> cases = ConformanceCase.load(file.get());
        assertThat(cases).hasSizeGreaterThan(800);
        for (ConformanceCase c : cases) {
            assertThat(c.rows().size()).as(c.id()).isLessThanOrEqualTo(c.rowCount());
            List<List<Object>> rows = c.expectedRows();
            assertThat(rows).as(c.id()).allSatisfy(r -> assertThat(r).hasSize(c.columns().size()));
        }
        // the one case whose strings would split wrongly on quotes alone
        assertThat(cases.stream().filter(c -> c.rows().stream().anyMatch(r -> r.contains("'O'Brien'")))
                .flatMap(c -> c.expectedRows().stream()).flatMap(List::stream).toList()).contains("O'Brien");
    }
}

package io.github.camelkusto.kql.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelkusto.kql.Kql;
import org.junit.jupiter.api.Test;

/** Scalar functions and operators, with Kusto's null and promotion rules. */
class FunctionsTest {
    private final Kql kql = new Kql();

    @Test
    void integerDivisionByZeroIsNullRealDivisionIsInfinite() {
        assertThat(kql.rows("print x = 1 / 0, y = 1.0 / 0.0, z = 7 % 0")).containsExactly("null, Infinity, null");
    }

    @Test
    void intArithmeticGivesLongsThatDoNotWrapAt32Bits() {
        assertThat(kql.schema("print a = int(1) + int(2), b = int(1) + 2, c = 1 + 0.5"))
                .isEqualTo("(a:long, b:long, c:real)");
        assertThat(kql.rows("print a = int(2147483647) * int(2), b = int(1) + 2, c = 1 + 0.5"))
                .containsExactly("4294967294, 3, 1.5");
    }

    @Test
    void arithmeticWithNullGivesNull() {
        assertThat(kql.rows("print long(null) + 1, real(null) * 2.0, datetime(null) + 1d"))
                .containsExactly("null, null, null");
    }

    @Test
    void logicIsThreeValued() {
        assertThat(kql.rows("print bool(null) and false, bool(null) or true, bool(null) and true, not(true)"))
                .containsExactly("false, true, null, false");
    }

    @Test
    void stringOperatorsIgnoreCaseUnlessCs() {
        assertThat(kql.rows("print 'Hello World' has 'world', 'Hello World' has_cs 'world', 'Hello World' has 'wor',"
                + " 'abc' contains 'B', 'abc' contains_cs 'B', 'abc' startswith 'AB', 'abc' endswith_cs 'bc',"
                + " 'abc' !contains 'x', 'ABC' =~ 'abc', 'ABC' !~ 'abc'"))
                .containsExactly("true, false, false, true, false, true, true, true, true, false");
    }

    @Test
    void inBetweenAndRegex() {
        assertThat(kql.rows("print 2 in (1, 2), 'A' in~ ('a'), 'A' !in ('a'), 5 between (1 .. 5),"
                + " 6 !between (1 .. 5), 'abc123' matches regex '[0-9]+$', 'a b' has_any ('x', 'b'),"
                + " 'a b' has_all ('a', 'x')"))
                .containsExactly("true, true, true, true, true, true, true, false");
    }

    @Test
    void conditionalFunctions() {
        assertThat(kql.rows("print iff(1 > 2, 'a', 'b'), iif(true, 1, 2.5), case(false, 1, true, 2, 3),"
                + " coalesce(long(null), 7), coalesce('', 'x'), isnull(''), isempty(''), isnotnull(1),"
                + " isnotempty('a')"))
                .containsExactly("b, 1, 2, 7, x, false, true, true, true");
    }

    @Test
    void stringFunctions() {
        assertThat(kql.rows("print strlen('héllo'), tolower('AbC'), toupper('AbC'), strcat('a', 1, true, 1.5),"
                + " substring('abcdef', 2, 3), substring('abc', 1)"))
                .containsExactly("5, abc, ABC, a1True1.5, cde, bc");
    }

    @Test
    void conversions() {
        assertThat(kql.rows("print tostring(123), tostring(true), tostring(datetime(2020-01-01)), tostring(1d),"
                + " tolong('42'), tolong('x'), toint(2.7), toreal('1.5'), todouble(2),"
                + " todatetime('2020-01-02'), totimespan('01:00:00'), tolong(dynamic(5))"))
                .containsExactly("123, True, 2020-01-01T00:00:00.0000000Z, 1.00:00:00, 42, null, 2, 1.5, 2,"
                        + " 2020-01-02T00:00:00.0000000Z, 01:00:00, 5");
    }

    @Test
    void binFloorRoundAbs() {
        assertThat(kql.rows("print bin(7, 5), floor(-7, 5), bin(7.5, 2.0), round(2.5), round(-2.5), round(1.234, 2),"
                + " abs(-3), abs(-1.5), bin(datetime(2020-01-01 10:35), 1h)"))
                .containsExactly("5, -10, 6, 3, -3, 1.23, 3, 1.5, 2020-01-01T10:00:00.0000000Z");
    }

    @Test
    void nowAndAgoAreCloseToTheClock() {
        assertThat(kql.rows("print now() - ago(1h) between (59m .. 61m), now() > datetime(2020-01-01)"))
                .containsExactly("true, true");
    }

    @Test
    void dynamicMemberAndIndexAccess() {
        assertThat(kql.rows("print d = dynamic({'a': [1, 2, {'b': 'x'}]}) | project d.a[2].b, d['a'][-1], d.zz"))
                .containsExactly("\"x\", {\"b\":\"x\"}, null");
    }

    @Test
    void datetimeArithmetic() {
        assertThat(kql.rows("print datetime(2020-01-02) - datetime(2020-01-01), datetime(2020-01-01) + 1h,"
                + " 2 * 1h, 1h / 30m"))
                .containsExactly("1.00:00:00, 2020-01-01T01:00:00.0000000Z, 02:00:00, 2");
    }
}

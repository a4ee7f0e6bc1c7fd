package io.github.camelkusto.kql.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import io.github.camelkusto.kql.syntax.ast.Expr;
import io.github.camelkusto.kql.syntax.ast.Query;
import io.github.camelkusto.kql.syntax.ast.TabularExpression;
import io.github.camelkusto.kql.syntax.ast.TabularOperator;
import io.github.camelkusto.kql.types.KqlType;
import org.junit.jupiter.api.Test;

class QueryParserTest {

    private static Expr expr(String text) {
        return QueryParser.parseExpression(new SourceText(text));
    }

    @Test
    void multiplicationBindsTighterThanAddition() {
        Expr.Binary plus = (Expr.Binary) expr("1 + 2 * 3");
        assertThat(plus.op()).isEqualTo("+");
        assertThat(((Expr.Binary) plus.right()).op()).isEqualTo("*");
    }

    @Test
    void andBindsTighterThanOrAndComparisonsTighterThanAnd() {
        Expr.Binary or = (Expr.Binary) expr("a == 1 or b > 2 and c has 'x'");
        assertThat(or.op()).isEqualTo("or");
        Expr.Binary and = (Expr.Binary) or.right();
        assertThat(and.op()).isEqualTo("and");
        assertThat(((Expr.Binary) and.right()).op()).isEqualTo("has");
    }

    @Test
    void negatedAndCaseSensitiveStringOperators() {
        assertThat(((Expr.Binary) expr("s !contains_cs 'x'")).op()).isEqualTo("!contains_cs");
        assertThat(((Expr.Binary) expr("s matches regex '^a'")).op()).isEqualTo("matches regex");
        assertThat(((Expr.ListOp) expr("s !in~ ('a', 'b')")).op()).isEqualTo("!in~");
        assertThat(expr("x !between (1 .. 5)")).isInstanceOf(Expr.Between.class);
    }

    @Test
    void timespanLiteralsInEveryUnit() {
        assertThat(((Expr.Literal) expr("1d")).value()).isEqualTo(Duration.ofDays(1));
        assertThat(((Expr.Literal) expr("1.5h")).value()).isEqualTo(Duration.ofMinutes(90));
        assertThat(((Expr.Literal) expr("100ms")).value()).isEqualTo(Duration.ofMillis(100));
        assertThat(((Expr.Literal) expr("10microsecond")).value()).isEqualTo(Duration.ofNanos(10_000));
        assertThat(((Expr.Literal) expr("1tick")).value()).isEqualTo(Duration.ofNanos(100));
        assertThat(((Expr.Literal) expr("timespan(1.02:03:04)")).value())
                .isEqualTo(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4));
    }

    @Test
    void typedLiteralsAndTypedNulls() {
        assertThat(((Expr.Literal) expr("int(null)")).type()).isEqualTo(KqlType.INT);
        assertThat(((Expr.Literal) expr("int(null)")).value()).isNull();
        assertThat(((Expr.Literal) expr("real(nan)")).value()).isEqualTo(Double.NaN);
        assertThat(((Expr.Literal) expr("real(-inf)")).value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(((Expr.Literal) expr("decimal(1.5)")).value()).isEqualTo(new java.math.BigDecimal("1.5"));
        assertThat(((Expr.Literal) expr("dynamic({'a': [1, \"x)\"]})")).value().toString())
                .isEqualTo("{\"a\":[1,\"x)\"]}");
        assertThat(((Expr.Literal) expr("guid(00000000-0000-0000-0000-000000000001)")).type()).isEqualTo(KqlType.GUID);
    }

    @Test
    void bracketedColumnNamesAndDynamicAccess() {
        assertThat(((Expr.NameRef) expr("['my col']")).name()).isEqualTo("my col");
        Expr.Index index = (Expr.Index) expr("d.a['b'][0]");
        assertThat(((Expr.Index) index.target()).target()).isInstanceOf(Expr.Member.class);
    }

    @Test
    void letStatementsOfBothKindsThenTheQuery() {
        Query q = QueryParser.parse("let n = 5; let T = datatable(x:long)[1]; T | where x < n");
        assertThat(q.lets()).hasSize(2);
        assertThat(q.lets().get(0)).isInstanceOf(Query.ScalarLet.class);
        assertThat(q.lets().get(1)).isInstanceOf(Query.TabularLet.class);
        assertThat(q.body()).isInstanceOf(TabularExpression.Pipe.class);
    }

    @Test
    void everyOperatorParses() {
        String[] operators = {
            "where x > 1", "filter x > 1", "project a, b = x + 1", "project-away a, b*", "project-keep a",
            "project-rename n = a", "project-reorder b, a", "extend y = 1", "summarize count() by bin(x, 2)",
            "take 5", "limit 5", "sort by x asc nulls first, y", "order by x desc", "top 3 by x", "distinct a, b",
            "distinct *", "count", "union kind=inner withsource=src (T), T2", "join kind=leftouter (T) on a",
            "join (T) on $left.a == $right.b", "mv-expand with_itemindex=i v = d to typeof(long) limit 3",
            "parse s with * \"x=\" x:long \",\" rest", "as X", "serialize n = row_number()", "getschema"};
        for (String op : operators) {
            Query q = QueryParser.parse("T | " + op);
            assertThat(((TabularExpression.Pipe) q.body()).operator()).as(op).isInstanceOf(TabularOperator.class);
        }
    }

    @Test
    void unknownOperatorIsReportedWithItsPositionAndASuggestion() {
        assertThatThrownBy(() -> QueryParser.parse("T\n| extnd x = 1"))
                .isInstanceOf(KustoSyntaxException.class)
                .hasMessageContaining("unknown tabular operator 'extnd'")
                .hasMessageContaining("did you mean 'extend'")
                .satisfies(e -> {
                    KustoSyntaxException k = (KustoSyntaxException) e;
                    assertThat(k.line()).isEqualTo(2);
                    assertThat(k.column()).isEqualTo(3);
                });
    }

    @Test
    void knownButUnsupportedOperatorSaysSo() {
        assertThatThrownBy(() -> QueryParser.parse("T | render timechart"))
                .hasMessageContaining("'render' operator is not supported by the embedded engine yet");
    }

    @Test
    void missingOperandPointsAtTheEnd() {
        assertThatThrownBy(() -> QueryParser.parse("T | where x >"))
                .isInstanceOf(KustoSyntaxException.class)
                .hasMessageContaining("expected an expression but found the end of the text")
                .hasMessageContaining("column 14");
    }
}

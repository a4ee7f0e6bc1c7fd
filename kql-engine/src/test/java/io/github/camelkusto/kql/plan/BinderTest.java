package io.github.camelkusto.kql.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.camelkusto.kql.Kql;
import io.github.camelkusto.kql.syntax.KustoSyntaxException;
import org.junit.jupiter.api.Test;

class BinderTest {
    private final Kql kql = new Kql();
    private static final String T = "datatable(i:int, l:long, r:real, s:string, t:datetime, d:dynamic)[] ";

    @Test
    void numericPromotion() {
        assertThat(kql.schema(T + "| project a = i + i, b = i + l, c = l * r, e = i / 2, f = -i"))
                .isEqualTo("(a:long, b:long, c:real, e:long, f:long)");
    }

    @Test
    void datetimeAndTimespanArithmetic() {
        assertThat(kql.schema(T + "| project a = t - t, b = t + 1h, c = t - 1d, d2 = 2 * 1h, e = 1h / 30m"))
                .isEqualTo("(a:timespan, b:datetime, c:datetime, d2:timespan, e:real)");
    }

    @Test
    void wrongArgumentTypesAreRefusedAtTheOperator() {
        assertThatThrownBy(() -> kql.prepare(T + "| where s > 1"))
                .isInstanceOf(KustoSyntaxException.class)
                .hasMessageContaining("operator '>' cannot be applied to (string, long)")
                .hasMessageContaining("column 79");
    }

    @Test
    void unknownColumnSuggestsTheClosestName() {
        assertThatThrownBy(() -> kql.prepare("datatable(Timestamp:datetime)[] | where Timestmp > ago(1d)"))
                .isInstanceOf(KustoSyntaxException.class)
                .hasMessageContaining("unknown column 'Timestmp' (did you mean 'Timestamp'?)")
                .hasMessageContaining("line 1, column 41");
    }

    @Test
    void unknownFunctionSuggestsTheClosestName() {
        assertThatThrownBy(() -> kql.prepare("print strln('a')"))
                .hasMessageContaining("unknown function 'strln' (did you mean 'strlen'?)");
    }

    @Test
    void unknownTableListsTheTables() {
        assertThatThrownBy(() -> kql.prepare("let Logs = datatable(x:long)[]; Log | take 1"))
                .hasMessageContaining("unknown table 'Log' (did you mean 'Logs'?)");
    }

    @Test
    void unnamedColumnsGetKustosNames() {
        assertThat(kql.schema("print a = 1, 2, b = 3")).isEqualTo("(a:long, print_1:long, b:long)");
        assertThat(kql.schema(T + "| extend l * 2, d.a")).endsWith("Column1:long, d_a:dynamic)");
        assertThat(kql.schema(T + "| summarize count(), sum(l), avg(r), count() by bin(t, 1h)"))
                .isEqualTo("(t:datetime, count_:long, sum_l:long, avg_r:real, count_1:long)");
    }

    @Test
    void argMaxOfStarExpandsToTheOtherColumns() {
        assertThat(kql.schema("datatable(k:long, v:long, w:string)[] | summarize arg_max(v, *) by k"))
                .isEqualTo("(k:long, v:long, w:string)");
        assertThat(kql.schema("datatable(k:long, v:long, w:long)[] | summarize arg_max(v, w), arg_min(v, w) by k"))
                .isEqualTo("(k:long, v:long, w:long, v1:long, w1:long)");
    }

    @Test
    void extendReplacesAColumnOfTheSameNameInPlace() {
        assertThat(kql.schema("datatable(a:long, b:string)[] | extend a = tostring(a)"))
                .isEqualTo("(a:string, b:string)");
    }

    @Test
    void rowNumberNeedsSerializedRows() {
        assertThatThrownBy(() -> kql.prepare("datatable(a:long)[] | summarize by a | extend n = row_number()"))
                .hasMessageContaining("row_number() needs serialized rows");
        assertThat(kql.schema("datatable(a:long)[] | summarize by a | serialize n = row_number()"))
                .isEqualTo("(a:long, n:long)");
    }

    @Test
    void unionOfDifferingTypesForOneNameMakesAColumnPerType() {
        // ADX's union documentation: "if a column appears in multiple tables and has multiple types, it has a
        // corresponding column for each type ... suffixed with '_' followed by the origin column type"
        assertThat(kql.schema("datatable(x:long)[] | union (datatable(x:string)[])"))
                .isEqualTo("(x_long:long, x_string:string)");
        assertThatThrownBy(() -> kql.prepare("datatable(x:long)[] | union (datatable(x:string)[]) | order by x"))
                .hasMessageContaining("unknown column 'x'");
    }

    @Test
    void anUnsupportedEvaluatePluginIsNamed() {
        assertThatThrownBy(() -> kql.prepare("datatable(x:long)[] | evaluate autocluster()"))
                .hasMessageContaining("the 'autocluster' plugin of evaluate is not supported by the embedded engine");
    }
}

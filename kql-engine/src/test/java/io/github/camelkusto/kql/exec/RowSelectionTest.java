package io.github.camelkusto.kql.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.camelkusto.kql.Kql;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.builtin.BuiltInFunctions;
import io.github.camelkusto.kql.plan.Binder;
import io.github.camelkusto.kql.plan.PlanNode;
import io.github.camelkusto.kql.syntax.QueryParser;
import io.github.camelkusto.kql.syntax.SourceText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * where's direct row selection for an and of column-constant comparisons gives the rows the general path (boolean
 * vectors) gives, over a stored table of several extents, one of whose columns has nulls in some extents only; of
 * its string columns, one has few values (each stored as one shared instance), one too many to share (equal strings
 * in different instances).
 */
class RowSelectionTest {
    private static final KustoDatabase DATABASE = new KustoDatabase("selection");
    private static final Kql KQL = new Kql(DATABASE);

    @BeforeAll
    static void load() {
        Kql.load(DATABASE,
                ".set-or-replace T <| range i from 0 to 199999 step 1 | extend d = (i * 7919) % 5000,"
                        + " t = datetime(2026-01-01) + i * 1s, s = case(i % 100 == 0, 'Error', i % 10 == 0,"
                        + " 'Warning', 'Information'), n = iif(i > 150000 and i % 3 == 0, long(null), i % 50),"
                        + " m = strcat('m', i % 5000)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s == 'Error' and d > 4000", "d >= 10 and d < 20", "4000 < d and s != 'Information'",
        "d == 17", "d != 17 and s == 'Warning'", "d <= 3", "3 >= d and 2 <= d", "t > datetime(2026-01-02) and t <= datetime(2026-01-02 01:00)",
        "n == 7 and d > 100", "n != 7 and s == 'Error'", "n > 40", "s == 'error'",
        "m == 'm17'", "m != 'm17' and d > 4000", "d > 4000 and m == 'm4999'"})
    void selectsTheRowsTheGeneralPathSelects(String predicate) {
        String direct = "T | where " + predicate + " | summarize c = count(), x = sum(i)";
        // "(p) == true" is no column-constant comparison: the general path
        String general = "T | where (" + predicate + ") == true | summarize c = count(), x = sum(i)";
        assertThat(RowSelection.of(filter("T | where " + predicate).predicate())).isNotNull();
        assertThat(RowSelection.of(filter(general.substring(0, general.indexOf(" | summarize"))).predicate())).isNull();
        assertThat(KQL.rows(direct)).isEqualTo(KQL.rows(general));
    }

    @Test
    void otherPredicatesGoTheGeneralPath() {
        assertThat(RowSelection.of(filter("T | where d > 1 or d < 0").predicate())).isNull();
        assertThat(RowSelection.of(filter("T | where s =~ 'error'").predicate())).isNull();
        assertThat(RowSelection.of(filter("T | where s > 'a'").predicate())).isNull();
        assertThat(RowSelection.of(filter("T | where d > i").predicate())).isNull();
    }

    private static PlanNode.Filter filter(String query) {
        SourceText source = new SourceText(query);
        return (PlanNode.Filter) new Binder(DATABASE, FunctionRegistry.withLibraries(new BuiltInFunctions()), source,
                plan -> {
                    throw new AssertionError("no sub-plan runs here");
                }).bind(QueryParser.parse(source));
    }
}

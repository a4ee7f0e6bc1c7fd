package io.github.camelkusto.kql.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.builtin.BuiltInFunctions;
import io.github.camelkusto.kql.syntax.QueryParser;
import io.github.camelkusto.kql.syntax.SourceText;
import org.junit.jupiter.api.Test;

/** Which output columns of a join or a where the binder marks as read by no later step. */
class ColumnPruningTest {
    private static final String L = "let L = datatable(k:long, lv:string, lr:real)[1, 'a', 1.5];"
            + " let R = datatable(k:long, rv:string, rn:long)[1, 'x', 10]; ";

    private static PlanNode plan(String query) {
        SourceText source = new SourceText(query);
        return new Binder(new KustoDatabase("db"), FunctionRegistry.withLibraries(new BuiltInFunctions()), source,
                plan -> {
                    throw new AssertionError("no sub-plan runs here");
                }).bind(QueryParser.parse(source));
    }

    /** The first node of {@code type} from the top, following first inputs. */
    private static <T extends PlanNode> T find(PlanNode node, Class<T> type) {
        for (PlanNode n = node; n != null; n = input(n)) {
            if (type.isInstance(n)) {
                return type.cast(n);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + node);
    }

    private static PlanNode input(PlanNode n) {
        if (n instanceof PlanNode.Aggregate a) {
            return a.input();
        }
        if (n instanceof PlanNode.Project p) {
            return p.input();
        }
        if (n instanceof PlanNode.Filter f) {
            return f.input();
        }
        if (n instanceof PlanNode.Sort s) {
            return s.input();
        }
        if (n instanceof PlanNode.Join j) {
            return j.left();
        }
        return null;
    }

    @Test
    void countAfterAJoinReadsNoColumnOfIt() {
        PlanNode.Join join = find(plan(L + "L | join kind=inner R on k | count"), PlanNode.Join.class);
        assertThat(join.schema().names()).containsExactly("k", "lv", "lr", "k1", "rv", "rn");
        assertThat(join.unread()).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void projectingOneColumnAfterAJoinReadsOnlyThatOne() {
        PlanNode.Join join = find(plan(L + "L | join kind=inner R on k | project rv"), PlanNode.Join.class);
        assertThat(join.unread()).containsExactly(0, 1, 2, 3, 5);
    }

    @Test
    void projectAwayLeavesTheOtherColumnsRead() {
        PlanNode.Join join = find(plan(L + "L | join kind=inner R on k | project-away lr, rn"), PlanNode.Join.class);
        assertThat(join.unread()).containsExactly(2, 5);
    }

    @Test
    void aColumnReadOnlyByALaterWhereIsRead() {
        PlanNode.Join join = find(plan(L + "L | join kind=inner R on k | where rn > 1 | project lv"),
                PlanNode.Join.class);
        assertThat(join.unread()).containsExactly(0, 2, 3, 4);
        PlanNode.Filter where = find(plan(L + "L | join kind=inner R on k | where rn > 1 | project lv"),
                PlanNode.Filter.class);
        assertThat(where.unread()).containsExactly(0, 2, 3, 4, 5);
    }

    @Test
    void theQueryResultReadsEveryColumn() {
        PlanNode root = plan(L + "L | where k > 0");
        assertThat(((PlanNode.Filter) root).unread()).isEmpty();
        PlanNode.Join join = find(plan(L + "L | join kind=inner R on k"), PlanNode.Join.class);
        assertThat(join.unread()).isEmpty();
    }

    @Test
    void summarizeReadsItsKeysAndAggregateArguments() {
        PlanNode.Join join = find(plan(L + "L | join kind=inner R on k | summarize sum(lr) by rv"),
                PlanNode.Join.class);
        assertThat(join.unread()).containsExactly(0, 1, 3, 5);
    }

    @Test
    void anExtendedColumnNobodyReadsIsNotComputed() {
        PlanNode.Project extend = find(plan(L + "L | extend t = strcat(lv, '!') | count"), PlanNode.Project.class);
        assertThat(extend.columns().get(3)).isEqualTo(new BoundExpr.Constant(extend.schema().column(3).type(), null));
    }

    @Test
    void aSerialColumnNobodyReadsIsStillComputed() {
        PlanNode.Project extend = find(plan(L + "L | serialize | extend r = row_number() | count"),
                PlanNode.Project.class);
        assertThat(extend.columns().get(3)).isInstanceOf(BoundExpr.Call.class);
    }

    @Test
    void stepsThePruningDoesNotKnowKeepEveryColumnBelowThem() {
        PlanNode root = plan(L + "L | join kind=inner R on k | parse rv with * 'y' rest | count");
        PlanNode.Extract parse = (PlanNode.Extract) ((PlanNode.Aggregate) root).input();
        assertThat(((PlanNode.Join) parse.input()).unread()).isEqualTo(List.of());
    }
}

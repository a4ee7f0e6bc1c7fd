package io.github.camelkusto.kql.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.testing.QueryRun;
import io.github.camelkusto.kql.testing.QueryRun.Rows;
import io.github.camelkusto.kql.types.KqlType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The judge itself: a perfect engine passes every case, and each kind of difference fails. */
class ConformanceCaseTest {
    private static final ConformanceCase SORTED = new ConformanceCase("c-1", "f", "T | sort by k", List.of("k:Int", "s:String"),
            2, List.of("(2, 'b')", "(1, 'a')"), null, false);
    private static final ConformanceCase UNSORTED = new ConformanceCase("c-2", "f", "T | where k > 0",
            List.of("k:Int", "s:String"), 2, List.of("(2, 'b')", "(1, 'a')"), null, false);
    private static final ConformanceCase REJECTED = new ConformanceCase("c-3", "f", "T | bad", List.of(), 0, List.of(),
            "[400] General_BadRequest", false);
    private static final Schema LONG_STRING = Schema.of(new Column("k", KqlType.LONG), new Column("s", KqlType.STRING));

    private static Rows rows(Schema schema, List<?>... rows) {
        List<List<Object>> list = new ArrayList<>();
        for (List<?> row : rows) {
            list.add(new ArrayList<>(row));
        }
        return new Rows(schema, list, false);
    }

    @Test
    void kustosOwnResultPassesEveryCaseOfTheFile() {
        var file = KustoConformanceTest.conformanceFile();
        assumeTrue(file.isPresent(), "conformance file not found");
        for (ConformanceCase c : ConformanceCase.load(file.get())) {
            if (c.rejectedByKusto()) {
                assertThat(c.mismatch(new QueryRun.Rejected(new KustoException("no")))).as(c.id()).isEmpty();
            } else if (c.rows().size() == c.rowCount()) {
                List<Column> columns = new ArrayList<>();
                for (int i = 0; i < c.columns().size(); i++) {
                    columns.add(new Column(c.columnNames().get(i), c.comparisonTypes().get(i)));
                }
                assertThat(c.mismatch(new Rows(new Schema(columns), c.expectedRows(), false))).as(c.id()).isEmpty();
            }
        }
    }

    @Test
    void rowsInAnotherOrderPassOnlyWhenTheQueryDoesNotSort() {
        Rows swapped = rows(LONG_STRING, List.of(1L, "a"), List.of(2, "b"));
        assertThat(UNSORTED.mismatch(swapped)).isEmpty();
        assertThat(SORTED.mismatch(swapped)).hasValue("row 1: expected (2, 'b') got (1, 'a')");
    }

    @Test
    void intAndLongAreOneTypeButRealIsAnother() {
        Schema intString = Schema.of(new Column("k", KqlType.INT), new Column("s", KqlType.STRING));
        assertThat(SORTED.mismatch(rows(intString, List.of(2, "b"), List.of(1, "a")))).isEmpty();
        Schema realString = Schema.of(new Column("k", KqlType.REAL), new Column("s", KqlType.STRING));
        assertThat(SORTED.mismatch(rows(realString, List.of(2.0, "b"), List.of(1.0, "a"))))
                .hasValue("columns: expected [k:Int, s:String] got [k:Real, s:String]");
    }

    @Test
    void aMissingOrExtraRowIsNamed() {
        assertThat(UNSORTED.mismatch(rows(LONG_STRING, List.of(1L, "a"))))
                .hasValue("expected 2 rows, got 1; missing (2, 'b')");
        assertThat(UNSORTED.mismatch(rows(LONG_STRING, List.of(1L, "a"), List.of(2L, "b"), List.of(3L, "c"))))
                .hasValue("expected 2 rows, got 3; unexpected (3, 'c')");
    }

    @Test
    void aQueryKustoRejectsMustBeRejectedWithAKustoException() {
        assertThat(REJECTED.mismatch(new QueryRun.Rejected(new KustoException("unknown operator")))).isEmpty();
        assertThat(REJECTED.mismatch(rows(LONG_STRING))).hasValueSatisfying(r -> assertThat(r).startsWith("accepted"));
        assertThat(REJECTED.mismatch(new QueryRun.Crashed(new IllegalStateException("no plan"))))
                .hasValue("crash: IllegalStateException: no plan");
    }

    @Test
    void aRejectionOrATimeoutOfAValidQueryFails() {
        assertThat(UNSORTED.mismatch(new QueryRun.Rejected(new KustoException("unknown operator 'where'\nexcerpt"))))
                .hasValue("rejected: unknown operator 'where'");
        assertThat(UNSORTED.mismatch(new QueryRun.TimedOut(Duration.ofSeconds(10)))).hasValue("timed out after 10 s");
    }
}

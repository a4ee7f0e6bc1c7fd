package io.github.camelkusto.kql.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelkusto.kql.Kql;
import io.github.camelkusto.kql.control.TableCommandParser;
import io.github.camelkusto.kql.control.TableCommandRunner;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.exec.QueryEngine;
import io.github.camelkusto.kql.syntax.KustoSyntaxException;
import io.github.camelkusto.kql.syntax.SourceText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each ingestion's database cursor and time, and the functions that read them. */
class IngestionCursorTest {
    private final KustoDatabase database = new KustoDatabase("db");
    private final QueryEngine engine = new QueryEngine(database);
    private final TableCommandRunner runner = new TableCommandRunner(database, engine);

    private void run(String command) {
        runner.run(TableCommandParser.parse(new SourceText(command)));
    }

    private List<List<Object>> rows(String query) {
        return Kql.values(engine.prepare(query));
    }

    @Test
    void eachIngestionMakesTheNextCursorAndStampsItsRowsWithItsTime() {
        Instant before = Instant.now();
        run(".create table T (Id:long)");
        assertThat(database.cursor()).isZero();
        run(".ingest inline into table T <| 1\n2");
        run(".append T <| print Id = 3");
        Instant after = Instant.now();

        assertThat(database.cursor()).isEqualTo(2);
        List<List<Object>> stamped = rows("T | extend At = ingestion_time() | order by Id asc");
        assertThat(stamped).hasSize(3);
        Instant first = (Instant) stamped.get(0).get(1);
        Instant third = (Instant) stamped.get(2).get(1);
        assertThat(first).isEqualTo(stamped.get(1).get(1)).isBetween(before.minusMillis(1), after);
        assertThat(third).isAfterOrEqualTo(first).isBefore(after.plusMillis(1));
        assertThat(rows("T | where ingestion_time() > datetime(2000-01-01) | count")).containsExactly(List.of(3L));
    }

    @Test
    void ingestionTimeIsNullForRowsThatAreNotATablesRows() {
        assertThat(rows("print t = ingestion_time()")).containsExactly(java.util.Collections.singletonList(null));
    }

    @Test
    void cursorFunctionsSelectTheRowsOfTheIngestionsBetweenTwoCursors() {
        run(".create table T (Id:long)");
        for (int batch = 1; batch <= 3; batch++) {
            run(".ingest inline into table T <| " + batch);
        }

        assertThat(rows("T | where cursor_after('1') and cursor_before_or_at('2')")).containsExactly(List.of(2L));
        assertThat(rows("T | where cursor_after('') | count")).containsExactly(List.of(3L));
        assertThatThrownBy(() -> engine.prepare("T | where cursor_after('yesterday')"))
                .isInstanceOf(KustoSyntaxException.class).hasMessageContaining("not a database cursor");
    }

    @Test
    void aTableViewBetweenTwoCursorsHoldsOnlyThoseIngestions() {
        run(".create table T (Id:long)");
        run(".ingest inline into table T <| 1");
        Instant firstDone = database.table("T").orElseThrow().extents().get(0).ingestion().orElseThrow().time();
        run(".ingest inline into table T <| 2");
        run(".ingest inline into table T <| 3");

        Table t = database.table("T").orElseThrow();
        assertThat(t.lastCursorAt(firstDone)).isEqualTo(1);
        KustoDatabase view = database.view(Map.of("T", t.ingestedBetween(1, 3)));
        assertThat(Kql.values(new QueryEngine(view).prepare("T | order by Id asc")))
                .containsExactly(List.of(2L), List.of(3L));
    }

    @Test
    void createMergeKeepsEachExtentsIngestionAndChangesAreReportedBeforeTheyAreSeen() {
        List<String> reported = new ArrayList<>();
        database.setChanges(new DatabaseChanges() {
            @Override
            public void ingested(Table table, List<Batch> extents) {
                reported.add("ingested " + table.name() + " " + extents.get(0).ingestion().orElseThrow().cursor()
                        + " seen " + database.table(table.name()).orElseThrow().rowCount());
            }

            @Override
            public void replaced(Table table) {
                reported.add("replaced " + table.name());
            }
        });
        run(".create table T (Id:long)");
        run(".ingest inline into table T <| 1");
        run(".create-merge table T (Id:long, Name:string)");

        assertThat(reported).containsExactly("replaced T", "ingested T 1 seen 0", "replaced T");
        assertThat(rows("T | where cursor_after('0') and cursor_before_or_at('1') | project Id, Name"))
                .containsExactly(List.of(1L, ""));
        assertThat(database.cursor()).isEqualTo(1);
    }

    @Test
    void aChangeTheListenerRefusesIsNotMadeAndMakesNoCursor() {
        run(".create table T (Id:long)");
        database.setChanges(new DatabaseChanges() {
            @Override
            public void ingested(Table table, List<Batch> extents) {
                throw new IllegalStateException("disk full");
            }
        });
        assertThatThrownBy(() -> run(".ingest inline into table T <| 1")).hasMessageContaining("disk full");

        assertThat(database.cursor()).isZero();
        assertThat(database.table("T").orElseThrow().rowCount()).isZero();
    }
}

package io.github.camelkusto.kql.control;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.Kql;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.exec.QueryEngine;
import io.github.camelkusto.kql.syntax.KustoSyntaxException;
import io.github.camelkusto.kql.syntax.SourceText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The table commands of the embedded database, run as users write them. */
class TableCommandsTest {
    private final KustoDatabase database = new KustoDatabase("db");
    private final QueryEngine engine = new QueryEngine(database);
    private final TableCommandRunner runner = new TableCommandRunner(database, engine);

    @TempDir
    Path folder;

    private ResultTable run(String command) {
        return runner.run(TableCommandParser.parse(new SourceText(command)));
    }

    private List<List<Object>> rows(String query) {
        return Kql.values(engine.prepare(query));
    }

    @Test
    void createTableMakesAnEmptyTableAndReturnsItsSchema() {
        ResultTable result = run(".create table Logs (Level:string, ['Duration Ms']:long, At:datetime)");

        assertThat(result.rows()).containsExactly(List.of("Logs", "Level:string, Duration Ms:long, At:datetime", "db"));
        assertThat(database.table("Logs")).get().satisfies(t -> assertThat(t.rowCount()).isZero());
    }

    @Test
    void createTableAgainWithTheSameSchemaIsANoOpButAnotherSchemaIsRefused() {
        run(".create table T (a:long)");
        run(".ingest inline into table T <| 1");
        run(".create table T (a:long)");
        assertThat(database.table("T").orElseThrow().rowCount()).isEqualTo(1);

        assertThatThrownBy(() -> run(".create table T (a:string)"))
                .isInstanceOf(KustoException.class)
                .hasMessageContaining("table 'T' already exists with schema (a:long), not (a:string)");
    }

    @Test
    void createMergeAddsNewColumnsAtTheEndAndKeepsTheRows() {
        run(".create table T (a:long)");
        run(".ingest inline into table T <| 7");

        run(".create-merge table T (a:long, b:string, c:real)");

        assertThat(database.table("T").orElseThrow().schema().toString()).isEqualTo("(a:long, b:string, c:real)");
        assertThat(rows("T")).containsExactly(java.util.Arrays.asList(7L, "", null));
    }

    @Test
    void createMergeCannotChangeAColumnsType() {
        run(".create table T (a:long)");

        assertThatThrownBy(() -> run(".create-merge table T (a:string)"))
                .hasMessageContaining("column 'a' of table 'T' is long: .create-merge cannot change it to string");
    }

    @Test
    void dropTableRemovesItAndReturnsTheTablesLeft() {
        run(".create table A (x:long)");
        run(".create table B (x:long)");

        assertThat(run(".drop table A").rows()).containsExactly(List.of("B", "db"));
        assertThat(database.table("A")).isEmpty();
    }

    @Test
    void droppingAMissingTableFailsUnlessIfexists() {
        assertThatThrownBy(() -> run(".drop table Nope")).hasMessageContaining("unknown table 'Nope'")
                .hasMessageContaining("ifexists");
        assertThat(run(".drop table Nope ifexists").rows()).isEmpty();
    }

    @Test
    void showTableSchemaGivesTheCslSchema() {
        run(".create table T (a:long, b:dynamic)");

        assertThat(run(".show table T cslschema").rows()).containsExactly(List.of("T", "a:long, b:dynamic", "db"));
        assertThat(run(".show table T schema as json").rows()).hasSize(1);
    }

    @Test
    void ingestInlineReadsCsvRecordsInKustoTextForm() {
        run(".create table T (name:string, n:long, at:datetime)");

        ResultTable result = run(".ingest inline into table T <|\n\"a, b\",1,2024-01-02T03:04:05Z\nc,,\n");

        assertThat(result.rows()).hasSize(1);
        assertThat(result.value(0, "RowCount")).isEqualTo(2L);
        assertThat(rows("T")).containsExactly(
                List.of("a, b", 1L, java.time.Instant.parse("2024-01-02T03:04:05Z")),
                java.util.Arrays.asList("c", null, null));
    }

    @Test
    void ingestInlineWithABadValueNamesTheRecordAndColumnAndIngestsNothing() {
        run(".create table T (n:long)");

        assertThatThrownBy(() -> run(".ingest inline into table T <| 1\n2\nthree"))
                .isInstanceOf(KustoException.class)
                .hasMessageContaining("inline records record 3, column n: 'three' is not a valid long value");
        assertThat(database.table("T").orElseThrow().rowCount()).isZero();
    }

    @Test
    void ingestIntoAMissingTableIsRefusedWithTheTablesThatExist() {
        run(".create table Logs (a:long)");

        assertThatThrownBy(() -> run(".ingest inline into table Log <| 1"))
                .hasMessageContaining("unknown table 'Log' (did you mean 'Logs'?)");
    }

    @Test
    void ingestFromCsvAndTsvFilesSkipsTheHeaderWhenAsked() throws Exception {
        run(".create table T (a:long, b:string)");
        Path csv = Files.writeString(folder.resolve("t.csv"), "a,b\n1,x\n2,y\n");
        Path tsv = Files.writeString(folder.resolve("t.tsv"), "3\tz\n");

        run(".ingest into table T ('" + csv.toUri() + "') with (format='csv', ignoreFirstRecord=true)");
        run(".ingest into table T (@'" + tsv + "') with (format=tsv)");

        assertThat(rows("T")).containsExactlyInAnyOrder(List.of(1L, "x"), List.of(2L, "y"), List.of(3L, "z"));
    }

    @Test
    void ingestFromJsonLinesMapsPropertiesByColumnName() throws Exception {
        run(".create table T (a:long, b:string, c:dynamic, d:datetime)");
        Path json = Files.writeString(folder.resolve("t.json"),
                "{\"b\":\"x\",\"a\":1,\"c\":{\"k\":[1,2]},\"d\":\"2024-01-01T00:00:00Z\"}\n{\"a\":2}\n");

        run(".ingest into table T ('" + json + "') with (format='json')");

        List<List<Object>> rows = rows("T");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).subList(0, 2)).containsExactly(1L, "x");
        assertThat(rows.get(0).get(2).toString()).isEqualTo("{\"k\":[1,2]}");
        assertThat(rows.get(1)).containsExactly(2L, "", null, null);
    }

    @Test
    void ingestRefusesRemoteUrlsWithoutShowingThem() {
        run(".create table T (a:long)");

        assertThatThrownBy(() -> run(".ingest into table T ('https://acct.blob.core.windows.net/c/f.csv?sig=SECRET')"))
                .hasMessageContaining("local files only")
                .hasMessageNotContaining("SECRET");
    }

    @Test
    void setOrAppendCreatesTheTableFromTheQueryThenAppends() {
        run(".set-or-append T <| datatable(a:long)[1, 2]");
        run(".set-or-append T <| datatable(a:long)[3]");

        assertThat(rows("T")).containsExactlyInAnyOrder(List.of(1L), List.of(2L), List.of(3L));
    }

    @Test
    void setRefusesAnExistingTableAndAppendAMissingOne() {
        run(".set T <| datatable(a:long)[1]");

        assertThatThrownBy(() -> run(".set T <| datatable(a:long)[1]")).hasMessageContaining("already exists");
        assertThatThrownBy(() -> run(".append U <| datatable(a:long)[1]")).hasMessageContaining("unknown table 'U'");
    }

    @Test
    void appendWithOtherColumnsIsRefusedAndSetOrReplaceReplacesTheTable() {
        run(".set T <| datatable(a:long)[1]");

        assertThatThrownBy(() -> run(".append T <| datatable(b:string)['x']"))
                .hasMessageContaining("the query's columns (b:string) differ from table 'T' (a:long)");
        run(".set-or-replace T <| datatable(b:string)['x']");
        assertThat(rows("T")).containsExactly(List.of("x"));
    }

    @Test
    void aQueryErrorPointsIntoTheCommand() {
        assertThatThrownBy(() -> run(".set-or-append T <| Missing"))
                .isInstanceOf(KustoSyntaxException.class)
                .hasMessageContaining("unknown table 'Missing'")
                .hasMessageContaining("line 1, column 21");
    }

    @Test
    void syntaxErrorsNameTheProblemAndPlace() {
        assertThatThrownBy(() -> run(".create table T (a:lng)"))
                .hasMessageContaining("unknown type 'lng' of column 'a'").hasMessageContaining("column 20");
        assertThatThrownBy(() -> run(".create table T (a:long, a:string)"))
                .hasMessageContaining("column 'a' is declared twice");
        assertThatThrownBy(() -> run(".ingest inline into table T with (fromat='csv') <| 1"))
                .hasMessageContaining("unknown property 'fromat' (did you mean 'format'?)");
        assertThatThrownBy(() -> run(".ingest into table T ('f') with (format='xml')"))
                .hasMessageContaining("unknown ingestion format 'xml' (valid formats: csv, tsv, json, parquet)");
        assertThatThrownBy(() -> run(".set-or-append T with (tags='x') <| print 1"))
                .hasMessageContaining("properties of .set-or-append are not supported");
    }
}

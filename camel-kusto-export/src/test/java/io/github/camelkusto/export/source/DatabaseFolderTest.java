package io.github.camelkusto.export.source;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.catalog.Table;
import io.github.camelkusto.kql.control.TableCommandParser;
import io.github.camelkusto.kql.control.TableCommandRunner;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Ingestion;
import io.github.camelkusto.kql.exec.QueryEngine;
import io.github.camelkusto.kql.syntax.SourceText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded database kept in a folder: tables, rows, cursors and ingestion times are back after a restart. */
class DatabaseFolderTest {
    @TempDir
    Path folder;

    private static void run(KustoDatabase database, String command) {
        new TableCommandRunner(database, new QueryEngine(database))
                .run(TableCommandParser.parse(new SourceText(command)));
    }

    private static List<List<Object>> rows(Table table) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (Batch extent : table.extents()) {
            for (int r = 0; r < extent.rowCount(); r++) {
                List<Object> row = new java.util.ArrayList<>();
                for (int c = 0; c < extent.schema().size(); c++) {
                    row.add(extent.value(c, r));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void tablesRowsCursorsAndIngestionTimesAreBackAfterARestart() {
        KustoDatabase before = new KustoDatabase("db");
        DatabaseFolder kept = DatabaseFolder.open(folder, before);
        run(before, ".create table T (Id:long, Name:string, At:datetime, Span:timespan, Price:decimal, Ok:bool,"
                + " Ref:guid, Tags:dynamic, Ratio:real)");
        run(before, ".append T <| print Id = 1, Name = 'a', At = datetime(2024-01-02 03:04:05.1234567),"
                + " Span = 1d + 2h, Price = decimal(12.50), Ok = true, Ref = guid(00000000-0000-0000-0000-000000000001),"
                + " Tags = dynamic({\"k\": [1, 2]}), Ratio = 0.25");
        run(before, ".append T <| print Id = 4, Name = 'b', At = datetime(2024-01-01), Span = -1ms, Price = decimal(-0.000),"
                + " Ok = false, Ref = guid(00000000-0000-0000-0000-000000000002), Tags = dynamic(\"text\"), Ratio = real(nan)");
        run(before, ".append T <| print Id = 2, Name = '', At = datetime(null), Span = timespan(null),"
                + " Price = decimal(null), Ok = bool(null), Ref = guid(null), Tags = dynamic(null), Ratio = real(null)");
        run(before, ".set-or-append Other <| print x = 7");
        run(before, ".drop table Other");
        kept.close();

        KustoDatabase after = new KustoDatabase("db");
        DatabaseFolder reopened = DatabaseFolder.open(folder, after);

        assertThat(reopened.loaded()).containsExactly("T");
        Table t = after.table("T").orElseThrow();
        assertThat(rows(t)).isEqualTo(rows(before.table("T").orElseThrow()));
        assertThat(rows(t).get(0)).contains(Instant.parse("2024-01-02T03:04:05.1234567Z"),
                Duration.ofHours(26), new BigDecimal("12.50"), UUID.fromString("00000000-0000-0000-0000-000000000001"));
        assertThat(t.extents().stream().map(e -> e.ingestion().orElseThrow()).toList())
                .isEqualTo(before.table("T").orElseThrow().extents().stream().map(e -> e.ingestion().orElseThrow())
                        .toList());
        assertThat(after.cursor()).isEqualTo(before.cursor());
        run(after, ".append T <| print Id = 3, Name = 'c', At = now(), Span = 1s, Price = decimal(1), Ok = false,"
                + " Ref = guid(00000000-0000-0000-0000-000000000002), Tags = dynamic([]), Ratio = 1.0");
        List<Batch> extents = after.table("T").orElseThrow().extents();
        Ingestion next = extents.get(extents.size() - 1).ingestion().orElseThrow();
        assertThat(next.cursor()).isEqualTo(before.cursor() + 1);
        reopened.close();
    }

    @Test
    void anExtentFileNoLogLineNamesIsAChangeNeverMadeAndIsRemoved() throws Exception {
        KustoDatabase before = new KustoDatabase("db");
        DatabaseFolder kept = DatabaseFolder.open(folder, before);
        run(before, ".set-or-append T <| print x = 1");
        kept.close();
        Path orphan = folder.resolve("extents").resolve(UUID.randomUUID() + ".json");
        Files.writeString(orphan, "{\"x\": 2}\n"); // what a process killed before its log line leaves
        Files.writeString(folder.resolve(DatabaseFolder.LOG), "{\"event\":\"ingested\",\"tab",
                java.nio.file.StandardOpenOption.APPEND); // and its torn line

        KustoDatabase after = new KustoDatabase("db");
        DatabaseFolder.open(folder, after).close();

        assertThat(after.table("T").orElseThrow().rowCount()).isEqualTo(1);
        assertThat(orphan).doesNotExist();
    }
}

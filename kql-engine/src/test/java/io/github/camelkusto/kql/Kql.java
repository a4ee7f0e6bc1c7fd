package io.github.camelkusto.kql;

import java.util.ArrayList;
import java.util.List;

import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.control.TableCommandParser;
import io.github.camelkusto.kql.control.TableCommandRunner;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.exec.QueryEngine;
import io.github.camelkusto.kql.syntax.SourceText;
import io.github.camelkusto.kql.types.KqlValues;

/** Runs queries in tests: rows as Kusto's text of each value, the schema as Kusto writes it. */
public final class Kql {
    private final QueryEngine engine;

    public Kql(KustoDatabase database) {
        this.engine = new QueryEngine(database);
    }

    public Kql() {
        this(new KustoDatabase("test"));
    }

    /** Runs a table command ({@code .set-or-replace T <| ...}) on {@code database}: a test's stored table. */
    public static void load(KustoDatabase database, String tableCommand) {
        new TableCommandRunner(database, new QueryEngine(database)).run(TableCommandParser.parse(
                new SourceText(tableCommand)));
    }

    public QueryResult prepare(String query) {
        return engine.prepare(query);
    }

    public String schema(String query) {
        return engine.prepare(query).schema().toString();
    }

    /** Every row, partition after partition, each value rendered as Kusto renders it (null as "null"). */
    public List<String> rows(String query) {
        List<String> rows = new ArrayList<>();
        for (List<Object> row : values(query)) {
            rows.add(String.join(", ", row.stream().map(v -> v == null ? "null" : KqlValues.render(v)).toList()));
        }
        return rows;
    }

    public List<List<Object>> values(String query) {
        return values(engine.prepare(query));
    }

    /** Every row of a result, partition after partition, as the boxed values {@code Batch.value} gives. */
    public static List<List<Object>> values(QueryResult result) {
        List<List<Object>> rows = new ArrayList<>();
        for (Partition p : result.partitions()) {
            try (BatchStream s = p.open()) {
                for (Batch b = s.next(); b != null; b = s.next()) {
                    for (int r = 0; r < b.rowCount(); r++) {
                        List<Object> row = new ArrayList<>();
                        for (int c = 0; c < b.schema().size(); c++) {
                            row.add(b.value(c, r));
                        }
                        rows.add(row);
                    }
                }
            }
        }
        return rows;
    }

    /** The single value of a one-row, one-column result. */
    public Object scalar(String query) {
        List<List<Object>> rows = values(query);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new AssertionError("expected one value but got " + rows);
        }
        return rows.get(0).get(0);
    }
}

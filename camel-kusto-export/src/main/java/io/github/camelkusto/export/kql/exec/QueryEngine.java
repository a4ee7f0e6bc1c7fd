package io.github.camelkusto.export.kql.exec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.github.camelkusto.export.kql.Suggestions;
import io.github.camelkusto.export.kql.catalog.KustoDatabase;
import io.github.camelkusto.export.kql.catalog.Table;
import io.github.camelkusto.export.kql.data.Batch;
import io.github.camelkusto.export.kql.data.BatchStream;
import io.github.camelkusto.export.kql.data.Partition;
import io.github.camelkusto.export.kql.data.QueryResult;
import io.github.camelkusto.export.kql.syntax.KustoSyntaxException;
import io.github.camelkusto.export.kql.syntax.QueryParser;
import io.github.camelkusto.export.kql.syntax.SourceText;
import io.github.camelkusto.export.kql.syntax.ast.DataTableLiteral;
import io.github.camelkusto.export.kql.syntax.ast.Pipe;
import io.github.camelkusto.export.kql.syntax.ast.TableReference;
import io.github.camelkusto.export.kql.syntax.ast.TabularExpression;
import io.github.camelkusto.export.kql.syntax.ast.Take;

/**
 * Runs KQL queries over a {@link KustoDatabase}. {@link #prepare} parses and checks a query (unknown tables
 * are reported with the names that exist) without reading any row; the returned result streams its rows
 * partition by partition when read.
 */
public final class QueryEngine {
    private final KustoDatabase database;

    public QueryEngine(KustoDatabase database) {
        this.database = database;
    }

    public QueryResult prepare(String query) {
        SourceText source = new SourceText(query);
        return plan(QueryParser.parse(source), source);
    }

    private QueryResult plan(TabularExpression expression, SourceText source) {
        if (expression instanceof TableReference ref) {
            return scan(resolve(ref, source));
        }
        if (expression instanceof DataTableLiteral literal) {
            return dataTable(literal);
        }
        Pipe pipe = (Pipe) expression;
        QueryResult input = plan(pipe.input(), source);
        if (pipe.operator() instanceof Take take) {
            return take(input, take.count());
        }
        throw new IllegalStateException("no plan for " + pipe.operator());
    }

    private Table resolve(TableReference ref, SourceText source) {
        return database.table(ref.name()).orElseThrow(() -> {
            Collection<String> names = database.tableNames();
            return new KustoSyntaxException("unknown table '" + ref.name() + "'" + Suggestions.didYouMean(ref.name(),
                    names) + " (tables in database " + database.name() + ": "
                    + (names.isEmpty() ? "none" : String.join(", ", names)) + ")", source, ref.offset());
        });
    }

    /** One partition per extent, so exports can write shards in parallel. */
    private static QueryResult scan(Table table) {
        List<Partition> partitions = new ArrayList<>();
        for (Batch extent : table.extents()) {
            partitions.add(() -> BatchStream.of(List.of(extent)));
        }
        return new QueryResult(table.schema(), partitions);
    }

    private static QueryResult dataTable(DataTableLiteral literal) {
        Batch.Builder builder = Batch.builder(literal.schema());
        literal.rows().forEach(row -> builder.addRow(row.toArray()));
        Batch batch = builder.build();
        return new QueryResult(literal.schema(), List.of(() -> BatchStream.of(List.of(batch))));
    }

    /** Reads the input's partitions one after another until {@code count} rows have passed. */
    private static QueryResult take(QueryResult input, long count) {
        Partition limited = () -> new BatchStream() {
            private final List<Partition> pending = new ArrayList<>(input.partitions());
            private BatchStream current;
            private long remaining = count;

            @Override
            public Batch next() {
                while (remaining > 0) {
                    if (current == null) {
                        if (pending.isEmpty()) {
                            return null;
                        }
                        current = pending.remove(0).open();
                    }
                    Batch batch = current.next();
                    if (batch == null) {
                        current.close();
                        current = null;
                        continue;
                    }
                    Batch cut = batch.head((int) Math.min(remaining, batch.rowCount()));
                    remaining -= cut.rowCount();
                    return cut;
                }
                return null;
            }

            @Override
            public void close() {
                if (current != null) {
                    current.close();
                }
            }
        };
        return new QueryResult(input.schema(), List.of(limited));
    }
}

package io.github.camelkusto.export;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import io.github.camelkusto.export.command.PipedShowCommand;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.exec.QueryEngine;
import io.github.camelkusto.kql.syntax.KustoSyntaxException;

/**
 * Runs the query a {@code .show} command is piped into over the command's result table, with the embedded engine:
 * the table is the only one of a database of its own, so the query sees nothing else. {@code .show} results are
 * small (tables, retained operations, one export's artifacts), so the result is collected in memory.
 */
final class ShowPipe {
    private ShowPipe() {
    }

    static ResultTable run(PipedShowCommand command, ResultTable input, Executor queryWorkers) {
        KustoDatabase scratch = new KustoDatabase("show");
        List<Batch> extents = new ArrayList<>();
        Batch.Builder rows = Batch.builder(input.schema());
        for (List<Object> row : input.rows()) {
            rows.addRow(row.toArray());
            if (rows.rowCount() == Batch.MAX_ROWS) {
                extents.add(rows.build());
            }
        }
        if (rows.rowCount() > 0) {
            extents.add(rows.build());
        }
        scratch.appendAll(PipedShowCommand.INPUT_TABLE, input.schema(), extents);
        QueryResult result;
        try {
            result = new QueryEngine(scratch, queryWorkers).prepare(command.query());
        } catch (KustoSyntaxException e) {
            throw e.within(command.text(), command.queryStart());
        }
        List<List<Object>> out = new ArrayList<>();
        for (Partition partition : result.partitions()) {
            try (BatchStream batches = partition.open()) {
                for (Batch batch = batches.next(); batch != null; batch = batches.next()) {
                    for (int r = 0; r < batch.rowCount(); r++) {
                        List<Object> row = new ArrayList<>(batch.schema().size());
                        for (int c = 0; c < batch.schema().size(); c++) {
                            row.add(batch.value(c, r));
                        }
                        out.add(row);
                    }
                }
            }
        }
        return new ResultTable(result.schema(), out);
    }
}

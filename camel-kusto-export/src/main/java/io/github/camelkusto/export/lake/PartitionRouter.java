package io.github.camelkusto.export.lake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelkusto.export.artifact.RowRouter;
import io.github.camelkusto.export.command.ExternalTableDefinition;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Schema;

/**
 * Routes each row of an export to an external table to its partition's folder. The engine computes the partition
 * values: the export's query ends with {@code | extend} of one column per partition ({@link #PARTITION_COLUMN}
 * 0, 1, ...), which this reads and the artifacts do not get; the {@link PartitionLayout} makes a row's folder.
 */
final class PartitionRouter implements RowRouter {
    /** The prefix of the columns the extend adds; they come after the table's columns. */
    static final String PARTITION_COLUMN = "__partition_";

    private final ExternalTableDefinition table;
    private final PartitionLayout layout;
    private final int tableColumns;

    PartitionRouter(ExternalTableDefinition table) {
        this.table = table;
        this.tableColumns = table.schema().size();
        this.layout = new PartitionLayout(table);
    }

    /** The KQL the export's query ends with: the partition values as extra columns. */
    String extendClause() {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < table.partitions().size(); i++) {
            columns.add(PARTITION_COLUMN + i + " = " + table.partitions().get(i).expression());
        }
        return "\n| extend " + String.join(", ", columns);
    }

    @Override
    public Schema artifactSchema(Schema querySchema) {
        return new Schema(querySchema.columns().subList(0, tableColumns));
    }

    @Override
    public List<Routed> route(Batch batch) {
        Schema schema = artifactSchema(batch.schema());
        int rows = batch.rowCount();
        Batch artifactRows = new Batch(schema, Arrays.copyOf(batch.columns(), tableColumns), rows);
        // Two passes (each row's folder, then each folder's rows) keep the index arrays at one int per row.
        Map<String, Integer> folderIndex = new LinkedHashMap<>();
        int[] folderOf = new int[rows];
        List<Integer> counts = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            int index = folderIndex.computeIfAbsent(folder(batch, row), f -> folderIndex.size());
            if (index == counts.size()) {
                counts.add(0);
            }
            folderOf[row] = index;
            counts.set(index, counts.get(index) + 1);
        }
        if (folderIndex.size() == 1) {
            return List.of(new Routed(folderIndex.keySet().iterator().next(), artifactRows));
        }
        int[][] selected = new int[counts.size()][];
        for (int i = 0; i < selected.length; i++) {
            selected[i] = new int[counts.get(i)];
        }
        int[] filled = new int[selected.length];
        for (int row = 0; row < rows; row++) {
            selected[folderOf[row]][filled[folderOf[row]]++] = row;
        }
        List<Routed> routed = new ArrayList<>(selected.length);
        for (Map.Entry<String, Integer> folder : folderIndex.entrySet()) {
            int[] folderRows = selected[folder.getValue()];
            routed.add(new Routed(folder.getKey(), artifactRows.select(folderRows, folderRows.length)));
        }
        return routed;
    }

    /** The folder of one row, without leading or trailing '/' and without empty segments. */
    String folder(Batch batch, int row) {
        return layout.folder(partition -> batch.value(tableColumns + partition, row));
    }
}

package io.github.camelkusto.export.lake;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelkusto.export.artifact.RowRouter;
import io.github.camelkusto.export.command.ExternalTableDefinition;
import io.github.camelkusto.export.command.ExternalTablePartition;
import io.github.camelkusto.export.command.PathFormat;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.data.Vector;

/**
 * Routes each row of an export to an external table to its partition's folder. The engine computes the partition
 * values: the export's query ends with {@code | extend} of one column per partition ({@link #PARTITION_COLUMN}
 * 0, 1, ...), which this reads and the artifacts do not get. Folders are {@code name=value/...} (Hive style) or
 * what the table's path format says. String values are escaped so that a value never makes another folder: '/',
 * '\', '%', and control characters become {@code %XX}.
 */
final class PartitionRouter implements RowRouter {
    /** The prefix of the columns the extend adds; they come after the table's columns. */
    static final String PARTITION_COLUMN = "__partition_";
    /** The folder name of a null or empty partition value, as Hive writes it. */
    static final String NULL_VALUE = "__HIVE_DEFAULT_PARTITION__";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final ExternalTableDefinition table;
    private final List<Element> elements;
    private final int tableColumns;

    /** A piece of the path: literal text, or partition {@code index}'s value formatted. */
    private record Element(String literal, int index, DateTimeFormatter datetime) {
    }

    PartitionRouter(ExternalTableDefinition table) {
        this.table = table;
        this.tableColumns = table.schema().size();
        List<ExternalTablePartition> partitions = table.partitions();
        List<Element> path = new ArrayList<>();
        if (table.pathFormat().isDefault()) {
            for (int i = 0; i < partitions.size(); i++) {
                ExternalTablePartition p = partitions.get(i);
                path.add(new Element((i == 0 ? "" : "/") + p.name() + "=", -1, null));
                path.add(new Element(null, i, p.daily() ? DAY : INSTANT));
            }
        } else {
            for (PathFormat.Element e : table.pathFormat().elements()) {
                if (e instanceof PathFormat.Literal literal) {
                    path.add(new Element(literal.text(), -1, null));
                } else {
                    PathFormat.PartitionValue value = (PathFormat.PartitionValue) e;
                    int index = indexOf(partitions, value.partition());
                    DateTimeFormatter format = value.datetimePattern()
                            .map(p -> DateTimeFormatter.ofPattern(p).withZone(ZoneOffset.UTC))
                            .orElse(partitions.get(index).daily() ? DAY : INSTANT);
                    path.add(new Element(null, index, format));
                }
            }
        }
        this.elements = List.copyOf(path);
    }

    private static int indexOf(List<ExternalTablePartition> partitions, String name) {
        for (int i = 0; i < partitions.size(); i++) {
            if (partitions.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("path format names an unknown partition " + name);
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
        StringBuilder path = new StringBuilder();
        for (Element e : elements) {
            if (e.literal() != null) {
                path.append(e.literal());
            } else {
                path.append(text(batch.value(tableColumns + e.index(), row), e.datetime()));
            }
        }
        String folder = path.toString().replaceAll("/{2,}", "/");
        int start = folder.startsWith("/") ? 1 : 0;
        int end = folder.endsWith("/") && folder.length() > start ? folder.length() - 1 : folder.length();
        return folder.substring(start, Math.max(start, end));
    }

    private static String text(Object value, DateTimeFormatter datetime) {
        if (value == null) {
            return NULL_VALUE;
        }
        if (value instanceof Instant instant) {
            return datetime.format(instant); // a datetime pattern may make folders ("yyyy/MM/dd"): not escaped
        }
        String text = value.toString();
        return text.isEmpty() ? NULL_VALUE : escape(text);
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '\\' || c == '%' || c < 0x20 || c == 0x7f) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

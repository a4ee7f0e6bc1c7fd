package io.github.camelkusto.kql.data;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The ordered columns of a tabular result. */
public record Schema(List<Column> columns) {
    public Schema {
        columns = List.copyOf(columns);
    }

    public static Schema of(Column... columns) {
        return new Schema(List.of(columns));
    }

    public int size() {
        return columns.size();
    }

    public Column column(int index) {
        return columns.get(index);
    }

    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /** Kusto column names are case-sensitive. */
    public Optional<Integer> indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The schema in Kusto's own notation: {@code (a:string, b:long)}. */
    @Override
    public String toString() {
        return columns.stream().map(Column::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}

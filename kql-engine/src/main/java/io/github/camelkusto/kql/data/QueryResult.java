package io.github.camelkusto.kql.data;

import java.util.List;

/** What a query produces: its schema and the partitions its rows stream from, never all rows at once. */
public record QueryResult(Schema schema, List<Partition> partitions) {
    public QueryResult {
        partitions = List.copyOf(partitions);
    }
}

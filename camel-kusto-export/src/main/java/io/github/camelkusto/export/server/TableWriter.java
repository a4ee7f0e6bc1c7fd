package io.github.camelkusto.export.server;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.BatchStream;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Partition;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;

/**
 * Writes the {@code Columns} and {@code Rows} of one table, shared by v1 tables and v2 DataTable frames. Query
 * rows stream a batch at a time from the engine's partitions, straight into the generator: a result is never
 * held whole.
 */
final class TableWriter {
    private final JsonGenerator g;
    private final KustoJsonValues values;
    private final boolean v1;

    /** @param v1 v1 columns also carry the .NET {@code DataType}, and dynamic values are JSON text */
    TableWriter(JsonGenerator g, boolean v1) {
        this.g = g;
        this.values = new KustoJsonValues(v1);
        this.v1 = v1;
    }

    void columns(Schema schema) throws IOException {
        g.writeArrayFieldStart("Columns");
        for (Column column : schema.columns()) {
            g.writeStartObject();
            g.writeStringField("ColumnName", column.name());
            if (v1) {
                g.writeStringField("DataType", dotNetType(column.type()));
            }
            g.writeStringField("ColumnType", column.type().kustoName());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** The {@code Rows} of a small command result. */
    void rows(ResultTable table) throws IOException {
        Schema schema = table.schema();
        g.writeArrayFieldStart("Rows");
        for (List<Object> row : table.rows()) {
            g.writeStartArray();
            for (int c = 0; c < schema.size(); c++) {
                values.write(g, schema.column(c).type(), row.get(c));
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    /**
     * The {@code Rows} of a query result, partition after partition. An engine failure after rows went out
     * becomes an inline OneApiErrors row (the HTTP status is already sent) and is returned; an I/O failure (the
     * client went away) is thrown.
     */
    OneApiError rows(QueryResult result, RequestIds ids) throws IOException {
        KqlType[] types = types(result);
        g.writeArrayFieldStart("Rows");
        OneApiError failure = eachBatch(result, batch -> write(batch, types));
        if (failure != null) {
            g.writeStartObject();
            g.writeArrayFieldStart("OneApiErrors");
            failure.write(g, ids);
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        return failure;
    }

    /** What a progressive table's fragments held, and the failure that ended them early (null when none). */
    record Fragments(long rows, OneApiError failure) {
    }

    /**
     * A query result as progressive v2 frames, a {@code DataAppend} TableFragment per batch; an engine failure ends
     * them and is returned, for the TableCompletion frame to report.
     */
    Fragments fragments(QueryResult result, int tableId) throws IOException {
        KqlType[] types = types(result);
        long[] rows = {0};
        OneApiError failure = eachBatch(result, batch -> {
            g.writeStartObject();
            g.writeStringField("FrameType", "TableFragment");
            g.writeStringField("TableFragmentType", "DataAppend");
            g.writeNumberField("TableId", tableId);
            g.writeArrayFieldStart("Rows");
            write(batch, types);
            g.writeEndArray();
            g.writeEndObject();
            rows[0] += batch.rowCount();
        });
        return new Fragments(rows[0], failure);
    }

    private interface BatchWriter {
        void write(Batch batch) throws IOException;
    }

    /** Writes every batch of every partition; an engine failure stops and is returned, an I/O failure thrown. */
    private static OneApiError eachBatch(QueryResult result, BatchWriter writer) throws IOException {
        try {
            for (Partition partition : result.partitions()) {
                try (BatchStream batches = partition.open()) {
                    for (Batch batch = batches.next(); batch != null; batch = batches.next()) {
                        writer.write(batch);
                    }
                }
            }
            return null;
        } catch (KustoException e) {
            return OneApiError.badRequest(String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            return OneApiError.unexpected("the query failed: " + e);
        }
    }

    private static KqlType[] types(QueryResult result) {
        return result.schema().columns().stream().map(Column::type).toArray(KqlType[]::new);
    }

    private void write(Batch batch, KqlType[] types) throws IOException {
        for (int row = 0; row < batch.rowCount(); row++) {
            g.writeStartArray();
            for (int c = 0; c < types.length; c++) {
                values.write(g, types[c], batch.column(c), row);
            }
            g.writeEndArray();
        }
    }

    /** The .NET type v1 responses name beside the Kusto type. */
    private static String dotNetType(KqlType type) {
        return switch (type) {
            case BOOL -> "Boolean";
            case INT -> "Int32";
            case LONG -> "Int64";
            case REAL -> "Double";
            case DECIMAL -> "Decimal";
            case STRING -> "String";
            case DATETIME -> "DateTime";
            case TIMESPAN -> "TimeSpan";
            case GUID -> "Guid";
            case DYNAMIC -> "Object";
        };
    }
}

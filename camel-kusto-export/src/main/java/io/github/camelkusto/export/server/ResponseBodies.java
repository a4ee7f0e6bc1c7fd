package io.github.camelkusto.export.server;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.camelkusto.kql.data.QueryResult;
import io.github.camelkusto.kql.data.ResultTable;
import io.github.camelkusto.kql.types.KqlValues;

/**
 * The bodies of successful responses. v2 (queries): a JSON array of frames, DataSetHeader, the QueryProperties,
 * PrimaryResult (or, progressive, its header, fragments and completion) and QueryCompletionInformation DataTables,
 * and DataSetCompletion. v1 (management
 * commands, v1 queries): {@code {"Tables": [...]}} with one table.
 */
final class ResponseBodies {
    private static final int PRIMARY_TABLE_ID = 1;
    private ResponseBodies() {
    }

    /**
     * @param progressive as ADX answers {@code results_progressive_enabled}: the primary result as a TableHeader,
     *                    a DataAppend TableFragment per batch of rows and a TableCompletion; else one DataTable
     */
    static void v2(JsonGenerator g, QueryResult result, RequestIds ids, boolean progressive) throws IOException {
        g.writeStartArray();
        g.writeStartObject();
        g.writeStringField("FrameType", "DataSetHeader");
        g.writeBooleanField("IsProgressive", progressive);
        g.writeStringField("Version", "v2.0");
        g.writeBooleanField("IsFragmented", progressive);
        g.writeStringField("ErrorReportingPlacement", progressive ? "EndOfTable" : "InData");
        g.writeEndObject();

        writeQueryProperties(g);

        OneApiError failure = progressive ? primaryFragments(g, result, ids) : primaryTable(g, result, ids);

        writeCompletionInformation(g, ids, failure);

        g.writeStartObject();
        g.writeStringField("FrameType", "DataSetCompletion");
        g.writeBooleanField("HasErrors", failure != null);
        g.writeBooleanField("Cancelled", false);
        if (failure != null) {
            writeErrors(g, failure, ids);
        }
        g.writeEndObject();
        g.writeEndArray();
    }

    private static OneApiError primaryTable(JsonGenerator g, QueryResult result, RequestIds ids) throws IOException {
        dataTableStart(g, "DataTable", PRIMARY_TABLE_ID, "PrimaryResult", "PrimaryResult");
        TableWriter table = new TableWriter(g, false);
        table.columns(result.schema());
        OneApiError failure = table.rows(result, ids);
        g.writeEndObject();
        return failure;
    }

    private static OneApiError primaryFragments(JsonGenerator g, QueryResult result, RequestIds ids)
            throws IOException {
        dataTableStart(g, "TableHeader", PRIMARY_TABLE_ID, "PrimaryResult", "PrimaryResult");
        TableWriter table = new TableWriter(g, false);
        table.columns(result.schema());
        g.writeEndObject();
        TableWriter.Fragments fragments = table.fragments(result, PRIMARY_TABLE_ID);
        g.writeStartObject();
        g.writeStringField("FrameType", "TableCompletion");
        g.writeNumberField("TableId", PRIMARY_TABLE_ID);
        g.writeNumberField("RowCount", fragments.rows());
        if (fragments.failure() != null) {
            writeErrors(g, fragments.failure(), ids);
        }
        g.writeEndObject();
        return fragments.failure();
    }

    private static void writeErrors(JsonGenerator g, OneApiError failure, RequestIds ids) throws IOException {
        g.writeArrayFieldStart("OneApiErrors");
        failure.write(g, ids);
        g.writeEndArray();
    }

    /** A v1 query result: one streamed table. */
    static void v1(JsonGenerator g, QueryResult result, RequestIds ids) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("Tables");
        g.writeStartObject();
        g.writeStringField("TableName", "Table_0");
        TableWriter table = new TableWriter(g, true);
        table.columns(result.schema());
        table.rows(result, ids);
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    /** A management command's result. */
    static void v1(JsonGenerator g, ResultTable result) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("Tables");
        g.writeStartObject();
        g.writeStringField("TableName", "Table_0");
        TableWriter table = new TableWriter(g, true);
        table.columns(result.schema());
        table.rows(result);
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void dataTableStart(JsonGenerator g, String frameType, int id, String kind, String name)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("FrameType", frameType);
        g.writeNumberField("TableId", id);
        g.writeStringField("TableKind", kind);
        g.writeStringField("TableName", name);
    }

    private static void writeQueryProperties(JsonGenerator g) throws IOException {
        dataTableStart(g, "DataTable", 0, "QueryProperties", "@ExtendedProperties");
        g.writeRaw(",\"Columns\":[{\"ColumnName\":\"TableId\",\"ColumnType\":\"int\"},"
                + "{\"ColumnName\":\"Key\",\"ColumnType\":\"string\"},"
                + "{\"ColumnName\":\"Value\",\"ColumnType\":\"dynamic\"}],"
                + "\"Rows\":[[1,\"Visualization\",{\"Visualization\":null,\"Title\":null,\"XColumn\":null,"
                + "\"Series\":null,\"YColumns\":null,\"XTitle\":null,\"YTitle\":null,\"Kind\":null}]]");
        g.writeEndObject();
    }

    private static void writeCompletionInformation(JsonGenerator g, RequestIds ids, OneApiError failure)
            throws IOException {
        dataTableStart(g, "DataTable", 2, "QueryCompletionInformation", "QueryCompletionInformation");
        g.writeRaw(",\"Columns\":[{\"ColumnName\":\"Timestamp\",\"ColumnType\":\"datetime\"},"
                + "{\"ColumnName\":\"ClientRequestId\",\"ColumnType\":\"string\"},"
                + "{\"ColumnName\":\"ActivityId\",\"ColumnType\":\"guid\"},"
                + "{\"ColumnName\":\"SubActivityId\",\"ColumnType\":\"guid\"},"
                + "{\"ColumnName\":\"ParentActivityId\",\"ColumnType\":\"guid\"},"
                + "{\"ColumnName\":\"Level\",\"ColumnType\":\"int\"},"
                + "{\"ColumnName\":\"LevelName\",\"ColumnType\":\"string\"},"
                + "{\"ColumnName\":\"StatusCode\",\"ColumnType\":\"int\"},"
                + "{\"ColumnName\":\"StatusCodeName\",\"ColumnType\":\"string\"},"
                + "{\"ColumnName\":\"EventType\",\"ColumnType\":\"int\"},"
                + "{\"ColumnName\":\"EventTypeName\",\"ColumnType\":\"string\"},"
                + "{\"ColumnName\":\"Payload\",\"ColumnType\":\"string\"}]");
        g.writeArrayFieldStart("Rows");
        g.writeStartArray();
        g.writeString(KqlValues.render(Instant.now()));
        g.writeString(ids.clientRequestId());
        String activity = ids.activityId().toString();
        g.writeString(activity);
        g.writeString(activity);
        g.writeString(activity);
        if (failure == null) {
            g.writeNumber(4);
            g.writeString("Info");
            g.writeNumber(0);
            g.writeString("S_OK (0)");
            g.writeNumber(4);
            g.writeString("QueryInfo");
            g.writeString("{\"Count\":1,\"Text\":\"Query completed successfully\"}");
        } else {
            g.writeNumber(2);
            g.writeString("Error");
            g.writeNumber(0x80004005); // E_FAIL: the one status a failed query reports here
            g.writeString("E_FAIL (0x80004005)");
            g.writeNumber(4);
            g.writeString("QueryInfo");
            g.writeString(failure.message());
        }
        g.writeEndArray();
        g.writeEndArray();
        g.writeEndObject();
    }
}

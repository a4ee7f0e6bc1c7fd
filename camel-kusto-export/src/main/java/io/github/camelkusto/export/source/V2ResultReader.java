package io.github.camelkusto.export.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.data.VectorBuilder;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;

/**
 * Reads a Kusto v2 query response, a JSON array of frames, as it arrives: the first {@code PrimaryResult} table's
 * rows in batches, every other table skipped. Both shapes ADX sends are read: one {@code DataTable} frame per table,
 * or (progressive) a {@code TableHeader}, {@code DataAppend} fragments and a {@code TableCompletion}. The rows end
 * only at the {@code DataSetCompletion} frame, and only when it reports no error: errors reported inline (a
 * {@code OneApiErrors} object among the rows, in a completion frame) or a response that breaks off fail the read.
 */
final class V2ResultReader implements AutoCloseable {
    private static final String PRIMARY_RESULT = "PrimaryResult";

    private final InputStream body;
    private final JsonParser json;
    private final String origin;
    private Schema schema;
    private KqlType[] types;
    private long primaryTableId = Long.MIN_VALUE;
    private boolean inFrame;
    private boolean inRows;
    private boolean completed;
    private boolean finished;
    private long rowsRead;
    private final Frame frame = new Frame();

    /** The fields of the frame being read that say what it is. */
    private static final class Frame {
        String type;
        String tableKind;
        String fragmentType;
        long tableId = Long.MIN_VALUE;
        boolean primary;
        boolean hasErrors;
        boolean cancelled;
    }

    private V2ResultReader(InputStream body, String origin) throws IOException {
        this.body = body;
        this.origin = origin;
        this.json = KqlValues.JSON.createParser(body);
    }

    /** Reads {@code body} up to the primary result's columns; closes it when that fails. */
    static V2ResultReader open(InputStream body, String origin) {
        V2ResultReader reader;
        try {
            reader = new V2ResultReader(body, origin);
        } catch (IOException e) {
            closeQuietly(body);
            throw new KustoException("cannot read the response of " + origin + ": " + KustoException.reason(e), e);
        }
        try {
            reader.start();
            return reader;
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    Schema schema() {
        return schema;
    }

    private void start() {
        try {
            if (json.nextToken() != JsonToken.START_ARRAY) {
                throw protocol("the response is not a JSON array of frames");
            }
            if (!advance()) {
                throw new KustoException(origin + " answered the query without a PrimaryResult table");
            }
        } catch (IOException e) {
            throw brokeOff(e);
        }
    }

    /** Up to {@code maxRows} rows, or {@code null} once the response has ended well. */
    Batch next(int maxRows) {
        if (finished) {
            return null;
        }
        VectorBuilder[] columns = new VectorBuilder[types.length];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = new VectorBuilder(types[c], Math.min(maxRows, 1024));
        }
        int rows = 0;
        try {
            while (rows < maxRows && (inRows || advance())) {
                JsonToken token = json.nextToken();
                if (token == JsonToken.END_ARRAY) {
                    inRows = false;
                } else if (token == JsonToken.START_OBJECT) {
                    throw failed(json.readValueAsTree()); // an error reported among the rows
                } else if (token == JsonToken.START_ARRAY) {
                    readRow(columns);
                    rows++;
                    rowsRead++;
                } else {
                    throw token == null ? brokeOff(null) : protocol("a row is " + token + ", not an array");
                }
            }
        } catch (IOException e) {
            throw brokeOff(e);
        }
        if (rows == 0) {
            return null;
        }
        Vector[] vectors = new Vector[columns.length];
        for (int c = 0; c < columns.length; c++) {
            vectors[c] = columns[c].build();
        }
        return new Batch(schema, vectors, rows);
    }

    private void readRow(VectorBuilder[] columns) throws IOException {
        for (int c = 0; c < columns.length; c++) {
            JsonToken token = json.nextToken();
            if (token == null) {
                throw brokeOff(null);
            }
            if (token == JsonToken.END_ARRAY) {
                throw protocol("row " + (rowsRead + 1) + " has " + c + " values for " + columns.length + " columns");
            }
            try {
                WireValues.append(json, token, types[c], columns[c]);
            } catch (RuntimeException e) {
                throw new KustoException(origin + " sent a value that column " + schema.column(c) + " cannot hold"
                        + " in row " + (rowsRead + 1) + ": " + KustoException.reason(e), e);
            }
        }
        if (json.nextToken() != JsonToken.END_ARRAY) {
            throw protocol("row " + (rowsRead + 1) + " has more values than the " + columns.length + " columns");
        }
    }

    /**
     * Reads frames until the parser stands in the primary result's {@code Rows} (true), or the frames have ended
     * well (false).
     */
    private boolean advance() throws IOException {
        while (true) {
            if (!inFrame) {
                JsonToken token = json.nextToken();
                if (token == JsonToken.END_ARRAY) {
                    if (!completed) {
                        throw protocol("the response ended without its DataSetCompletion frame");
                    }
                    finished = true;
                    return false;
                }
                if (token != JsonToken.START_OBJECT) {
                    throw token == null ? brokeOff(null) : protocol("a frame is " + token + ", not an object");
                }
                inFrame = true;
                frame.type = null;
                frame.tableKind = null;
                frame.fragmentType = null;
                frame.tableId = Long.MIN_VALUE;
                frame.primary = false;
                frame.hasErrors = false;
                frame.cancelled = false;
            }
            if (readFields()) {
                return true;
            }
            inFrame = false;
            endFrame();
        }
    }

    /** The current frame's fields, up to its end (false) or the primary result's rows (true). */
    private boolean readFields() throws IOException {
        for (JsonToken token = json.nextToken(); token != JsonToken.END_OBJECT; token = json.nextToken()) {
            if (token != JsonToken.FIELD_NAME) {
                throw token == null ? brokeOff(null) : protocol("a frame holds " + token);
            }
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (value == null) {
                throw brokeOff(null);
            }
            switch (field) {
                case "FrameType" -> frame.type = json.getText();
                case "TableKind" -> frame.tableKind = json.getText();
                case "TableFragmentType" -> frame.fragmentType = json.getText();
                case "TableId" -> frame.tableId = json.getLongValue();
                case "HasErrors" -> frame.hasErrors = value == JsonToken.VALUE_TRUE;
                case "Cancelled" -> frame.cancelled = value == JsonToken.VALUE_TRUE;
                case "Columns" -> columns();
                case "Rows" -> {
                    if (primaryRows()) {
                        inRows = true;
                        return true;
                    }
                    json.skipChildren();
                }
                case "OneApiErrors" -> throw failed(json.readValueAsTree());
                default -> json.skipChildren();
            }
        }
        return false;
    }

    /** The primary result's columns (the first PrimaryResult table's); other tables' are skipped. */
    private void columns() throws IOException {
        boolean header = "DataTable".equals(frame.type) || "TableHeader".equals(frame.type);
        if (schema != null || !header || !PRIMARY_RESULT.equals(frame.tableKind)) {
            json.skipChildren();
            return;
        }
        JsonNode list = json.readValueAsTree();
        List<Column> columns = new ArrayList<>();
        for (JsonNode column : list) {
            String name = column.path("ColumnName").asText();
            String type = column.path("ColumnType").asText();
            columns.add(new Column(name, KqlType.byName(type).orElseThrow(() -> protocol("column '" + name
                    + "' has type '" + type + "', which is none of " + KqlType.validNames()))));
        }
        schema = new Schema(columns);
        types = columns.stream().map(Column::type).toArray(KqlType[]::new);
        primaryTableId = frame.tableId;
        frame.primary = true;
    }

    private boolean primaryRows() {
        if (frame.primary) {
            return true;
        }
        if ("TableFragment".equals(frame.type) && schema != null && frame.tableId == primaryTableId) {
            if ("DataReplace".equals(frame.fragmentType)) {
                throw protocol("a DataReplace fragment would take back rows already exported; send the query"
                        + " without results_progressive_enabled");
            }
            return true;
        }
        if (PRIMARY_RESULT.equals(frame.tableKind) && schema == null) {
            throw protocol("the PrimaryResult table's rows come before its columns");
        }
        return false;
    }

    private void endFrame() {
        if ("DataSetCompletion".equals(frame.type)) {
            if (frame.hasErrors || frame.cancelled) {
                throw new KustoException(origin + (frame.cancelled ? " canceled the query" : " reported the query"
                        + " failed") + " after " + rowsRead + " rows");
            }
            completed = true;
        }
    }

    /** An error the cluster reported in the data: {@code [{"error": {...}}]} or {@code {"OneApiErrors": [...]}}. */
    private KustoException failed(JsonNode errors) {
        JsonNode list = errors.has("OneApiErrors") ? errors.get("OneApiErrors") : errors;
        JsonNode error = list.path(0).path("error");
        String message = error.path("@message").asText(error.path("message").asText("no message"));
        String code = error.path("code").asText("no code");
        return new KustoException(origin + " failed the query after " + rowsRead + " rows (" + code + "): "
                + message);
    }

    private KustoException protocol(String what) {
        return new KustoException("the response of " + origin + " is not a Kusto v2 result: " + what);
    }

    private KustoException brokeOff(IOException e) {
        String why = e == null ? "the response ended" : KustoException.reason(e);
        return new KustoException("the response of " + origin + " broke off after " + rowsRead + " rows: " + why, e);
    }

    /** Drops the connection when the response was not read to its end. */
    @Override
    public void close() {
        try {
            json.close();
        } catch (IOException | RuntimeException e) {
            // closing what failed: nothing more to do
        }
        closeQuietly(body);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException | RuntimeException e) {
            // as above
        }
    }
}

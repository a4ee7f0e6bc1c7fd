package io.github.camelkusto.export.artifact;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.Ticks;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.Encoder;

/**
 * Rows of a query result as Avro records. The schema has one field per column, in order, each a union
 * {@code ["null", T]} (a null is the union's first branch): bool boolean, int int, long long, real double,
 * decimal bytes with logical type decimal(38, 18), string string, guid string with logical type uuid, dynamic
 * string (compact JSON), datetime long with logical type timestamp-micros (UTC; ticks rounded down to the
 * microsecond), timespan long in ticks of 100 ns (as in parquet artifacts: Avro's duration type counts months, days
 * and milliseconds, which a timespan is not). Records are written straight from the batch's vectors by this
 * {@link DatumWriter}: no GenericRecord per row.
 */
final class AvroRows implements DatumWriter<RowCursor> {
    static final String RECORD_NAME = "KustoExportRecord";

    private final Schema schema;
    private final String[] names;
    private final KqlType[] types;

    AvroRows(io.github.camelkusto.kql.data.Schema columns) {
        this.names = columns.names().toArray(String[]::new);
        this.types = columns.columns().stream().map(Column::type).toArray(KqlType[]::new);
        this.schema = schema(columns);
    }

    Schema schema() {
        return schema;
    }

    /**
     * @throws KustoException naming the column when its name is not an Avro name (letters, digits and '_', not
     *                        starting with a digit)
     */
    static Schema schema(io.github.camelkusto.kql.data.Schema columns) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Column column : columns.columns()) {
            Schema nullable = Schema.createUnion(Schema.create(Schema.Type.NULL), type(column.type()));
            try {
                fields.add(new Schema.Field(column.name(), nullable, column.type() == KqlType.TIMESPAN
                        ? "timespan in ticks of 100 ns" : null, Schema.Field.NULL_DEFAULT_VALUE));
            } catch (SchemaParseException e) {
                throw new KustoException("column '" + column.name() + "' cannot be an avro field: avro names are"
                        + " letters, digits and '_', not starting with a digit (rename it, e.g. with project-rename)");
            }
        }
        return Schema.createRecord(RECORD_NAME, null, null, false, fields);
    }

    private static Schema type(KqlType type) {
        return switch (type) {
            case BOOL -> Schema.create(Schema.Type.BOOLEAN);
            case INT -> Schema.create(Schema.Type.INT);
            case LONG, TIMESPAN -> Schema.create(Schema.Type.LONG);
            case REAL -> Schema.create(Schema.Type.DOUBLE);
            case DECIMAL -> LogicalTypes.decimal(BinaryDecimal.PRECISION, BinaryDecimal.SCALE)
                    .addToSchema(Schema.create(Schema.Type.BYTES));
            case STRING, DYNAMIC -> Schema.create(Schema.Type.STRING);
            case GUID -> LogicalTypes.uuid().addToSchema(Schema.create(Schema.Type.STRING));
            case DATETIME -> LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
        };
    }

    @Override
    public void setSchema(Schema schema) {
        // the schema is this writer's own, derived from the columns
    }

    @Override
    public void write(RowCursor cursor, Encoder out) throws IOException {
        int row = cursor.row;
        for (int c = 0; c < names.length; c++) {
            Vector v = cursor.batch.column(c);
            if (v.isNull(row)) {
                out.writeIndex(0);
                out.writeNull();
                continue;
            }
            out.writeIndex(1);
            switch (types[c]) {
                case BOOL -> out.writeBoolean(v.getLong(row) != 0);
                case INT -> out.writeInt((int) v.getLong(row));
                case LONG, TIMESPAN -> out.writeLong(v.getLong(row)); // timespan: its ticks
                case REAL -> out.writeDouble(v.getDouble(row));
                case DECIMAL -> out.writeBytes(ByteBuffer.wrap(
                        BinaryDecimal.unscaledBytes((BigDecimal) v.getObject(row), names[c], "avro")));
                case STRING -> out.writeString((String) v.getObject(row));
                case GUID -> out.writeString(v.getObject(row).toString());
                case DYNAMIC -> out.writeString(DynamicJson.compact(v.getObject(row)));
                case DATETIME -> out.writeLong(Math.floorDiv(v.getLong(row), Ticks.PER_MICROSECOND));
            }
        }
    }
}

package io.github.camelkusto.export.artifact;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;

import io.github.camelkusto.export.command.DatetimePrecision;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.LongVector;
import io.github.camelkusto.kql.data.ObjectVector;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.Ticks;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Rows of a query result as parquet records, with ADX's type mapping: bool BOOLEAN, int INT32, long INT64, real
 * DOUBLE, decimal DECIMAL(38, 18) in 16 bytes, string, guid and dynamic (compact JSON) UTF8, datetime INT64
 * TIMESTAMP (UTC, millis or micros), timespan INT64 ticks (100 ns). Every column is optional: a null is absent.
 */
final class ParquetRows {
    static final int DECIMAL_PRECISION = BinaryDecimal.PRECISION;
    static final int DECIMAL_SCALE = BinaryDecimal.SCALE;
    private static final int DECIMAL_BYTES = 16;
    private static final long NANOS_PER_TICK = 100;

    private final MessageType schema;
    private final String[] names;
    private final KqlType[] types;
    private final DatetimePrecision precision;
    /** Long columns in DELTA_BINARY_PACKED pages (else PLAIN). */
    private final boolean deltaLongs;
    /** Each text column's buffer its values are encoded in (not shared: columns may be written in parallel). */
    private final Utf8Buffer[] utf8;

    ParquetRows(Schema schema, DatetimePrecision precision, boolean deltaLongs) {
        this.deltaLongs = deltaLongs;
        this.names = schema.names().toArray(String[]::new);
        this.types = schema.columns().stream().map(Column::type).toArray(KqlType[]::new);
        this.precision = precision;
        this.schema = messageType(schema, precision);
        this.utf8 = new Utf8Buffer[types.length];
        for (int c = 0; c < utf8.length; c++) {
            utf8[c] = new Utf8Buffer();
        }
    }

    static MessageType messageType(Schema schema, DatetimePrecision precision) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (Column column : schema.columns()) {
            message.addField(field(column, precision));
        }
        return message.named("schema");
    }

    private static Type field(Column column, DatetimePrecision precision) {
        var optional = Types.optional(switch (column.type()) {
            case BOOL -> PrimitiveTypeName.BOOLEAN;
            case INT -> PrimitiveTypeName.INT32;
            case LONG, DATETIME, TIMESPAN -> PrimitiveTypeName.INT64;
            case REAL -> PrimitiveTypeName.DOUBLE;
            case DECIMAL -> PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
            case STRING, GUID, DYNAMIC -> PrimitiveTypeName.BINARY;
        });
        LogicalTypeAnnotation logical = switch (column.type()) {
            case DECIMAL -> LogicalTypeAnnotation.decimalType(DECIMAL_SCALE, DECIMAL_PRECISION);
            case STRING, GUID, DYNAMIC -> LogicalTypeAnnotation.stringType();
            case DATETIME -> LogicalTypeAnnotation.timestampType(true,
                    precision == DatetimePrecision.MICROSECOND ? TimeUnit.MICROS : TimeUnit.MILLIS);
            default -> null;
        };
        if (column.type() == KqlType.DECIMAL) {
            optional.length(DECIMAL_BYTES);
        }
        return optional.as(logical).named(column.name());
    }

    MessageType schema() {
        return schema;
    }

    /**
     * Writes rows {@code [from, to)} of column {@code c}, whose values are {@code v}: into {@code plain} when the
     * column has plain pages ({@link #plainPages}), else into parquet-java's column writer {@code writer} (the
     * caller ends the records). Column at a time, straight from each vector: the record-at-a-time path (a
     * WriteSupport feeding parquet-java's RecordConsumer, which finds the column writer of each field and checks the
     * record's shape value by value) was most of the parquet export's time when profiled.
     */
    void writeColumn(int c, PlainPages plain, ColumnWriter writer, Vector v, int from, int to) throws IOException {
        if (plain instanceof LongPages longs && v instanceof LongVector vector) {
            longs.write(vector, from, to);
        } else if (plain instanceof PlainStringPages strings && v instanceof ObjectVector vector) {
            strings.write(vector, from, to);
        } else if (plain instanceof DictionaryStringPages strings && v instanceof ObjectVector vector) {
            strings.write(vector, from, to);
        } else if (plain != null) {
            throw new IllegalStateException("column '" + names[c] + "' of type " + types[c] + " came as "
                    + v.getClass().getSimpleName());
        } else {
            writeColumn(c, writer, v, from, to);
        }
    }

    /**
     * The plain pages column {@code c} is written into, or null when its values go through parquet-java's column
     * writer: longs, timespans, datetimes and strings get pages of their own (strings with a dictionary
     * {@link DictionaryStringPages}).
     */
    PlainPages plainPages(int c, ColumnDescriptor column, boolean dictionary) {
        if (dictionary) {
            return types[c] == KqlType.STRING ? new DictionaryStringPages(column) : null;
        }
        return switch (types[c]) {
            case LONG, TIMESPAN -> new LongPages(column, 1, deltaLongs);
            case DATETIME -> new LongPages(column, precision == DatetimePrecision.MICROSECOND
                    ? Ticks.PER_MICROSECOND : Ticks.PER_MILLISECOND, deltaLongs);
            case STRING -> new PlainStringPages(column);
            default -> null;
        };
    }

    /** Writes rows {@code [from, to)} of column {@code c}, whose values are {@code v}, into {@code out}. */
    private void writeColumn(int c, ColumnWriter out, Vector v, int from, int to) {
        KqlType type = types[c];
        if (v instanceof LongVector longs && (type == KqlType.LONG || type == KqlType.TIMESPAN)) {
            writeLongs(out, longs, from, to, 1);
        } else if (v instanceof LongVector longs && type == KqlType.DATETIME) {
            writeLongs(out, longs, from, to, precision == DatetimePrecision.MICROSECOND ? Ticks.PER_MICROSECOND
                    : Ticks.PER_MILLISECOND);
        } else if (v instanceof ObjectVector strings && type == KqlType.STRING) {
            writeStrings(out, strings, from, to, utf8[c]);
        } else {
            writeValues(c, out, v, from, to);
        }
    }

    /** Longs, each divided (rounded down) by {@code divisor}: datetime ticks in the column's unit. */
    private static void writeLongs(ColumnWriter out, LongVector v, int from, int to, long divisor) {
        long[] values = v.values();
        boolean[] nulls = v.nulls();
        int mask = v.mask();
        for (int row = from; row < to; row++) {
            if (nulls != null && nulls[row & mask]) {
                out.writeNull(0, 0);
            } else if (divisor == 1) {
                out.write(values[row & mask], 0, 1);
            } else {
                out.write(Math.floorDiv(values[row & mask], divisor), 0, 1);
            }
        }
    }

    private static void writeStrings(ColumnWriter out, ObjectVector v, int from, int to, Utf8Buffer utf8) {
        Object[] values = v.values();
        int mask = v.mask();
        for (int row = from; row < to; row++) {
            Object value = values[row & mask];
            if (value == null) {
                out.writeNull(0, 0);
            } else {
                out.write(utf8.encodeRepeated((String) value), 0, 1); // plain columns have PlainStringPages
            }
        }
    }

    /** Any column, value by value. */
    private void writeValues(int c, ColumnWriter out, Vector v, int from, int to) {
        KqlType type = types[c];
        for (int row = from; row < to; row++) {
            if (v.isKustoNull(row)) {
                out.writeNull(0, 0);
                continue;
            }
            switch (type) {
                case BOOL -> out.write(v.getLong(row) != 0, 0, 1);
                case INT -> out.write((int) v.getLong(row), 0, 1);
                case LONG, TIMESPAN -> out.write(v.getLong(row), 0, 1); // timespan: its ticks
                case REAL -> out.write(v.getDouble(row), 0, 1);
                case DECIMAL -> out.write(decimal((BigDecimal) v.getObject(row), names[c]), 0, 1);
                case STRING -> out.write(utf8[c].encode((String) v.getObject(row)), 0, 1);
                case GUID -> out.write(utf8[c].encode(v.getObject(row).toString()), 0, 1);
                case DYNAMIC -> out.write(utf8[c].encode(DynamicJson.compact(v.getObject(row))), 0, 1);
                case DATETIME -> out.write(datetime(v.getLong(row)), 0, 1);
            }
        }
    }

    /** Ticks (100 ns) as the column's unit, rounded down as {@code Instant.toEpochMilli} does. */
    private long datetime(long ticks) {
        return precision == DatetimePrecision.MICROSECOND ? Math.floorDiv(ticks, Ticks.PER_MICROSECOND)
                : Math.floorDiv(ticks, Ticks.PER_MILLISECOND);
    }

    static long ticks(Duration duration) {
        return Math.addExact(Math.multiplyExact(duration.getSeconds(), 1_000_000_000L / NANOS_PER_TICK),
                duration.getNano() / NANOS_PER_TICK);
    }

    /** Big-endian two's complement of the value at scale 18, sign-extended to 16 bytes. */
    private static Binary decimal(BigDecimal value, String column) {
        byte[] bytes = BinaryDecimal.unscaledBytes(value, column, "parquet");
        byte[] fixed = new byte[DECIMAL_BYTES];
        Arrays.fill(fixed, 0, DECIMAL_BYTES - bytes.length, bytes[0] < 0 ? (byte) 0xFF : 0);
        System.arraycopy(bytes, 0, fixed, DECIMAL_BYTES - bytes.length, bytes.length);
        return Binary.fromConstantByteArray(fixed);
    }
}

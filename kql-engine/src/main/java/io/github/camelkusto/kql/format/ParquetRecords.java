package io.github.camelkusto.kql.format;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;
import io.github.camelkusto.kql.types.Ticks;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.crypto.FileDecryptionProperties;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetMetricsCallback;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Reads a parquet file into rows of a table through parquet-java, without Hadoop (a {@link LocalInputFile}, a
 * {@link PlainParquetConfiguration} and {@link ParquetCodecs}), one row group at a time and one row at a time
 * within it. Columns are matched to the table's by name (a column the file lacks is null, an empty string for
 * string columns); the file's values are read as ADX writes them (bool BOOLEAN, int INT32, long INT64, real
 * DOUBLE, decimal DECIMAL, string/guid/dynamic UTF8, datetime INT64 TIMESTAMP, timespan INT64 ticks) and as other
 * writers do (INT32 DATE, INT96 timestamps, FLOAT, UUID, narrower or unsigned integers), then converted to the
 * column's type: numbers widen, text is read in Kusto's text form, anything else is refused naming the row.
 */
public final class ParquetRecords {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    /** The Julian day of 1970-01-01, the epoch of INT96 timestamps' day part. */
    private static final long JULIAN_EPOCH_DAY = 2_440_588;

    private ParquetRecords() {
    }

    /** The table schema the file's own types give: its top-level columns, in order. */
    public static Schema schemaOf(Path file) {
        try (ParquetFileReader reader = open(file)) {
            List<Column> columns = new ArrayList<>();
            for (Type field : reader.getFileMetaData().getSchema().getFields()) {
                columns.add(new Column(field.getName(), kustoType(primitive(field, file))));
            }
            return new Schema(columns);
        } catch (KustoException e) {
            throw e;
        } catch (IOException | RuntimeException e) { // parquet-java reports a bad file as a RuntimeException
            throw unreadable(file, e);
        }
    }

    /**
     * Reads every row of {@code file} as a row of {@code schema}, handing each to {@code rows}.
     *
     * @throws KustoException naming the file, row (1-based) and column when a value does not fit its column, or
     *                        the file when it is not readable parquet
     */
    public static void read(Path file, Schema schema, Consumer<Object[]> rows) {
        String origin = file.getFileName().toString();
        try (ParquetFileReader reader = open(file)) {
            MessageType fileSchema = reader.getFileMetaData().getSchema();
            List<Type> projected = new ArrayList<>();
            List<Integer> targets = new ArrayList<>();
            for (int c = 0; c < schema.size(); c++) {
                String name = schema.column(c).name();
                if (fileSchema.containsField(name)) {
                    projected.add(primitive(fileSchema.getType(name), file));
                    targets.add(c);
                }
            }
            Materializer materializer = new Materializer(schema, projected, targets, origin);
            if (projected.isEmpty()) {
                readWithoutColumns(reader, materializer, rows);
                return;
            }
            MessageType projection = Types.buildMessage().addFields(projected.toArray(Type[]::new))
                    .named(fileSchema.getName());
            reader.setRequestedSchema(projection);
            var columnIo = new ColumnIOFactory(reader.getFileMetaData().getCreatedBy())
                    .getColumnIO(projection, fileSchema);
            for (PageReadStore group = reader.readNextRowGroup(); group != null; group = reader.readNextRowGroup()) {
                RecordReader<Object[]> records = columnIo.getRecordReader(group, materializer);
                for (long r = 0, count = group.getRowCount(); r < count; r++) {
                    rows.accept(records.read());
                }
            }
        } catch (KustoException e) {
            throw e;
        } catch (IOException | RuntimeException e) { // parquet-java reports a bad file as a RuntimeException
            throw unreadable(file, e);
        }
    }

    /** A file none of whose columns the table has still has rows: each is a row of empty values. */
    private static void readWithoutColumns(ParquetFileReader reader, Materializer materializer,
            Consumer<Object[]> rows) {
        for (long r = 0, count = reader.getRecordCount(); r < count; r++) {
            materializer.root.start();
            rows.accept(materializer.getCurrentRecord());
        }
    }

    private static ParquetFileReader open(Path file) throws IOException {
        return ParquetFileReader.open(new LocalInputFile(file), readOptions());
    }

    /**
     * parquet-java's read options for this reader. Its public builder cannot run without Hadoop (its constructor
     * loads {@code ParquetInputFormat}, a subclass of Hadoop's {@code FileInputFormat}, for a record filter read
     * from the configuration), so the options are made by their own constructor, as the builder's {@code build}
     * does, with its defaults: no filters (every row is read), checksums verified, {@link ParquetCodecs}.
     */
    private static ParquetReadOptions readOptions() {
        try {
            var constructor = ParquetReadOptions.class.getDeclaredConstructor(boolean.class, boolean.class,
                    boolean.class, boolean.class, boolean.class, boolean.class, boolean.class, boolean.class,
                    boolean.class, FilterCompat.Filter.class, ParquetMetadataConverter.MetadataFilter.class,
                    CompressionCodecFactory.class, ByteBufferAllocator.class, int.class, Map.class,
                    FileDecryptionProperties.class, ParquetMetricsCallback.class, ParquetConfiguration.class);
            constructor.setAccessible(true);
            return constructor.newInstance(false, false, false, false, false, true, false, false, false,
                    FilterCompat.NOOP, ParquetMetadataConverter.NO_FILTER, new ParquetCodecs(),
                    new HeapByteBufferAllocator(), 8 * 1024 * 1024, new HashMap<String, String>(), null, null,
                    new PlainParquetConfiguration());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("parquet-java's ParquetReadOptions changed: cannot make read options", e);
        }
    }

    private static KustoException unreadable(Path file, Exception e) {
        if (e.getCause() instanceof KustoException k) {
            return k;
        }
        String reason = KustoException.reason(e).replaceAll("\\S*LocalInputFile@\\p{XDigit}+", "the file");
        return new KustoException("cannot read parquet file " + file.getFileName() + ": " + reason, e);
    }

    /** A flat, single-valued column; nested or repeated columns have no Kusto scalar type to land in. */
    private static PrimitiveType primitive(Type field, Path file) {
        if (!field.isPrimitive() || field.isRepetition(Type.Repetition.REPEATED)) {
            throw new KustoException(file.getFileName() + ": column '" + field.getName() + "' is a nested or"
                    + " repeated parquet column, which the embedded database does not ingest");
        }
        return field.asPrimitiveType();
    }

    /** The Kusto type of a parquet column, as ADX maps them (timespans, written as plain INT64, read as long). */
    static KqlType kustoType(PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (logical instanceof DecimalLogicalTypeAnnotation) {
            return KqlType.DECIMAL;
        }
        if (logical instanceof TimestampLogicalTypeAnnotation
                || logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return KqlType.DATETIME;
        }
        if (logical instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation) {
            return KqlType.DYNAMIC;
        }
        if (logical instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
            return KqlType.GUID;
        }
        return switch (type.getPrimitiveTypeName()) {
            case BOOLEAN -> KqlType.BOOL;
            case INT32 -> logical instanceof IntLogicalTypeAnnotation i && !i.isSigned() ? KqlType.LONG : KqlType.INT;
            case INT64 -> KqlType.LONG;
            case INT96 -> KqlType.DATETIME;
            case FLOAT, DOUBLE -> KqlType.REAL;
            case BINARY, FIXED_LEN_BYTE_ARRAY -> KqlType.STRING;
        };
    }

    /** Assembles rows: each record starts as the table's empty row, and each column present fills its cell. */
    private static final class Materializer extends RecordMaterializer<Object[]> {
        private final Schema schema;
        private final String origin;
        private final Root root;
        private Object[] row;
        private long rowNumber;

        Materializer(Schema schema, List<Type> projected, List<Integer> targets, String origin) {
            this.schema = schema;
            this.origin = origin;
            Cell[] cells = new Cell[projected.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = new Cell(this, projected.get(i).asPrimitiveType(), targets.get(i));
            }
            this.root = new Root(this, cells);
        }

        @Override
        public Object[] getCurrentRecord() {
            return row;
        }

        @Override
        public GroupConverter getRootConverter() {
            return root;
        }

        void startRow() {
            rowNumber++;
            row = new Object[schema.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = schema.column(c).type() == KqlType.STRING ? "" : null; // Kusto strings are never null
            }
        }

        void set(int column, Object fileValue, PrimitiveType fileType) {
            Column target = schema.column(column);
            try {
                row[column] = convert(fileValue, target.type());
            } catch (IllegalArgumentException e) {
                throw new KustoException(origin + " row " + rowNumber + ", column " + target.name() + ": "
                        + KustoException.reason(e) + " (parquet " + describe(fileType) + ")");
            }
        }
    }

    private static String describe(PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        return type.getPrimitiveTypeName() + (logical == null ? "" : " " + logical);
    }

    private static final class Root extends GroupConverter {
        private final Materializer rows;
        private final Cell[] cells;

        Root(Materializer rows, Cell[] cells) {
            this.rows = rows;
            this.cells = cells;
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return cells[fieldIndex];
        }

        @Override
        public void start() {
            rows.startRow();
        }

        @Override
        public void end() {
        }
    }

    /** One column of the file: decodes its physical values by their logical type into the row's cell. */
    private static final class Cell extends PrimitiveConverter {
        private final Materializer rows;
        private final PrimitiveType type;
        private final LogicalTypeAnnotation logical;
        private final int column;

        Cell(Materializer rows, PrimitiveType type, int column) {
            this.rows = rows;
            this.type = type;
            this.logical = type.getLogicalTypeAnnotation();
            this.column = column;
        }

        private void set(Object value) {
            rows.set(column, value, type);
        }

        @Override
        public void addBoolean(boolean value) {
            set(value);
        }

        @Override
        public void addInt(int value) {
            if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                set(LocalDate.ofEpochDay(value).atStartOfDay().toInstant(ZoneOffset.UTC));
            } else if (logical instanceof DecimalLogicalTypeAnnotation d) {
                set(BigDecimal.valueOf(value, d.getScale()));
            } else if (logical instanceof IntLogicalTypeAnnotation i && !i.isSigned()) {
                set(Integer.toUnsignedLong(value));
            } else {
                set(value);
            }
        }

        @Override
        public void addLong(long value) {
            if (logical instanceof TimestampLogicalTypeAnnotation t) {
                set(timestamp(value, t.getUnit()));
            } else if (logical instanceof DecimalLogicalTypeAnnotation d) {
                set(BigDecimal.valueOf(value, d.getScale()));
            } else if (logical instanceof IntLogicalTypeAnnotation i && !i.isSigned() && value < 0) {
                set(new BigDecimal(new BigInteger(Long.toUnsignedString(value))));
            } else {
                set(value);
            }
        }

        @Override
        public void addFloat(float value) {
            set((double) value);
        }

        @Override
        public void addDouble(double value) {
            set(value);
        }

        @Override
        public void addBinary(Binary value) {
            if (logical instanceof DecimalLogicalTypeAnnotation d) {
                set(new BigDecimal(new BigInteger(value.getBytes()), d.getScale()));
            } else if (type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT96) {
                set(int96(value));
            } else if (logical instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
                ByteBuffer bytes = value.toByteBuffer();
                set(new UUID(bytes.getLong(), bytes.getLong()));
            } else {
                set(value.toStringUsingUTF8());
            }
        }
    }

    private static Instant timestamp(long value, LogicalTypeAnnotation.TimeUnit unit) {
        return switch (unit) {
            case MILLIS -> Instant.ofEpochMilli(value);
            case MICROS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L),
                    Math.floorMod(value, 1_000_000L) * 1_000L);
            // Kusto keeps 100 ns ticks: finer digits are dropped
            case NANOS -> Ticks.toInstant(Math.floorDiv(value, 100L));
        };
    }

    /** Impala's INT96: nanoseconds of the day (little-endian long), then the Julian day (little-endian int). */
    private static Instant int96(Binary value) {
        ByteBuffer bytes = value.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = bytes.getLong();
        long julianDay = bytes.getInt();
        long nanos = Math.addExact(Math.multiplyExact(julianDay - JULIAN_EPOCH_DAY, NANOS_PER_DAY), nanosOfDay);
        return Ticks.toInstant(Math.floorDiv(nanos, 100L));
    }

    /** A value read from the file as a value of a column of {@code type}; refused when it has no such value. */
    static Object convert(Object value, KqlType type) {
        if (value instanceof String text) {
            return type == KqlType.DYNAMIC ? dynamic(text) : KqlValues.parse(type, text);
        }
        Object converted = switch (type) {
            case STRING -> KqlValues.render(value);
            case BOOL -> value instanceof Boolean ? value : null;
            case INT -> value instanceof Integer ? value
                    : value instanceof Long l && l == l.intValue() ? (Object) l.intValue() : null;
            case LONG -> value instanceof Integer || value instanceof Long ? ((Number) value).longValue() : null;
            case REAL -> value instanceof Number n ? (Object) n.doubleValue() : null;
            case DECIMAL -> value instanceof BigDecimal ? value
                    : value instanceof Integer || value instanceof Long
                    ? BigDecimal.valueOf(((Number) value).longValue())
                    : value instanceof Double d && Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
            case DATETIME -> value instanceof Instant ? value : null;
            // ADX writes a timespan as its ticks in an INT64
            case TIMESPAN -> value instanceof Long || value instanceof Integer
                    ? Ticks.toDuration(((Number) value).longValue()) : value instanceof Duration ? value : null;
            case GUID -> value instanceof UUID ? value : null;
            case DYNAMIC -> dynamicOf(value);
        };
        if (converted == null) {
            throw new IllegalArgumentException(KqlValues.render(value) + " is not a valid " + type.kustoName()
                    + " value");
        }
        return converted;
    }

    private static Object dynamicOf(Object value) {
        if (value instanceof Boolean b) {
            return KqlValues.NODES.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long) {
            return KqlValues.NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof Double d) {
            return KqlValues.NODES.numberNode(d);
        }
        if (value instanceof BigDecimal d) {
            return KqlValues.NODES.numberNode(d);
        }
        return KqlValues.NODES.textNode(KqlValues.render(value)); // datetime, guid: their text, as ADX does
    }

    /** Text of a dynamic column is JSON (as ADX writes it); text that is not JSON is kept as a JSON string. */
    private static Object dynamic(String text) {
        try {
            return KqlValues.parseDynamic(text);
        } catch (JsonProcessingException e) {
            return KqlValues.NODES.textNode(text);
        }
    }
}

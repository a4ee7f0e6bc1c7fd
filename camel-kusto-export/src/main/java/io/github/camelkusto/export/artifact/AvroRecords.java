package io.github.camelkusto.export.artifact;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkusto.kql.types.Ticks;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Row maps ({@link RowMaps}) as Avro {@link GenericRecord}s for the Avro data formats ({@link DataFormatInput}), in
 * the schema of the avro export format ({@link AvroRows#schema}), each value in Avro's own representation of its
 * type, so that any Avro writer takes it without logical-type conversions: datetime a long of microseconds,
 * timespan a long of ticks, decimal the unscaled bytes at scale 18, guid and dynamic strings.
 */
final class AvroRecords {
    private final Schema schema;
    private final String[] names;

    AvroRecords(io.github.camelkusto.kql.data.Schema columns) {
        this.schema = AvroRows.schema(columns);
        this.names = columns.names().toArray(String[]::new);
    }

    Schema schema() {
        return schema;
    }

    GenericRecord record(Map<String, Object> row) {
        GenericData.Record record = new GenericData.Record(schema);
        int field = 0;
        for (Object value : row.values()) {
            record.put(field, avroValue(value, names[field]));
            field++;
        }
        return record;
    }

    List<GenericRecord> records(List<Map<String, Object>> rows) {
        List<GenericRecord> records = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            records.add(record(row));
        }
        return records;
    }

    private static Object avroValue(Object value, String column) {
        if (value instanceof Instant at) {
            return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
        }
        if (value instanceof Duration span) {
            return Math.addExact(Math.multiplyExact(span.getSeconds(), Ticks.PER_SECOND),
                    span.getNano() / 100);
        }
        if (value instanceof BigDecimal decimal) {
            return ByteBuffer.wrap(BinaryDecimal.unscaledBytes(decimal, column, "avro"));
        }
        if (value instanceof UUID guid) {
            return guid.toString();
        }
        if (value instanceof JsonNode dynamic) {
            return DynamicJson.compact(dynamic);
        }
        return value; // Boolean, Integer, Long, Double, String, null
    }
}

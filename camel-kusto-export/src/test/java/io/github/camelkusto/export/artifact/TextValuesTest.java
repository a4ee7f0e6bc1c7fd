package io.github.camelkusto.export.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.ObjectVector;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;
import io.github.camelkusto.kql.types.Ticks;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;

/** The hand-written fast paths of the text encoders write exactly what the general ones write. */
class TextValuesTest {

    /** One writer's datetimes, as a writer renders them: its minute cache carries from one value to the next. */
    private final DatetimeText datetimes = new DatetimeText();

    private String datetime(long ticks) {
        ByteChunk out = new ByteChunk(8);
        TextValues.appendDatetime(ticks, datetimes, out);
        return new String(out.array(), 0, out.size(), StandardCharsets.UTF_8);
    }

    private static String decimal(long value) {
        ByteChunk out = new ByteChunk(1);
        out.writeLong(value);
        return new String(out.array(), 0, out.size(), StandardCharsets.US_ASCII);
    }

    @Test
    void longsRenderAsLongToStringRendersThem() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            long value = random.nextLong() >> random.nextInt(64); // every magnitude, both signs
            assertThat(decimal(value)).isEqualTo(Long.toString(value));
        }
        long power = 1;
        for (int digits = 1; digits <= 19; digits++) {
            for (long value : new long[] {power - 1, power, power + 1, -power, -(power - 1)}) {
                assertThat(decimal(value)).isEqualTo(Long.toString(value));
            }
            power = digits < 19 ? power * 10 : power;
        }
        for (long value : new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1, Integer.MAX_VALUE,
            Integer.MAX_VALUE + 1L, Integer.MIN_VALUE, Integer.MIN_VALUE - 1L}) {
            assertThat(decimal(value)).isEqualTo(Long.toString(value));
        }
    }

    @Test
    void longsWrittenOneAfterAnotherLeaveNoneOfTheirScratchBytesInTheOutput() {
        // the digits go 4 at a time, and a short value's group is stored whole: what follows must overwrite the rest
        long[] values = {0, 7, 42, 999, 1000, 9999, 10_000, 12_345, 99_999_999, 100_000_000, 1_234_567_890_123L,
            9_999_999_999_999_999L, 10_000_000_000_000_000L, -1, -10_000, Long.MIN_VALUE, Long.MAX_VALUE};
        ByteChunk out = new ByteChunk(1);
        StringBuilder expected = new StringBuilder();
        for (long value : values) {
            out.writeLong(value);
            out.write(',');
            expected.append(value).append(',');
        }
        assertThat(new String(out.array(), 0, out.size(), StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
    }

    @Test
    void datetimesOfOneSecondKeepEverySevenDigitFractionAndSecondsChangeInEitherDirection() {
        long second = Ticks.of(java.time.Instant.parse("2026-01-01T12:34:56Z"));
        long beforeEpoch = Ticks.of(java.time.Instant.parse("1969-12-31T23:59:59Z"));
        for (long start : new long[] {second, beforeEpoch}) {
            for (long ticks : new long[] {start, start + 1, start + 9_999, start + 10_000, start + 1_234_567,
                start + 9_999_999, start + 10_000_000, start - 1, start + 10_000_000 + 5, start - 10_000_000,
                start + 60 * Ticks.PER_SECOND, start}) {
                assertThat(datetime(ticks)).isEqualTo(KqlValues.render(Ticks.toInstant(ticks)));
            }
        }
    }

    @Test
    void datetimesOfATimeSeriesRenderAsKustoRendersThemAcrossMinuteDayAndYearBoundaries() {
        long start = Ticks.of(java.time.Instant.parse("2025-12-31T23:58:59.9900000Z"));
        for (long ticks = start; ticks < start + 200 * Ticks.PER_SECOND; ticks += 3_333_333) {
            assertThat(datetime(ticks)).isEqualTo(KqlValues.render(Ticks.toInstant(ticks)));
        }
        long beforeEpoch = -3 * Ticks.PER_MINUTE;
        for (long ticks = beforeEpoch; ticks < 3 * Ticks.PER_MINUTE; ticks += 7_777_777) {
            assertThat(datetime(ticks)).isEqualTo(KqlValues.render(Ticks.toInstant(ticks)));
        }
    }

    @Test
    void datetimesRenderAsKustoRendersThemAcrossTheWholeRange() {
        long min = Ticks.of(java.time.Instant.parse("0001-01-01T00:00:00Z"));
        long max = Ticks.of(java.time.Instant.parse("9999-12-31T23:59:59.9999999Z"));
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 200_000; i++) {
            long ticks = random.nextLong(min, max + 1);
            assertThat(datetime(ticks)).isEqualTo(KqlValues.render(Ticks.toInstant(ticks)));
        }
        for (long ticks : new long[] {min, max, 0, -1, 1, Ticks.PER_DAY - 1, -Ticks.PER_DAY,
            Ticks.of(java.time.Instant.parse("2024-02-29T12:34:56.7890123Z")),
            Ticks.of(java.time.Instant.parse("1900-03-01T00:00:00Z"))}) {
            assertThat(datetime(ticks)).isEqualTo(KqlValues.render(Ticks.toInstant(ticks)));
        }
    }

    @Test
    void datetimesOutsideFourDigitYearsFallBackToTheGeneralRendering() {
        long beyond = Ticks.of(java.time.Instant.parse("+10000-01-01T00:00:00Z"));
        assertThat(datetime(beyond)).isEqualTo(KqlValues.render(Ticks.toInstant(beyond)));
        long before = Ticks.of(java.time.Instant.parse("0000-12-31T00:00:00Z"));
        assertThat(datetime(before)).isEqualTo(KqlValues.render(Ticks.toInstant(before)));
    }

    @Test
    void csvFieldsLeftUnquotedByTheFastPathAreThoseCommonsCsvLeavesUnquoted() throws IOException {
        List<String> samples = List.of("plain", "request 12 served", "a,b", "say \"hi\"", "line\nbreak", "cr\r",
                " leading", "trailing ", "#comment", "!bang", "$dollar", "tab\tinside", "é accent", "x", "\"",
                "a\\b", "trailing\t", "-1", "2026-01-01T00:00:00.0000000Z");
        SplittableRandom random = new SplittableRandom(7);
        String alphabet = "ab ,\"\r\n#!\t\\é-";
        java.util.ArrayList<String> all = new java.util.ArrayList<>(samples);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = 1 + random.nextInt(6); k > 0; k--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            all.add(s.toString());
        }
        for (String value : all) {
            if (DelimitedRecordEncoder.plainCsv(value)) {
                StringBuilder commons = new StringBuilder();
                CSVFormat.RFC4180.print(value, commons, true);
                assertThat(commons.toString()).as("Commons CSV's field for [%s]", value).isEqualTo(value);
            }
        }
    }

    @Test
    void csvAndTsvRecordsOfTextAreWhatCommonsCsvAndTheTsvEscapesWrite() throws IOException {
        SplittableRandom random = new SplittableRandom(13);
        String alphabet = "ab ,\"\r\n#!\t\\é☃-";
        java.util.ArrayList<String> values = new java.util.ArrayList<>(List.of("plain", "request 12 served", "a,b",
                "#x", "x ", "naïve", "😀", "tab\tin", "back\\slash"));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = 1 + random.nextInt(6); k > 0; k--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            values.add(s.toString());
        }
        Schema schema = Schema.of(new Column("s", KqlType.STRING));
        Batch batch = new Batch(schema, new Vector[] {new ObjectVector(KqlType.STRING, values.toArray(),
            values.size())}, values.size());
        RecordEncoder csv = DelimitedRecordEncoder.csv(schema);
        RecordEncoder tsv = DelimitedRecordEncoder.tsv(schema);
        for (int row = 0; row < values.size(); row++) {
            String value = values.get(row);
            StringBuilder commons = new StringBuilder();
            CSVFormat.RFC4180.print(value, commons, true);
            assertThat(record(csv, batch, row)).as("csv of [%s]", value).isEqualTo(commons + "\r\n");
            String escaped = value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                    .replace("\r", "\\r");
            assertThat(record(tsv, batch, row)).as("tsv of [%s]", value).isEqualTo(escaped + "\r\n");
        }
    }

    private static String record(RecordEncoder encoder, Batch batch, int row) {
        ByteChunk out = new ByteChunk(4);
        encoder.record(batch, row, out);
        return new String(out.array(), 0, out.size(), StandardCharsets.UTF_8);
    }
}

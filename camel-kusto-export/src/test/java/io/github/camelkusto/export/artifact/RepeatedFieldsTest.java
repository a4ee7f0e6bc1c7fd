package io.github.camelkusto.export.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Column;
import io.github.camelkusto.kql.data.ObjectVector;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.types.KqlType;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;

/** csv and tsv fields of repeated String instances are copied from their first encoding, which they must equal. */
class RepeatedFieldsTest {
    /** Quoting, escaping, non-ASCII, an empty string, and "Aa"/"BB" whose hashes are equal (one cache slot). */
    private static final List<String> SHARED = List.of("Information", "a,b", "say \"hi\"", "line\nbreak", "cr\r",
            "tab\tin", "back\\slash", " leading", "#hash", "naïve", "😀 smile", "", "Aa", "BB");

    @Test
    void repeatedInstancesAmongNewOnesWriteWhatCommonsCsvAndTheTsvEscapesWrite() throws IOException {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 3 * RepeatedFields.TRIAL; i++) {
            String shared = SHARED.get(i % SHARED.size());
            // mostly the shared instances, sometimes an equal String that is another instance
            values.add(i % 7 == 0 ? new String(shared.toCharArray()) : shared);
        }
        List<String> csv = fields(DelimitedRecordEncoder.csv(schema()), values);
        List<String> tsv = fields(DelimitedRecordEncoder.tsv(schema()), values);
        for (int row = 0; row < values.size(); row++) {
            String value = values.get(row);
            StringBuilder commons = new StringBuilder();
            if (!value.isEmpty()) { // Kusto's empty string is its null: an empty field, never ""
                CSVFormat.RFC4180.print(value, commons, true);
            }
            assertThat(csv.get(row)).as("csv of [%s] in row %d", value, row).isEqualTo(commons + "\r\n");
            assertThat(tsv.get(row)).as("tsv of [%s] in row %d", value, row).isEqualTo(value.replace("\\", "\\\\")
                    .replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r") + "\r\n");
        }
    }

    @Test
    void aColumnOfNewInstancesStopsLookingItsValuesUpAfterItsTrial() {
        RepeatedFields fields = new RepeatedFields();
        for (int i = 0; i < RepeatedFields.TRIAL; i++) {
            assertThat(fields.find("request " + i + " served")).isNull();
        }
        assertThat(fields.active()).isFalse();
    }

    @Test
    void aColumnOfFewInstancesKeepsLookingItsValuesUp() {
        RepeatedFields fields = new RepeatedFields();
        byte[] encoded = "Warning".getBytes(StandardCharsets.UTF_8);
        String value = "Warning";
        fields.keep(value, encoded, 0, encoded.length);
        for (int i = 0; i < 3 * RepeatedFields.TRIAL; i++) {
            assertThat(fields.find(value)).isEqualTo(encoded);
        }
        assertThat(fields.find(new String(value.toCharArray()))).as("an equal String, another instance").isNull();
        assertThat(fields.active()).isTrue();
    }

    private static Schema schema() {
        return Schema.of(new Column("s", KqlType.STRING));
    }

    private static List<String> fields(RecordEncoder encoder, List<String> values) {
        Batch batch = new Batch(schema(), new Vector[] {new ObjectVector(KqlType.STRING, values.toArray(),
            values.size())}, values.size());
        List<String> records = new ArrayList<>();
        ByteChunk out = new ByteChunk(64);
        for (int row = 0; row < values.size(); row++) {
            out.clear();
            encoder.record(batch, row, out);
            records.add(new String(out.array(), 0, out.size(), StandardCharsets.UTF_8));
        }
        return records;
    }
}

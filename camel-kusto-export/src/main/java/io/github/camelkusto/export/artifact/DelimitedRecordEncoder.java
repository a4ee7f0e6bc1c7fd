package io.github.camelkusto.export.artifact;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.github.camelkusto.export.kql.data.Batch;
import io.github.camelkusto.export.kql.data.Schema;
import io.github.camelkusto.export.kql.types.KqlValues;
import org.apache.commons.csv.CSVFormat;

/**
 * csv (RFC 4180 quoting) and tsv records through Apache Commons CSV; values in Kusto's text form (nulls as
 * empty fields, datetimes as ISO 8601 UTC). Lines end with CRLF as RFC 4180 says.
 */
public final class DelimitedRecordEncoder implements RecordEncoder {
    private final CSVFormat format;

    private DelimitedRecordEncoder(CSVFormat format) {
        this.format = format;
    }

    public static DelimitedRecordEncoder csv() {
        return new DelimitedRecordEncoder(CSVFormat.RFC4180);
    }

    /** Tab-separated; fields holding a tab, quote or line break are quoted. */
    public static DelimitedRecordEncoder tsv() {
        return new DelimitedRecordEncoder(CSVFormat.RFC4180.builder().setDelimiter('\t').get());
    }

    @Override
    public void header(Schema schema, StringBuilder out) {
        try {
            format.printRecord(out, schema.names().toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
    }

    @Override
    public void record(Batch batch, int row, StringBuilder out) {
        try {
            int columns = batch.schema().size();
            for (int c = 0; c < columns; c++) {
                format.print(KqlValues.render(batch.value(c, row)), out, c == 0);
            }
            format.println(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

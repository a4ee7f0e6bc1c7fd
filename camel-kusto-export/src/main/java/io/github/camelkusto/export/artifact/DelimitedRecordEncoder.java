package io.github.camelkusto.export.artifact;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.github.camelkusto.export.kql.data.Batch;
import io.github.camelkusto.export.kql.data.Schema;
import io.github.camelkusto.export.kql.types.KqlType;
import org.apache.commons.csv.CSVFormat;

/**
 * csv and tsv records. Nulls (and Kusto's empty strings, which are the same thing) are empty, unquoted fields:
 * ADX writes them so, and a quoted {@code ""} would read back as an empty string rather than a null. Lines end
 * with CRLF (RFC 4180), in tsv too.
 * <ul>
 * <li>csv: RFC 4180 quoting of text fields through Apache Commons CSV (minimal quoting: a field is quoted when it
 * holds the delimiter, a quote or a line break).</li>
 * <li>tsv: no quoting; a backslash, tab, line feed or carriage return inside a text field is written as
 * {@code \\ \t \n \r}, the text/tab-separated-values convention. Commons CSV's escape mode cannot produce
 * {@code \t} for a tab (it writes a backslash before the tab itself), so this is done here.</li>
 * </ul>
 */
final class DelimitedRecordEncoder implements RecordEncoder {
    private final CSVFormat csv;
    private final char delimiter;
    private static final String LINE_END = "\r\n";
    private final KqlType[] types;

    private DelimitedRecordEncoder(Schema schema, CSVFormat csv, char delimiter) {
        this.types = schema.columns().stream().map(c -> c.type()).toArray(KqlType[]::new);
        this.csv = csv;
        this.delimiter = delimiter;
    }

    static DelimitedRecordEncoder csv(Schema schema) {
        return new DelimitedRecordEncoder(schema, CSVFormat.RFC4180, ',');
    }

    static DelimitedRecordEncoder tsv(Schema schema) {
        return new DelimitedRecordEncoder(schema, null, '\t');
    }

    @Override
    public void header(Schema schema, ByteChunk out) {
        for (int c = 0; c < schema.size(); c++) {
            if (c > 0) {
                out.write(delimiter);
            }
            text(schema.column(c).name(), c == 0, out);
        }
        out.append(LINE_END);
    }

    @Override
    public void record(Batch batch, int row, ByteChunk out) {
        KqlType[] columnTypes = types;
        for (int c = 0; c < columnTypes.length; c++) {
            if (c > 0) {
                out.write(delimiter);
            }
            Object value = batch.value(c, row);
            if (value == null) {
                continue;
            }
            if (TextValues.isFreeText(columnTypes[c])) {
                text(TextValues.freeText(columnTypes[c], value), c == 0, out);
            } else {
                TextValues.appendPlain(value, out);
            }
        }
        out.append(LINE_END);
    }

    private void text(String value, boolean first, ByteChunk out) {
        if (value.isEmpty()) {
            return;
        }
        if (csv == null) {
            appendTsvEscaped(value, out);
            return;
        }
        try {
            // newRecord=true: the delimiter was written above; Commons CSV only decides on and applies quoting
            csv.print(value, out, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteChunk does not throw
        }
    }

    private static void appendTsvEscaped(String value, ByteChunk out) {
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char escape = switch (value.charAt(i)) {
                case '\\' -> '\\';
                case '\t' -> 't';
                case '\n' -> 'n';
                case '\r' -> 'r';
                default -> 0;
            };
            if (escape != 0) {
                out.append(value, start, i).append('\\').append(escape);
                start = i + 1;
            }
        }
        out.append(value, start, value.length());
    }
}

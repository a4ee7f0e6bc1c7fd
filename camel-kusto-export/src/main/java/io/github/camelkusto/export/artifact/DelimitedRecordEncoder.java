package io.github.camelkusto.export.artifact;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Schema;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.types.KqlType;
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
    /** CRLF, as bytes: appending it as a String would encode it anew for every record. */
    private static final byte[] LINE_END = {'\r', '\n'};
    /** The ASCII chars that make Commons CSV quote a field (see {@link #plainCsv}), and that tsv escapes. */
    private static final boolean[] CSV_QUOTED = flags(",\"\n\r");
    private static final boolean[] TSV_ESCAPED = flags("\\\t\n\r");
    private final KqlType[] types;
    private final DatetimeText datetimes = new DatetimeText();
    /** Per string column, the fields of its repeated values; null for other columns. */
    private final RepeatedFields[] repeated;

    private DelimitedRecordEncoder(Schema schema, CSVFormat csv, char delimiter) {
        this.types = schema.columns().stream().map(c -> c.type()).toArray(KqlType[]::new);
        this.csv = csv;
        this.delimiter = delimiter;
        this.repeated = new RepeatedFields[types.length];
        for (int c = 0; c < types.length; c++) {
            repeated[c] = types[c] == KqlType.STRING ? new RepeatedFields() : null;
        }
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
            text(schema.column(c).name(), out);
        }
        out.write(LINE_END);
    }

    @Override
    public void record(Batch batch, int row, ByteChunk out) {
        KqlType[] columnTypes = types;
        for (int c = 0; c < columnTypes.length; c++) {
            if (c > 0) {
                out.write(delimiter);
            }
            Vector v = batch.column(c);
            if (v.isKustoNull(row)) {
                continue;
            }
            if (columnTypes[c] == KqlType.STRING) {
                field((String) v.getObject(row), repeated[c], out);
            } else if (columnTypes[c] == KqlType.DYNAMIC) {
                text(TextValues.freeText(columnTypes[c], v.getObject(row)), out);
            } else {
                TextValues.appendPlain(v, row, datetimes, out);
            }
        }
        out.write(LINE_END);
    }

    /** A string column's field: copied when this instance was encoded before, else encoded (and kept). */
    private void field(String value, RepeatedFields fields, ByteChunk out) {
        if (!fields.active() || value.isEmpty()) {
            text(value, out);
            return;
        }
        byte[] field = fields.find(value);
        if (field != null) {
            out.write(field);
            return;
        }
        int start = out.size();
        text(value, out);
        fields.keep(value, out.array(), start, out.size());
    }

    private void text(String value, ByteChunk out) {
        if (value.isEmpty()) {
            return;
        }
        if (csv == null) {
            if (!out.appendPlainAscii(value, TSV_ESCAPED)) {
                appendTsvEscaped(value, out);
            }
            return;
        }
        if (value.charAt(0) > '#' && value.charAt(value.length() - 1) > ' '
                && out.appendPlainAscii(value, CSV_QUOTED)) {
            return; // what plainCsv says Commons CSV writes unquoted, copied in the same pass that checked it
        }
        if (plainCsv(value)) {
            out.append(value); // what Commons CSV writes for it too: the text, unquoted
            return;
        }
        try {
            // newRecord=true: the delimiter was written above; Commons CSV only decides on and applies quoting
            csv.print(value, out, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteChunk does not throw
        }
    }

    /**
     * Whether Commons CSV's minimal quoting leaves {@code value} unquoted for certain: no delimiter, quote or
     * line break, a first character after {@code #} and a last one after a space. Most fields are like that, and
     * deciding it here skips Commons CSV's per-character Appendable writes (the csv export's largest cost after
     * datetimes when profiled); every other field still goes through Commons CSV.
     */
    static boolean plainCsv(String value) {
        int n = value.length();
        if (value.charAt(0) <= '#' || value.charAt(n - 1) <= ' ') {
            return false;
        }
        // String.indexOf scans with vector instructions: four of them beat one loop over the chars
        return value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0;
    }

    private static boolean[] flags(String chars) {
        boolean[] flagged = new boolean[128];
        chars.chars().forEach(c -> flagged[c] = true);
        return flagged;
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

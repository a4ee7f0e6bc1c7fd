package io.github.camelkusto.export.artifact;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.camelkusto.kql.types.KqlValues;
import io.github.camelkusto.kql.types.Ticks;

/**
 * Datetimes as Kusto prints them, {@code yyyy-MM-ddTHH:mm:ss.fffffffZ}, for one writer: it keeps the text of the
 * last minute it wrote, so that the rows of a time series (which mostly share their minute with the row before)
 * cost a copy of that prefix and the seconds and fraction only, not a calendar computation each. Not thread-safe.
 */
public final class DatetimeText {
    static final int LENGTH = TextValues.DATETIME_LENGTH;
    /** {@code yyyy-MM-ddTHH:mm:} */
    private static final int MINUTE_PREFIX = 17;
    private final byte[] last = new byte[LENGTH];
    private final byte[] json = new byte[LENGTH];
    private long lastMinute = Long.MIN_VALUE;

    /**
     * Writes the datetime into {@code buf[at, at + LENGTH)} and returns LENGTH, or returns -1 for a year outside
     * 0001-9999 (which the caller renders otherwise).
     */
    public DatetimeText() {
    }

    int format(long ticks, byte[] buf, int at) {
        long minute = Math.floorDiv(ticks, Ticks.PER_MINUTE);
        if (minute != lastMinute) {
            if (TextValues.formatDatetime(ticks, last, 0) < 0) {
                return -1;
            }
            lastMinute = minute;
        }
        System.arraycopy(last, 0, buf, at, MINUTE_PREFIX);
        int inMinute = (int) (ticks - minute * Ticks.PER_MINUTE);
        int seconds = (int) (inMinute / Ticks.PER_SECOND);
        DecimalDigits.padded(seconds, 2, buf, at + MINUTE_PREFIX);
        buf[at + 19] = '.';
        DecimalDigits.padded((int) (inMinute - seconds * Ticks.PER_SECOND), 7, buf, at + 20);
        buf[at + 27] = 'Z';
        return LENGTH;
    }

    /** The datetime as a JSON string (a year outside 0001-9999 as the engine renders it). */
    public void writeJson(long ticks, JsonGenerator g) throws IOException {
        int length = format(ticks, json, 0);
        if (length < 0) {
            g.writeString(KqlValues.render(Ticks.toInstant(ticks)));
        } else {
            g.writeRawUTF8String(json, 0, length); // ASCII digits and separators: nothing to escape
        }
    }
}

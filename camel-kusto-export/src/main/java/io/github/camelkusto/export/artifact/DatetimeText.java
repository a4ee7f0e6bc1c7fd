package io.github.camelkusto.export.artifact;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.camelkusto.kql.types.KqlValues;
import io.github.camelkusto.kql.types.Ticks;

/**
 * Datetimes as Kusto prints them, {@code yyyy-MM-ddTHH:mm:ss.fffffffZ}, for one writer: it keeps the text of the
 * last second it wrote, so that the rows of a time series (which mostly share their second, else their minute,
 * with the row before) cost a copy of that prefix and the fraction only, not a calendar computation each. The
 * prefix goes as two longs and an int, the fraction as two groups of 4 digits: where a byte-by-byte copy and
 * digit pairs took a fifth of the csv export's encoding. Not thread-safe.
 */
public final class DatetimeText {
    static final int LENGTH = TextValues.DATETIME_LENGTH;
    /** Where the fraction starts: {@code yyyy-MM-ddTHH:mm:ss.} comes before it. */
    private static final int FRACTION = 20;
    private static final int SECONDS = 17;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.nativeOrder());
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());
    /** The text of the last second written; its fraction is not kept up to date. */
    private final byte[] last = new byte[LENGTH];
    private final byte[] json = new byte[LENGTH];
    private long lastSecond = Long.MIN_VALUE;
    private long lastMinute = Long.MIN_VALUE;

    public DatetimeText() {
    }

    /**
     * Writes the datetime into {@code buf[at, at + LENGTH)} and returns LENGTH, or returns -1 for a year outside
     * 0001-9999 (which the caller renders otherwise).
     */
    int format(long ticks, byte[] buf, int at) {
        long second = Math.floorDiv(ticks, Ticks.PER_SECOND);
        if (second != lastSecond && !startSecond(ticks, second)) {
            return -1;
        }
        byte[] prefix = last;
        LONGS.set(buf, at, (long) LONGS.get(prefix, 0));
        LONGS.set(buf, at + 8, (long) LONGS.get(prefix, 8));
        INTS.set(buf, at + 16, (int) INTS.get(prefix, 16)); // "ss." and a byte the fraction overwrites
        int fraction = (int) (ticks - second * Ticks.PER_SECOND);
        int high = fraction / 10_000;
        DecimalDigits.fourDigits(high, buf, at + FRACTION - 1); // "0fff": its 0 (high < 1000) becomes the dot
        buf[at + FRACTION - 1] = '.';
        DecimalDigits.fourDigits(fraction - high * 10_000, buf, at + FRACTION + 3);
        buf[at + LENGTH - 1] = 'Z';
        return LENGTH;
    }

    /** Makes {@link #last} the text of {@code second}: its seconds digits, or the whole calendar for a new minute. */
    private boolean startSecond(long ticks, long second) {
        long minute = Math.floorDiv(second, 60);
        if (minute != lastMinute) {
            if (TextValues.formatDatetime(ticks, last, 0) < 0) {
                return false;
            }
            lastMinute = minute;
        } else {
            DecimalDigits.padded((int) (second - minute * 60), 2, last, SECONDS);
        }
        lastSecond = second;
        return true;
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

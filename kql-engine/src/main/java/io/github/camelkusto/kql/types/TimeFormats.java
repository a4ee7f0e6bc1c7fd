package io.github.camelkusto.kql.types;

import java.time.LocalDateTime;

/**
 * format_datetime and format_timespan: Kusto's (.NET's) custom format specifiers. Runs of the same letter are
 * one specifier ({@code yyyy}, {@code MM}, {@code fff}); any other character is copied. {@code F} digits drop
 * trailing zeros (all of them, and a '.' just before, when the fraction is zero).
 */
public final class TimeFormats {
    private TimeFormats() {
    }

    /** format_datetime(t, format); null when the format has a specifier datetimes do not have. */
    public static String formatDateTime(long ticks, String format) {
        if (problem(format, true) != null) {
            return null;
        }
        LocalDateTime t = KustoCalendar.toLocal(ticks);
        long fraction = Math.floorMod(ticks, Ticks.PER_SECOND);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); ) {
            char c = format.charAt(i);
            int n = run(format, i);
            switch (c) {
                case 'y' -> out.append(n == 1 ? String.valueOf(t.getYear() % 100)
                        : pad(n == 2 ? t.getYear() % 100 : t.getYear(), n));
                case 'M' -> out.append(pad(t.getMonthValue(), n));
                case 'd' -> out.append(pad(t.getDayOfMonth(), n));
                case 'H' -> out.append(pad(t.getHour(), n));
                case 'h' -> out.append(pad(t.getHour() % 12 == 0 ? 12 : t.getHour() % 12, n));
                case 'm' -> out.append(pad(t.getMinute(), n));
                case 's' -> out.append(pad(t.getSecond(), n));
                case 't' -> out.append((t.getHour() < 12 ? "AM" : "PM"), 0, Math.min(n, 2));
                case 'f', 'F' -> fraction(out, fraction, n, c == 'F');
                default -> out.append(format, i, i + n);
            }
            i += n;
        }
        return out.toString();
    }

    /** format_timespan(span, format): d (days), h/H (hours of the day), m, s, f/F; '-' first when negative. */
    public static String formatTimespan(long ticks, String format) {
        if (problem(format, false) != null) {
            return null;
        }
        boolean negative = ticks < 0;
        long abs = Math.abs(ticks);
        long days = abs / Ticks.PER_DAY;
        long hours = abs / Ticks.PER_HOUR % 24;
        long minutes = abs / Ticks.PER_MINUTE % 60;
        long seconds = abs / Ticks.PER_SECOND % 60;
        long fraction = abs % Ticks.PER_SECOND;
        StringBuilder out = new StringBuilder(negative ? "-" : "");
        for (int i = 0; i < format.length(); ) {
            char c = format.charAt(i);
            int n = run(format, i);
            switch (c) {
                case 'd' -> out.append(pad(days, n));
                case 'h', 'H' -> out.append(pad(hours, n));
                case 'm' -> out.append(pad(minutes, n));
                case 's' -> out.append(pad(seconds, n));
                case 'f', 'F' -> fraction(out, fraction, n, c == 'F');
                default -> out.append(format, i, i + n);
            }
            i += n;
        }
        return out.toString();
    }

    private static final String SEPARATORS = " /-:,._[]";

    /**
     * Why {@code format} is not a valid format of datetimes ({@code datetime}) or timespans, or null when it is:
     * only the specifier letters and the separators {@code " /-:,._[]"} are allowed, as in Kusto.
     */
    public static String problem(String format, boolean datetime) {
        String letters = datetime ? "dfFhHmMsyt" : "dfFhHms";
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (letters.indexOf(c) < 0 && SEPARATORS.indexOf(c) < 0) {
                return "'" + c + "' at position " + (i + 1) + " of the format '" + format + "' is neither a "
                        + (datetime ? "datetime" : "timespan") + " format specifier (" + letters
                        + ") nor a separator (space / - : , . _ [ ])";
            }
        }
        return null;
    }

    private static int run(String format, int i) {
        char c = format.charAt(i);
        int j = i;
        while (j < format.length() && format.charAt(j) == c) {
            j++;
        }
        return j - i;
    }

    private static String pad(long value, int width) {
        String s = Long.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    private static void fraction(StringBuilder out, long fractionTicks, int digits, boolean trim) {
        int n = Math.min(digits, 7);
        String s = pad(fractionTicks, 7).substring(0, n);
        if (trim) {
            int end = s.length();
            while (end > 0 && s.charAt(end - 1) == '0') {
                end--;
            }
            s = s.substring(0, end);
            if (s.isEmpty() && out.length() > 0 && out.charAt(out.length() - 1) == '.') {
                out.setLength(out.length() - 1);
            }
        }
        out.append(s);
    }
}

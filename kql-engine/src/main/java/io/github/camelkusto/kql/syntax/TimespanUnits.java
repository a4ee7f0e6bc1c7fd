package io.github.camelkusto.kql.syntax;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.github.camelkusto.kql.types.Ticks;

/** The units of Kusto's timespan literals ({@code 1d}, {@code 2h}, {@code 100ms}, {@code 1tick}...), in ticks. */
public final class TimespanUnits {
    private static final Map<String, Long> TICKS = Map.ofEntries(
            Map.entry("d", Ticks.PER_DAY), Map.entry("day", Ticks.PER_DAY), Map.entry("days", Ticks.PER_DAY),
            Map.entry("h", Ticks.PER_HOUR), Map.entry("hr", Ticks.PER_HOUR), Map.entry("hrs", Ticks.PER_HOUR),
            Map.entry("hour", Ticks.PER_HOUR), Map.entry("hours", Ticks.PER_HOUR),
            Map.entry("m", Ticks.PER_MINUTE), Map.entry("min", Ticks.PER_MINUTE),
            Map.entry("minute", Ticks.PER_MINUTE), Map.entry("minutes", Ticks.PER_MINUTE),
            Map.entry("s", Ticks.PER_SECOND), Map.entry("sec", Ticks.PER_SECOND),
            Map.entry("second", Ticks.PER_SECOND), Map.entry("seconds", Ticks.PER_SECOND),
            Map.entry("ms", Ticks.PER_MILLISECOND), Map.entry("milli", Ticks.PER_MILLISECOND),
            Map.entry("millis", Ticks.PER_MILLISECOND), Map.entry("millisec", Ticks.PER_MILLISECOND),
            Map.entry("millisecond", Ticks.PER_MILLISECOND), Map.entry("milliseconds", Ticks.PER_MILLISECOND),
            Map.entry("microsec", Ticks.PER_MICROSECOND), Map.entry("microsecond", Ticks.PER_MICROSECOND),
            Map.entry("microseconds", Ticks.PER_MICROSECOND),
            Map.entry("nanosec", 0L), Map.entry("nanosecond", 0L), Map.entry("nanoseconds", 0L),
            Map.entry("tick", 1L), Map.entry("ticks", 1L));

    private TimespanUnits() {
    }

    private static final java.util.regex.Pattern LITERAL =
            java.util.regex.Pattern.compile("(-?)(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]+)");

    /** A timespan literal such as {@code 1d}, {@code -2.5h}, {@code 90s} as text (totimespan), or null. */
    public static java.time.Duration parse(String text) {
        var m = LITERAL.matcher(text);
        if (!m.matches() || ticksPer(m.group(3)).isEmpty()) {
            return null;
        }
        long ticks = ticks(Double.parseDouble(m.group(2)), m.group(3));
        return Ticks.toDuration(m.group(1).isEmpty() ? ticks : -ticks);
    }

    static Optional<Long> ticksPer(String unit) {
        return Optional.ofNullable(TICKS.get(unit.toLowerCase(Locale.ROOT)));
    }

    /** {@code amount} units in ticks, rounded to the nearest tick (nanoseconds count 1/100 tick). */
    static long ticks(double amount, String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.startsWith("nano")) {
            return Math.round(amount / 100);
        }
        return Math.round(amount * TICKS.get(u));
    }
}

package io.github.camelkusto.kql.types;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * Kusto's calendar over datetime ticks (100 ns since 1970-01-01, UTC): the valid range (0001-01-01 to
 * 9999-12-31 23:59:59.9999999), the parts of a datetime, the start and end of its day/week/month/year (weeks
 * start on Sunday), calendar arithmetic and differences. A result outside the range is {@link #NULL}.
 */
public final class KustoCalendar {
    /** Marks "no value" in the long results of this class (no datetime has these ticks). */
    public static final long NULL = Long.MIN_VALUE;
    public static final long MIN_TICKS = ticks(LocalDateTime.of(1, 1, 1, 0, 0));
    public static final long MAX_TICKS = ticks(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900));

    private KustoCalendar() {
    }

    public static LocalDateTime toLocal(long ticks) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(ticks, Ticks.PER_SECOND),
                (int) (Math.floorMod(ticks, Ticks.PER_SECOND) * 100), ZoneOffset.UTC);
    }

    public static long ticks(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC) * Ticks.PER_SECOND + t.getNano() / 100;
    }

    /** {@code ticks}, or {@link #NULL} when outside Kusto's datetime range. */
    public static long checked(long ticks) {
        return ticks < MIN_TICKS || ticks > MAX_TICKS ? NULL : ticks;
    }

    public static boolean inRange(long ticks) {
        return ticks >= MIN_TICKS && ticks <= MAX_TICKS;
    }

    /** The unit of startof/endof functions. */
    public enum Unit { DAY, WEEK, MONTH, YEAR }

    /** startofday/week/month/year of {@code t}, moved by {@code offset} units; NULL outside the range. */
    public static long startOf(Unit unit, long t, long offset) {
        try {
            LocalDate d = toLocal(t).toLocalDate();
            LocalDate start = switch (unit) {
                case DAY -> d.plusDays(offset);
                case WEEK -> d.minusDays(d.getDayOfWeek().getValue() % 7).plusWeeks(offset);
                case MONTH -> d.withDayOfMonth(1).plusMonths(offset);
                case YEAR -> d.withDayOfYear(1).plusYears(offset);
            };
            return checked(ticks(start.atStartOfDay()));
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return NULL;
        }
    }

    /** The last tick of the day/week/month/year of {@code t}, moved by {@code offset} units. */
    public static long endOf(Unit unit, long t, long offset) {
        long start = startOf(unit, t, offset);
        if (start == NULL) {
            return NULL;
        }
        LocalDate d = toLocal(start).toLocalDate();
        LocalDate next;
        try {
            next = switch (unit) {
                case DAY -> d.plusDays(1);
                case WEEK -> d.plusWeeks(1);
                case MONTH -> d.plusMonths(1);
                case YEAR -> d.plusYears(1);
            };
        } catch (java.time.DateTimeException e) {
            return NULL;
        }
        return checked(ticks(next.atStartOfDay()) - 1);
    }

    /** datetime_part / getyear / dayofmonth...: the named part of {@code t} (Kusto's part names). */
    public static long part(String part, long t) {
        LocalDateTime d = toLocal(t);
        return switch (normalizePart(part)) {
            case "year" -> d.getYear();
            case "quarter" -> (d.getMonthValue() - 1) / 3 + 1;
            case "month" -> d.getMonthValue();
            case "week_of_year" -> d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case "day" -> d.getDayOfMonth();
            case "dayofyear" -> d.getDayOfYear();
            case "hour" -> d.getHour();
            case "minute" -> d.getMinute();
            case "second" -> d.getSecond();
            case "millisecond" -> d.getNano() / 1_000_000;
            case "microsecond" -> d.getNano() / 1_000;
            case "nanosecond" -> d.getNano();
            default -> throw new IllegalArgumentException(part);
        };
    }

    /** The canonical name of a datetime part as the functions accept it (case-insensitive, some aliases). */
    public static String normalizePart(String part) {
        String p = part.toLowerCase(Locale.ROOT);
        return switch (p) {
            case "year", "quarter", "month", "day", "dayofyear", "hour", "minute", "second", "millisecond",
                 "microsecond", "nanosecond", "week", "week_of_year" -> p;
            case "weekofyear" -> "week_of_year";
            default -> null;
        };
    }

    /** datetime_add: {@code t} plus {@code amount} parts; months and years keep the day, clamped to the month. */
    public static long add(String part, long amount, long t) {
        try {
            return switch (normalizePart(part)) {
                case "year" -> checked(ticks(toLocal(t).plusYears(amount)));
                case "quarter" -> checked(ticks(toLocal(t).plusMonths(Math.multiplyExact(amount, 3))));
                case "month" -> checked(ticks(toLocal(t).plusMonths(amount)));
                case "week", "week_of_year" -> checked(Math.addExact(t, Math.multiplyExact(amount, 7 * Ticks.PER_DAY)));
                case "day", "dayofyear" -> checked(Math.addExact(t, Math.multiplyExact(amount, Ticks.PER_DAY)));
                case "hour" -> checked(Math.addExact(t, Math.multiplyExact(amount, Ticks.PER_HOUR)));
                case "minute" -> checked(Math.addExact(t, Math.multiplyExact(amount, Ticks.PER_MINUTE)));
                case "second" -> checked(Math.addExact(t, Math.multiplyExact(amount, Ticks.PER_SECOND)));
                case "millisecond" -> checked(Math.addExact(t, Math.multiplyExact(amount, Ticks.PER_MILLISECOND)));
                case "microsecond" -> checked(Math.addExact(t, Math.multiplyExact(amount, Ticks.PER_MICROSECOND)));
                case "nanosecond" -> checked(Math.addExact(t, amount / 100));
                default -> throw new IllegalArgumentException(part);
            };
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return NULL;
        }
    }

    /**
     * datetime_diff: how many boundaries of {@code part} lie between {@code b} and {@code a} ({@code a - b}):
     * calendar parts compare the truncated values (2020-12-31 to 2021-01-01 is one year), weeks start on Sunday.
     */
    public static long diff(String part, long a, long b) {
        LocalDateTime x = toLocal(a);
        LocalDateTime y = toLocal(b);
        return switch (normalizePart(part)) {
            case "year" -> x.getYear() - y.getYear();
            case "quarter" -> (x.getYear() * 4L + (x.getMonthValue() - 1) / 3) - (y.getYear() * 4L + (y.getMonthValue() - 1) / 3);
            case "month" -> (x.getYear() * 12L + x.getMonthValue()) - (y.getYear() * 12L + y.getMonthValue());
            case "week", "week_of_year" -> (startOf(Unit.WEEK, a, 0) - startOf(Unit.WEEK, b, 0)) / (7 * Ticks.PER_DAY);
            case "day", "dayofyear" -> Math.floorDiv(a, Ticks.PER_DAY) - Math.floorDiv(b, Ticks.PER_DAY);
            case "hour" -> Math.floorDiv(a, Ticks.PER_HOUR) - Math.floorDiv(b, Ticks.PER_HOUR);
            case "minute" -> Math.floorDiv(a, Ticks.PER_MINUTE) - Math.floorDiv(b, Ticks.PER_MINUTE);
            case "second" -> Math.floorDiv(a, Ticks.PER_SECOND) - Math.floorDiv(b, Ticks.PER_SECOND);
            case "millisecond" -> Math.floorDiv(a, Ticks.PER_MILLISECOND) - Math.floorDiv(b, Ticks.PER_MILLISECOND);
            case "microsecond" -> Math.floorDiv(a, Ticks.PER_MICROSECOND) - Math.floorDiv(b, Ticks.PER_MICROSECOND);
            case "nanosecond" -> (a - b) * 100;
            default -> throw new IllegalArgumentException(part);
        };
    }

    /**
     * dayofweek: days since the last Sunday, as a timespan. Null when the week of {@code t} does not end within
     * the datetime range (the last days of 9999), as Kusto gives.
     */
    public static long dayOfWeek(long t) {
        LocalDate d = toLocal(t).toLocalDate();
        int day = d.getDayOfWeek().getValue() % 7;
        if (d.plusDays(7 - day).getYear() > 9999) {
            return NULL;
        }
        return day * Ticks.PER_DAY;
    }

    /** make_datetime's fields, or NULL when they do not form a valid datetime. */
    public static long make(long year, long month, long day, long hour, long minute, double second) {
        if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || !(second >= 0) || second >= 60) {
            return NULL;
        }
        LocalDate date;
        try {
            date = LocalDate.of((int) year, (int) month, (int) day);
        } catch (java.time.DateTimeException e) {
            return NULL;
        }
        long secondTicks = Math.round(second * Ticks.PER_SECOND);
        return checked(ticks(date.atStartOfDay()) + hour * Ticks.PER_HOUR + minute * Ticks.PER_MINUTE + secondTicks);
    }
}

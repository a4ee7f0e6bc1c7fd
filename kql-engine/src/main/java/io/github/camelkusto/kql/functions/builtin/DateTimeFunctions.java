package io.github.camelkusto.kql.functions.builtin;

import static io.github.camelkusto.kql.types.KqlType.DATETIME;
import static io.github.camelkusto.kql.types.KqlType.INT;
import static io.github.camelkusto.kql.types.KqlType.LONG;
import static io.github.camelkusto.kql.types.KqlType.REAL;
import static io.github.camelkusto.kql.types.KqlType.STRING;
import static io.github.camelkusto.kql.types.KqlType.TIMESPAN;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.camelkusto.kql.data.LongVector;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.functions.Argument;
import io.github.camelkusto.kql.functions.BindException;
import io.github.camelkusto.kql.functions.Conversions;
import io.github.camelkusto.kql.functions.FunctionLibrary;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.Overloads;
import io.github.camelkusto.kql.functions.QueryClock;
import io.github.camelkusto.kql.functions.RowWise;
import io.github.camelkusto.kql.functions.ScalarBinding;
import io.github.camelkusto.kql.functions.ScalarFunction;
import io.github.camelkusto.kql.functions.ScalarKernel;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KustoCalendar.Unit;
import io.github.camelkusto.kql.types.KustoCalendar;
import io.github.camelkusto.kql.types.Ticks;
import io.github.camelkusto.kql.types.TimeFormats;

/**
 * Datetime and timespan functions: now/ago (one instant per query, see {@link QueryClock}), startof/endof
 * day/week/month/year, the parts of a datetime (getyear, dayofweek, week_of_year, datetime_part...),
 * datetime_add/datetime_diff, bin_at, format_datetime/format_timespan, make_datetime/make_timespan and
 * unixtime_*_todatetime. Calendar rules are in {@link KustoCalendar}; a result outside Kusto's datetime range
 * is null.
 */
public final class DateTimeFunctions implements FunctionLibrary {

    @Override
    public void registerInto(FunctionRegistry registry) {
        registry.register(new Now("now", 1));
        registry.register(new Now("ago", -1));
        startEnd(registry, "day", Unit.DAY);
        startEnd(registry, "week", Unit.WEEK);
        startEnd(registry, "month", Unit.MONTH);
        startEnd(registry, "year", Unit.YEAR);
        part(registry, "getyear", "year");
        part(registry, "getmonth", "month");
        part(registry, "monthofyear", "month");
        part(registry, "dayofmonth", "day");
        part(registry, "dayofyear", "dayofyear");
        part(registry, "hourofday", "hour");
        part(registry, "week_of_year", "week_of_year");
        part(registry, "weekofyear", "week_of_year");
        registry.register(Overloads.of("dayofweek").add(TIMESPAN, longs(TIMESPAN,
                a -> KustoCalendar.dayOfWeek(a[0])), DATETIME));
        registry.register(new PartFunction("datetime_part", INT, List.of(DATETIME)));
        registry.register(new PartFunction("datetime_add", DATETIME, List.of(LONG, DATETIME)));
        registry.register(new PartFunction("datetime_diff", LONG, List.of(DATETIME, DATETIME)));
        registry.register(Overloads.of("bin_at")
                .add(LONG, longs(LONG, a -> binAt(a[0], a[1], a[2])), LONG, LONG, LONG)
                .add(REAL, RowWise.of(REAL, (v, size, at) -> binAt((Double) v, (Double) size, (Double) at)),
                        REAL, REAL, REAL)
                .add(DATETIME, longs(DATETIME, a -> KustoCalendar.checked(binAt(a[0], a[1], a[2]))),
                        DATETIME, TIMESPAN, DATETIME)
                .add(TIMESPAN, longs(TIMESPAN, a -> binAt(a[0], a[1], a[2])), TIMESPAN, TIMESPAN, TIMESPAN));
        registry.register(new Format("format_datetime", Overloads.of("format_datetime").add(STRING, RowWise.of(STRING,
                (t, f) -> TimeFormats.formatDateTime(Ticks.of((Instant) t), (String) f)), DATETIME, STRING)));
        registry.register(new Format("format_timespan", Overloads.of("format_timespan").add(STRING, RowWise.of(STRING,
                (t, f) -> TimeFormats.formatTimespan(Ticks.of((Duration) t), (String) f)), TIMESPAN, STRING)));
        registerMake(registry);
        unixTime(registry, "unixtime_seconds_todatetime", Ticks.PER_SECOND);
        unixTime(registry, "unixtime_milliseconds_todatetime", Ticks.PER_MILLISECOND);
        unixTime(registry, "unixtime_microseconds_todatetime", Ticks.PER_MICROSECOND);
        unixTime(registry, "unixtime_nanoseconds_todatetime", 0.01);
    }

    private static void startEnd(FunctionRegistry registry, String unitName, Unit unit) {
        registry.register(Overloads.of("startof" + unitName)
                .add(DATETIME, longs(DATETIME, a -> KustoCalendar.startOf(unit, a[0], 0)), DATETIME)
                .add(DATETIME, longs(DATETIME, a -> KustoCalendar.startOf(unit, a[0], a[1])), DATETIME, LONG));
        registry.register(Overloads.of("endof" + unitName)
                .add(DATETIME, longs(DATETIME, a -> KustoCalendar.endOf(unit, a[0], 0)), DATETIME)
                .add(DATETIME, longs(DATETIME, a -> KustoCalendar.endOf(unit, a[0], a[1])), DATETIME, LONG));
    }

    private static void part(FunctionRegistry registry, String name, String part) {
        registry.register(Overloads.of(name).add(INT, longs(INT, a -> KustoCalendar.part(part, a[0])), DATETIME));
    }

    private static void registerMake(FunctionRegistry registry) {
        registry.register(Overloads.of("make_datetime")
                .add(DATETIME, longs(DATETIME, a -> KustoCalendar.make(a[0], a[1], a[2], 0, 0, 0)), LONG, LONG, LONG)
                .add(DATETIME, longs(DATETIME, a -> KustoCalendar.make(a[0], a[1], a[2], a[3], 0, 0)),
                        LONG, LONG, LONG, LONG)
                .add(DATETIME, longs(DATETIME, a -> KustoCalendar.make(a[0], a[1], a[2], a[3], a[4], 0)),
                        LONG, LONG, LONG, LONG, LONG)
                .add(DATETIME, RowWise.nary(DATETIME, a -> instantOrNull(KustoCalendar.make(((Number) a[0]).longValue(),
                        ((Number) a[1]).longValue(), ((Number) a[2]).longValue(), ((Number) a[3]).longValue(),
                        ((Number) a[4]).longValue(), ((Number) a[5]).doubleValue()))),
                        LONG, LONG, LONG, LONG, LONG, REAL));
        registry.register(Overloads.of("make_timespan")
                .add(TIMESPAN, longs(TIMESPAN, a -> timespan(0, a[0], a[1], 0)), LONG, LONG)
                .add(TIMESPAN, RowWise.of(TIMESPAN, (h, m, s) -> durationOrNull(timespan(0, ((Number) h).longValue(),
                        ((Number) m).longValue(), ((Number) s).doubleValue()))), LONG, LONG, REAL)
                .add(TIMESPAN, RowWise.nary(TIMESPAN, a -> durationOrNull(timespan(((Number) a[0]).longValue(),
                        ((Number) a[1]).longValue(), ((Number) a[2]).longValue(), ((Number) a[3]).doubleValue()))),
                        LONG, LONG, LONG, REAL));
    }

    /** make_timespan's fields: hours 0-23, minutes 0-59, seconds [0, 60), days any; else null. */
    private static long timespan(long days, long hours, long minutes, double seconds) {
        if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || !(seconds >= 0) || seconds >= 60) {
            return KustoCalendar.NULL;
        }
        return days * Ticks.PER_DAY + hours * Ticks.PER_HOUR + minutes * Ticks.PER_MINUTE
                + Math.round(seconds * Ticks.PER_SECOND);
    }

    private static void unixTime(FunctionRegistry registry, String name, double ticksPerUnit) {
        registry.register(Overloads.of(name)
                .add(DATETIME, longs(DATETIME, a -> ticksPerUnit >= 1 ? multiplyChecked(a[0], (long) ticksPerUnit)
                        : KustoCalendar.checked(Math.floorDiv(a[0], Math.round(1 / ticksPerUnit)))), LONG)
                .add(DATETIME, RowWise.of(DATETIME, v -> {
                    double d = (Double) v;
                    if (Double.isNaN(d) || Double.isInfinite(d)) {
                        return null;
                    }
                    double ticks = Math.floor(d * ticksPerUnit);
                    return Math.abs(ticks) > 9e18 ? null : instantOrNull(KustoCalendar.checked((long) ticks));
                }), REAL));
    }

    private static long multiplyChecked(long a, long b) {
        try {
            return KustoCalendar.checked(Math.multiplyExact(a, b));
        } catch (ArithmeticException e) {
            return KustoCalendar.NULL;
        }
    }

    static long binAt(long value, long size, long at) {
        return size <= 0 ? KustoCalendar.NULL : at + Math.floorDiv(value - at, size) * size;
    }

    static Double binAt(double value, double size, double at) {
        return size <= 0 ? null : at + Math.floor((value - at) / size) * size;
    }

    private static Instant instantOrNull(long ticks) {
        return ticks == KustoCalendar.NULL ? null : Ticks.toInstant(ticks);
    }

    private static Duration durationOrNull(long ticks) {
        return ticks == KustoCalendar.NULL ? null : Ticks.toDuration(ticks);
    }

    /** A function of long-stored values (datetime/timespan ticks, ints, longs); {@link KustoCalendar#NULL} is null. */
    @FunctionalInterface
    interface LongsFn {
        long apply(long[] args);
    }

    /** Row-wise over long storage without boxing; any null argument gives null, all constants a constant. */
    static ScalarKernel longs(KqlType result, LongsFn f) {
        return (args, ctx) -> {
            boolean allConstant = true;
            for (Vector v : args) {
                allConstant &= v.isConstant();
            }
            int n = allConstant ? 1 : ctx.rows();
            long[] out = new long[n];
            boolean[] nulls = null;
            long[] values = new long[args.length];
            for (int i = 0; i < n; i++) {
                boolean isNull = false;
                for (int a = 0; a < args.length; a++) {
                    isNull |= args[a].isNull(i);
                    values[a] = isNull || !(args[a] instanceof LongVector) ? 0 : args[a].getLong(i);
                }
                long r = isNull ? KustoCalendar.NULL : f.apply(values);
                if (r == KustoCalendar.NULL) {
                    if (nulls == null) {
                        nulls = new boolean[n];
                    }
                    nulls[i] = true;
                } else {
                    out[i] = r;
                }
            }
            Vector v = new LongVector(result, out, nulls, n);
            return allConstant ? Vector.constant(result, v.box(0), ctx.rows()) : v;
        };
    }

    /** datetime_part / datetime_add / datetime_diff: the first argument is a constant part name. */
    private record PartFunction(String name, KqlType result, List<KqlType> rest) implements ScalarFunction {
        @Override
        public ScalarBinding bind(List<Argument> args) {
            if (args.size() != rest.size() + 1) {
                throw new BindException(name + " expects " + (rest.size() + 1) + " arguments, not " + args.size());
            }
            Argument part = args.get(0);
            if (part.type() != STRING || !part.isConstant() || part.constantValue() == null) {
                throw new BindException(name + " expects a constant part name ('year', 'month', 'day', ...) first");
            }
            String p = KustoCalendar.normalizePart((String) part.constantValue());
            boolean known = p != null && (name.equals("datetime_part") ? !p.equals("week")
                    : !p.equals("dayofyear") && !p.equals("week_of_year"));
            if (!known) {
                throw new BindException(name + ": unknown part '" + part.constantValue() + "' (valid: year, quarter,"
                        + " month, week, day, hour, minute, second, millisecond, microsecond, nanosecond)");
            }
            for (int i = 0; i < rest.size(); i++) {
                if (Conversions.wideningCost(args.get(i + 1).type(),
                        rest.get(i)) == Integer.MAX_VALUE) {
                    throw new BindException(name + " expects (string, " + String.join(", ",
                            rest.stream().map(KqlType::kustoName).toList()) + "), not "
                            + args.get(i + 1).type().kustoName() + " as argument " + (i + 2));
                }
            }
            List<KqlType> types = new ArrayList<>();
            types.add(STRING);
            types.addAll(rest);
            ScalarKernel kernel = switch (name) {
                case "datetime_part" -> longs(INT, a -> KustoCalendar.part(p, a[1]));
                case "datetime_add" -> longs(DATETIME, a -> KustoCalendar.add(p, a[1], a[2]));
                default -> longs(LONG, a -> KustoCalendar.diff(p, a[1], a[2]));
            };
            // The Kusto engine types datetime_diff('week', ...) as real (its results are whole numbers).
            if (name.equals("datetime_diff") && p.equals("week")) {
                ScalarKernel longDiff = kernel;
                kernel = (vectors, ctx) -> Conversions.widen(
                        longDiff.apply(vectors, ctx), REAL);
                return new ScalarBinding(REAL, kernel, types);
            }
            return new ScalarBinding(result, kernel, types);
        }
    }

    /** format_datetime / format_timespan: a constant format is checked when the query is bound. */
    private record Format(String name, Overloads forms) implements ScalarFunction {
        @Override
        public ScalarBinding bind(List<Argument> args) {
            ScalarBinding binding = forms.bind(args);
            Argument format = args.get(1);
            if (format.isConstant() && format.constantValue() instanceof String f) {
                String problem = TimeFormats.problem(f, name.equals("format_datetime"));
                if (problem != null) {
                    throw new BindException(name + ": " + problem);
                }
            }
            return binding;
        }
    }

    /** now() + offset (sign 1), ago(span) = now() - span (sign -1), at the query's one instant. */
    private record Now(String name, int sign) implements ScalarFunction {
        @Override
        public ScalarBinding bind(List<Argument> args) {
            boolean ok = sign > 0 ? args.size() <= 1 : args.size() == 1;
            if (!ok || args.size() == 1 && args.get(0).type() != TIMESPAN) {
                throw new BindException(name + (sign > 0 ? " expects no argument or a timespan offset"
                        : " expects a timespan"));
            }
            long now = Ticks.of(QueryClock.now());
            return new ScalarBinding(DATETIME, longs(DATETIME, a -> a.length == 0 ? now
                    : KustoCalendar.checked(now + sign * a[0])));
        }
    }
}

package io.github.camelkusto.kql.functions.builtin;

import static io.github.camelkusto.kql.types.KqlType.BOOL;
import static io.github.camelkusto.kql.types.KqlType.DECIMAL;
import static io.github.camelkusto.kql.types.KqlType.INT;
import static io.github.camelkusto.kql.types.KqlType.LONG;
import static io.github.camelkusto.kql.types.KqlType.REAL;
import static io.github.camelkusto.kql.types.KqlType.TIMESPAN;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.data.VectorBuilder;
import io.github.camelkusto.kql.functions.Argument;
import io.github.camelkusto.kql.functions.BindException;
import io.github.camelkusto.kql.functions.Conversions;
import io.github.camelkusto.kql.functions.EvalContext;
import io.github.camelkusto.kql.functions.FunctionLibrary;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.ScalarBinding;
import io.github.camelkusto.kql.functions.ScalarFunction;
import io.github.camelkusto.kql.functions.SerialFunction;
import io.github.camelkusto.kql.functions.SerialKernel;
import io.github.camelkusto.kql.types.KqlType;

/**
 * Functions over serialized rows: prev/next (neighbours at a constant offset, with a default), row_number,
 * row_cumsum, row_rank_dense and row_rank_min (each with an optional restart predicate: a row where it is true
 * starts over), row_window_session. The executor evaluates them over windows of rows (see {@link SerialKernel}); the running ones
 * carry their value from batch to batch in the context's state.
 */
public final class WindowFunctions implements FunctionLibrary {

    @Override
    public void registerInto(FunctionRegistry registry) {
        registry.register(new Neighbour("prev", -1));
        registry.register(new Neighbour("next", 1));
        registry.register(new Running("row_number"));
        registry.register(new Running("row_cumsum"));
        registry.register(new Running("row_rank_dense"));
        registry.register(new Running("row_rank_min"));
        registry.register(new SessionStart());
    }

    /**
     * row_window_session(expr, maxDistanceFromFirst, maxDistanceBetweenNeighbors [, restart]): the value of
     * {@code expr} where the row's session started. A row starts a session when there is no session (first row,
     * or the previous value was null), when it is at or past the session's start plus maxDistanceFromFirst or the
     * previous value plus maxDistanceBetweenNeighbors, or when restart is true; a null value gives null and ends
     * the session.
     */
    private record SessionStart() implements ScalarFunction, SerialFunction {
        @Override
        public String name() {
            return "row_window_session";
        }

        @Override
        public ScalarBinding bind(List<Argument> args) {
            if (args.size() < 3 || args.size() > 4) {
                throw new BindException("row_window_session expects (expr, maxDistanceFromFirst,"
                        + " maxDistanceBetweenNeighbors[, restart])");
            }
            KqlType type = args.get(0).type();
            if (type != KqlType.DATETIME && type != TIMESPAN) {
                throw new BindException("row_window_session expects a datetime expression, not " + type.kustoName());
            }
            for (int i = 1; i <= 2; i++) {
                if (args.get(i).type() != TIMESPAN) {
                    throw new BindException("row_window_session expects timespan distances, not "
                            + args.get(i).type().kustoName());
                }
            }
            List<KqlType> types = new ArrayList<>(List.of(type, TIMESPAN, TIMESPAN));
            if (args.size() == 4) {
                if (args.get(3).type() != BOOL) {
                    throw new BindException("row_window_session expects a bool restart predicate, not "
                            + args.get(3).type().kustoName());
                }
                types.add(BOOL);
            }
            return new ScalarBinding(type, new SessionKernel(type), types, false);
        }
    }

    /** What row_window_session carries to the next batch: the session's start and the last value. */
    private static final class SessionState {
        boolean open;
        long start;
        long last;
    }

    private record SessionKernel(KqlType type) implements SerialKernel {
        @Override
        public Vector apply(Vector[] args, EvalContext ctx) {
            SessionState committed = (SessionState) ctx.state().computeIfAbsent(this, k -> new SessionState());
            SessionState s = new SessionState();
            s.open = committed.open;
            s.start = committed.start;
            s.last = committed.last;
            Vector x = args[0];
            VectorBuilder out = new VectorBuilder(type, ctx.rows());
            for (int i = 0; i < ctx.from(); i++) {
                out.appendNull(); // rows of an earlier batch: not emitted from this window
            }
            for (int i = ctx.from(); i < ctx.rows(); i++) {
                if (x.isNull(i)) {
                    s.open = false;
                    out.appendNull();
                } else {
                    long value = x.getLong(i);
                    boolean restart = args.length == 4 && !args[3].isNull(i) && args[3].getLong(i) != 0;
                    if (!s.open || restart || past(value, s.start, args[1], i) || past(value, s.last, args[2], i)) {
                        s.open = true;
                        s.start = value;
                    }
                    s.last = value;
                    out.appendLong(s.start);
                }
                if (i == ctx.to() - 1) {
                    committed.open = s.open;
                    committed.start = s.start;
                    committed.last = s.last;
                }
            }
            return out.build();
        }

        /** Is {@code value} at or past {@code from} plus the distance (a null distance never closes a session)? */
        private static boolean past(long value, long from, Vector distance, int row) {
            return !distance.isNull(row) && value >= from + distance.getLong(row);
        }
    }

    /** prev(x[, offset[, default]]) / next(...): the value {@code offset} rows before / after. */
    private record Neighbour(String name, int direction) implements ScalarFunction, SerialFunction {
        @Override
        public ScalarBinding bind(List<Argument> args) {
            if (args.isEmpty() || args.size() > 3) {
                throw new BindException(name + " expects (column[, offset[, default]])");
            }
            long offset = 1;
            if (args.size() >= 2) {
                Argument o = args.get(1);
                if (!o.isConstant() || !(o.constantValue() instanceof Number n) || n.longValue() < 0
                        || n.longValue() > 1_000_000) {
                    throw new BindException(name + " expects a constant non-negative integer offset");
                }
                offset = n.longValue();
            }
            KqlType type = args.get(0).type();
            if (args.size() == 3) {
                if (!args.get(2).isConstant()) {
                    // Kusto rejects a column or row expression here: prev(x, 1, x) is an error
                    throw new BindException(name + "'s default must be a constant");
                }
                KqlType d = args.get(2).type();
                KqlType common = Conversions.common(type, d);
                if (common == null) {
                    throw new BindException(name + "'s default must be of the column's type " + type.kustoName()
                            + ", not " + d.kustoName());
                }
                type = common;
            }
            List<KqlType> types = new ArrayList<>(List.of(type, LONG));
            if (args.size() == 3) {
                types.add(type);
            }
            int shift = (int) offset * direction;
            KqlType result = type;
            SerialKernel kernel = new SerialKernel() {
                @Override
                public Vector apply(Vector[] v, EvalContext ctx) {
                    int n = ctx.rows();
                    VectorBuilder out = new VectorBuilder(result, n);
                    for (int i = 0; i < n; i++) {
                        int j = i + shift;
                        if (j >= 0 && j < n) {
                            out.appendFrom(v[0], j);
                        } else if (v.length == 3) {
                            out.appendFrom(v[2], i);
                        } else {
                            out.appendNull();
                        }
                    }
                    return out.build();
                }

                @Override
                public int rowsBefore() {
                    return shift < 0 ? -shift : 0;
                }

                @Override
                public int rowsAfter() {
                    return Math.max(shift, 0);
                }
            };
            return new ScalarBinding(result, kernel, types, false);
        }
    }

    /** row_number([start[, restart]]), row_cumsum(x[, restart]), row_rank_dense/min(x[, restart]). */
    private record Running(String name) implements ScalarFunction, SerialFunction {
        @Override
        public ScalarBinding bind(List<Argument> args) {
            boolean number = name.equals("row_number");
            int valueArgs = number ? 0 : 1;
            if (args.size() < valueArgs || args.size() > 2) {
                throw new BindException(name + (number ? " expects ([start[, restart]])"
                        : " expects (column[, restart])"));
            }
            long start = 1;
            if (number && !args.isEmpty()) {
                Argument s = args.get(0);
                if (!s.isConstant() || !(s.constantValue() instanceof Number n)) {
                    throw new BindException("row_number expects a constant integer start");
                }
                start = n.longValue();
            }
            int restartIndex = 1;
            if (args.size() > restartIndex && args.get(restartIndex).type() != BOOL) {
                throw new BindException(name + " expects a bool restart predicate, not "
                        + args.get(restartIndex).type().kustoName());
            }
            KqlType type = LONG;
            List<KqlType> types = new ArrayList<>();
            if (number) {
                if (!args.isEmpty()) {
                    types.add(LONG);
                }
            } else {
                KqlType t = args.get(0).type();
                if (name.equals("row_cumsum")) {
                    if (t != INT && t != LONG && t != REAL && t != DECIMAL && t != TIMESPAN) {
                        throw new BindException("row_cumsum expects a number or timespan, not " + t.kustoName());
                    }
                    type = t == INT ? LONG : t;
                }
                types.add(name.equals("row_cumsum") ? type : t);
            }
            if (args.size() > restartIndex) {
                types.add(BOOL);
            }
            return new ScalarBinding(type, new RunningKernel(name, type, start, args.size() > restartIndex), types,
                    false);
        }
    }

    /** What a running function carries to the next batch: its value at the last row emitted. */
    private static final class RunState {
        boolean started;
        long count;      // row_number's last number; ranks: rows since the last restart
        long sum;        // row_cumsum over long storage; ranks: the current rank
        double realSum;
        BigDecimal decimalSum = BigDecimal.ZERO;
        Object last;     // ranks: the last value
    }

    private static final class RunningKernel implements SerialKernel {
        private final String name;
        private final KqlType type;
        private final long start;
        private final boolean hasRestart;

        RunningKernel(String name, KqlType type, long start, boolean hasRestart) {
            this.name = name;
            this.type = type;
            this.start = start;
            this.hasRestart = hasRestart;
        }

        @Override
        public Vector apply(Vector[] args, EvalContext ctx) {
            int n = ctx.rows();
            RunState committed = (RunState) ctx.state().computeIfAbsent(this, k -> new RunState());
            RunState s = copy(committed);
            Vector restart = hasRestart ? args[args.length - 1] : null;
            Vector x = name.equals("row_number") ? null : args[0];
            VectorBuilder out = new VectorBuilder(type, n);
            for (int i = 0; i < ctx.from(); i++) {
                out.appendNull(); // rows of an earlier batch: not emitted from this window
            }
            for (int i = ctx.from(); i < n; i++) {
                boolean restarts = !s.started || restart != null && !restart.isNull(i) && restart.getLong(i) != 0;
                s.started = true;
                switch (name) {
                    case "row_number" -> {
                        s.count = restarts ? start : s.count + 1;
                        out.appendLong(s.count);
                    }
                    case "row_cumsum" -> cumulate(s, x, i, restarts, out);
                    default -> {
                        Object value = x.box(i);
                        s.count = restarts ? 1 : s.count + 1;
                        if (restarts) {
                            s.sum = 1;
                        } else if (!Objects.equals(value, s.last)) {
                            s.sum = name.equals("row_rank_dense") ? s.sum + 1 : s.count;
                        }
                        s.last = value;
                        out.appendLong(s.sum);
                    }
                }
                if (i == ctx.to() - 1) {
                    committed.started = s.started;
                    committed.count = s.count;
                    committed.sum = s.sum;
                    committed.realSum = s.realSum;
                    committed.decimalSum = s.decimalSum;
                    committed.last = s.last;
                }
            }
            return out.build();
        }

        private void cumulate(RunState s, Vector x, int i, boolean restarts, VectorBuilder out) {
            boolean isNull = x.isNull(i);
            switch (type) {
                case REAL -> {
                    s.realSum = (restarts ? 0 : s.realSum) + (isNull ? 0 : x.getDouble(i));
                    out.appendDouble(s.realSum);
                }
                case DECIMAL -> {
                    BigDecimal base = restarts ? BigDecimal.ZERO : s.decimalSum;
                    s.decimalSum = isNull ? base : base.add((BigDecimal) x.getObject(i));
                    out.appendObject(s.decimalSum);
                }
                default -> {
                    s.sum = (restarts ? 0 : s.sum) + (isNull ? 0 : x.getLong(i));
                    out.appendLong(s.sum);
                }
            }
        }

        private static RunState copy(RunState c) {
            RunState s = new RunState();
            s.started = c.started;
            s.count = c.count;
            s.sum = c.sum;
            s.realSum = c.realSum;
            s.decimalSum = c.decimalSum;
            s.last = c.last;
            return s;
        }
    }
}

package io.github.camelkusto.export.kql.functions.builtin;

import static io.github.camelkusto.export.kql.types.KqlType.DATETIME;
import static io.github.camelkusto.export.kql.types.KqlType.TIMESPAN;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.camelkusto.export.kql.data.Vector;
import io.github.camelkusto.export.kql.functions.Argument;
import io.github.camelkusto.export.kql.functions.BindException;
import io.github.camelkusto.export.kql.functions.FunctionLibrary;
import io.github.camelkusto.export.kql.functions.FunctionRegistry;
import io.github.camelkusto.export.kql.functions.ScalarBinding;
import io.github.camelkusto.export.kql.functions.ScalarFunction;
import io.github.camelkusto.export.kql.types.Ticks;

/** now([offset]) and ago(timespan). Kusto evaluates now() once per query; here once per batch (see report). */
public final class DateTimeFunctions implements FunctionLibrary {

    @Override
    public void registerInto(FunctionRegistry registry) {
        registry.register(new Now("now", 1));
        registry.register(new Now("ago", -1));
    }

    private static Instant nowInTicks() {
        return Ticks.toInstant(Ticks.of(Instant.now()));
    }

    /** now() + offset (sign 1), ago(span) = now() - span (sign -1). */
    private record Now(String name, int sign) implements ScalarFunction {
        @Override
        public ScalarBinding bind(List<Argument> args) {
            boolean ok = sign > 0 ? args.size() <= 1 : args.size() == 1;
            if (!ok || args.size() == 1 && args.get(0).type() != TIMESPAN) {
                throw new BindException(name + (sign > 0 ? " expects no argument or a timespan offset"
                        : " expects a timespan"));
            }
            return new ScalarBinding(DATETIME, (vectors, ctx) -> {
                Instant now = nowInTicks();
                if (vectors.length == 0) {
                    return Vector.constant(DATETIME, now, ctx.rows());
                }
                Vector span = vectors[0];
                if (span.isConstant()) {
                    Object d = span.box(0);
                    return Vector.constant(DATETIME, d == null ? null
                            : sign > 0 ? now.plus((Duration) d) : now.minus((Duration) d), ctx.rows());
                }
                io.github.camelkusto.export.kql.data.VectorBuilder out =
                        new io.github.camelkusto.export.kql.data.VectorBuilder(DATETIME, ctx.rows());
                long base = Ticks.of(now);
                for (int i = 0; i < ctx.rows(); i++) {
                    if (span.isNull(i)) {
                        out.appendNull();
                    } else {
                        out.appendLong(base + sign * span.getLong(i));
                    }
                }
                return out.build();
            }, null).nondeterministic();
        }
    }
}

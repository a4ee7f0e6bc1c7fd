package io.github.camelkusto.kql.functions.builtin;

import java.util.List;
import java.util.function.LongPredicate;

import io.github.camelkusto.kql.data.Ingestion;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.functions.Argument;
import io.github.camelkusto.kql.functions.BindException;
import io.github.camelkusto.kql.functions.FunctionLibrary;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.ScalarBinding;
import io.github.camelkusto.kql.functions.ScalarFunction;
import io.github.camelkusto.kql.types.KqlType;

/**
 * What a table's rows know of their ingestion: {@code ingestion_time()} (null for rows that are not a table's),
 * {@code cursor_after(c)} and {@code cursor_before_or_at(c)} (false for such rows), over the database cursor of
 * each extent. All are evaluated per batch: the rows of one batch come from one extent. None is folded at bind
 * time, as their value depends on the rows.
 */
final class IngestionFunctions implements FunctionLibrary {

    @Override
    public void registerInto(FunctionRegistry registry) {
        registry.register(new IngestionTime());
        registry.register(new CursorTest("cursor_after", 1));
        registry.register(new CursorTest("cursor_before_or_at", -1));
    }

    private record IngestionTime() implements ScalarFunction {
        @Override
        public String name() {
            return "ingestion_time";
        }

        @Override
        public ScalarBinding bind(List<Argument> args) {
            if (!args.isEmpty()) {
                throw new BindException("ingestion_time expects no argument");
            }
            return new ScalarBinding(KqlType.DATETIME, (values, context) -> Vector.constant(KqlType.DATETIME,
                    context.ingestion() == null ? null : context.ingestion().time(), context.rows()),
                    List.of()).nondeterministic();
        }
    }

    /** cursor_after (sign 1: the row's cursor is greater) or cursor_before_or_at (sign -1: not greater). */
    private record CursorTest(String name, int sign) implements ScalarFunction {
        @Override
        public ScalarBinding bind(List<Argument> args) {
            if (args.size() != 1 || args.get(0).type() != KqlType.STRING || !args.get(0).isConstant()) {
                throw new BindException(name + " expects a constant string: a database cursor");
            }
            long cursor;
            try {
                cursor = Ingestion.parseCursor((String) args.get(0).constantValue());
            } catch (IllegalArgumentException e) {
                throw new BindException(name + ": " + e.getMessage());
            }
            LongPredicate test = sign > 0 ? c -> c > cursor : c -> c <= cursor;
            return new ScalarBinding(KqlType.BOOL, (values, context) -> Vector.constant(KqlType.BOOL,
                    context.ingestion() != null && test.test(context.ingestion().cursor()), context.rows()),
                    null).nondeterministic();
        }
    }
}

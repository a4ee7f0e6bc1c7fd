package io.github.camelkusto.kql.plan;

import java.util.List;

import io.github.camelkusto.kql.data.Batch;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.functions.Conversions;
import io.github.camelkusto.kql.functions.EvalContext;
import io.github.camelkusto.kql.functions.ScalarKernel;
import io.github.camelkusto.kql.types.KqlType;

/**
 * A scalar expression after binding: names resolved to column positions, functions to kernels, every node
 * typed. Evaluating it over a batch dispatches once per node per batch; the kernels loop over the rows.
 */
public sealed interface BoundExpr {
    KqlType type();

    /** The expression's values for the rows of {@code batch}. */
    Vector evaluate(Batch batch, EvalContext context);

    /** Column {@code index} of the input. */
    record ColumnRef(int index, String name, KqlType type) implements BoundExpr {
        @Override
        public Vector evaluate(Batch batch, EvalContext context) {
            return batch.column(index);
        }
    }

    /** A value known when binding: a literal, or a call of constants folded by the binder. */
    record Constant(KqlType type, Object value) implements BoundExpr {
        @Override
        public Vector evaluate(Batch batch, EvalContext context) {
            return Vector.constant(type, value, context.rows());
        }
    }

    /** A function or operator call. */
    record Call(String function, ScalarKernel kernel, List<BoundExpr> args, KqlType type, boolean deterministic)
            implements BoundExpr {
        public Call {
            args = List.copyOf(args);
        }

        @Override
        public Vector evaluate(Batch batch, EvalContext context) {
            Vector[] values = new Vector[args.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = args.get(i).evaluate(batch, context);
            }
            return kernel.apply(values, context);
        }
    }

    /** An implicit widening (int to long, long to real, ...), as Kusto promotes numbers. */
    record Widen(BoundExpr inner, KqlType type) implements BoundExpr {
        @Override
        public Vector evaluate(Batch batch, EvalContext context) {
            return Conversions.widen(inner.evaluate(batch, context), type);
        }
    }
}

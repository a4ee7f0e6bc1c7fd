package io.github.camelkusto.kql.functions.builtin;

import static io.github.camelkusto.kql.types.KqlType.INT;
import static io.github.camelkusto.kql.types.KqlType.LONG;

import java.util.Arrays;
import java.util.function.LongBinaryOperator;

import io.github.camelkusto.kql.data.LongVector;
import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.functions.AggregateBinding;
import io.github.camelkusto.kql.functions.AggregateFunction;
import io.github.camelkusto.kql.functions.BindException;
import io.github.camelkusto.kql.functions.FunctionLibrary;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.GroupedAggregator;

/**
 * binary_all_and, binary_all_or and binary_all_xor: the bitwise fold of a long column's non-null values per
 * group (null where a group has none).
 */
public final class BitwiseAggregates implements FunctionLibrary {

    @Override
    public void registerInto(FunctionRegistry registry) {
        register(registry, "binary_all_and", -1L, (a, b) -> a & b);
        register(registry, "binary_all_or", 0L, (a, b) -> a | b);
        register(registry, "binary_all_xor", 0L, (a, b) -> a ^ b);
    }

    private static void register(FunctionRegistry registry, String name, long identity, LongBinaryOperator op) {
        registry.register(AggregateFunction.of(name, 1, 1, name, args -> {
            if (args.get(0).type() != LONG && args.get(0).type() != INT) {
                throw new BindException(name + " expects a long, not " + args.get(0).type().kustoName());
            }
            return AggregateBinding.of(LONG, () -> new Fold(identity, op));
        }));
    }

    private static final class Fold implements GroupedAggregator {
        private final long identity;
        private final LongBinaryOperator op;
        private long[] values = new long[0];
        private boolean[] seen = new boolean[0];

        Fold(long identity, LongBinaryOperator op) {
            this.identity = identity;
            this.op = op;
        }

        @Override
        public void ensureGroups(int groupCount) {
            if (values.length < groupCount) {
                int old = values.length;
                int size = Math.max(groupCount, old * 2);
                values = Arrays.copyOf(values, size);
                Arrays.fill(values, old, size, identity);
                seen = Arrays.copyOf(seen, size);
            }
        }

        @Override
        public void update(int[] groupIds, Vector[] args, int rows) {
            Vector x = args[0];
            for (int i = 0; i < rows; i++) {
                if (!x.isNull(i)) {
                    int g = groupIds[i];
                    values[g] = op.applyAsLong(values[g], x.getLong(i));
                    seen[g] = true;
                }
            }
        }

        @Override
        public Vector[] finish(int groupCount) {
            return new Vector[] {new LongVector(LONG, Arrays.copyOf(values, groupCount),
                    NumericAggregators.unseen(seen, groupCount), groupCount)};
        }
    }
}

package io.github.camelkusto.kql.functions.builtin;

import static io.github.camelkusto.kql.types.KqlType.BOOL;

import java.util.ArrayList;
import java.util.List;

import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.functions.AggregateBinding;
import io.github.camelkusto.kql.functions.AggregateFunction;
import io.github.camelkusto.kql.functions.Argument;
import io.github.camelkusto.kql.functions.BindException;
import io.github.camelkusto.kql.functions.FunctionLibrary;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.GroupedAggregator;

/**
 * minif, maxif and take_anyif: min, max and take_any of the rows where the last argument (a predicate) is true.
 * A group where it never is gives null, as the summarize page's table of defaults has it for "all others".
 */
public final class ConditionalAggregates implements FunctionLibrary {

    @Override
    public void registerInto(FunctionRegistry registry) {
        registry.register(new Conditional("minif", "min", registry));
        registry.register(new Conditional("maxif", "max", registry));
        registry.register(new Conditional("take_anyif", "take_any", registry));
    }

    private record Conditional(String name, String of, FunctionRegistry registry) implements AggregateFunction {
        @Override
        public AggregateBinding bind(List<Argument> args) {
            if (args.size() != 2) {
                throw new BindException(name + " expects 2 arguments (a value and a predicate), not " + args.size());
            }
            if (args.get(1).type() != BOOL) {
                throw new BindException(name + " expects a bool predicate, not " + args.get(1).type().kustoName());
            }
            AggregateFunction plain = registry.aggregate(of).orElseThrow();
            AggregateBinding binding = plain.bind(args.subList(0, 1));
            List<io.github.camelkusto.kql.types.KqlType> types = null;
            if (binding.argumentTypes() != null) {
                types = new ArrayList<>(binding.argumentTypes());
                types.add(BOOL);
            }
            return new AggregateBinding(binding.outputTypes(), types, () -> new Filtered(binding.aggregator().get()));
        }
    }

    /** Hands the rows where the predicate (the last argument) is true to the plain aggregate. */
    private static final class Filtered implements GroupedAggregator {
        private final GroupedAggregator plain;

        Filtered(GroupedAggregator plain) {
            this.plain = plain;
        }

        @Override
        public void ensureGroups(int groupCount) {
            plain.ensureGroups(groupCount);
        }

        @Override
        public void update(int[] groupIds, Vector[] args, int rows) {
            Vector predicate = args[args.length - 1];
            int[] kept = new int[rows];
            int count = 0;
            for (int i = 0; i < rows; i++) {
                if (NumericAggregators.passes(predicate, i)) {
                    kept[count++] = i;
                }
            }
            if (count == 0) {
                return;
            }
            int[] groups = new int[count];
            for (int k = 0; k < count; k++) {
                groups[k] = groupIds[kept[k]];
            }
            Vector[] selected = new Vector[args.length - 1];
            for (int a = 0; a < selected.length; a++) {
                selected[a] = args[a].select(kept, count);
            }
            plain.update(groups, selected, count);
        }

        @Override
        public Vector[] finish(int groupCount) {
            return plain.finish(groupCount);
        }
    }
}

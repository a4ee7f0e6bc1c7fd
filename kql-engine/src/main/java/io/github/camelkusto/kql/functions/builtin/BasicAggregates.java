package io.github.camelkusto.kql.functions.builtin;

import static io.github.camelkusto.kql.types.KqlType.BOOL;
import static io.github.camelkusto.kql.types.KqlType.DECIMAL;
import static io.github.camelkusto.kql.types.KqlType.DYNAMIC;
import static io.github.camelkusto.kql.types.KqlType.INT;
import static io.github.camelkusto.kql.types.KqlType.LONG;
import static io.github.camelkusto.kql.types.KqlType.REAL;
import static io.github.camelkusto.kql.types.KqlType.TIMESPAN;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.github.camelkusto.kql.data.VectorBuilder;
import io.github.camelkusto.kql.functions.AggregateBinding;
import io.github.camelkusto.kql.functions.AggregateFunction;
import io.github.camelkusto.kql.functions.Argument;
import io.github.camelkusto.kql.functions.BindException;
import io.github.camelkusto.kql.functions.FunctionLibrary;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.GroupedAggregator;
import io.github.camelkusto.kql.types.KqlType;

/**
 * count, countif, sum, sumif, avg, avgif, min, max, dcount and count_distinct (exact: they keep every distinct value), take_any,
 * make_list, make_set, arg_max and arg_min (with {@code *}). Numeric count/sum/avg/min/max keep primitive state
 * arrays and update them column-at-a-time; the others keep objects per group.
 */
public final class BasicAggregates implements FunctionLibrary {

    @Override
    public void registerInto(FunctionRegistry registry) {
        registry.register(simple("count", 0, 1, args -> AggregateBinding.of(LONG, () -> new NumericAggregators.Counting(false)), "count"));
        registry.register(simple("countif", 1, 1, args -> {
            requireBool("countif", args.get(0));
            return AggregateBinding.of(LONG, () -> new NumericAggregators.Counting(true));
        }, "countif"));
        registry.register(simple("sum", 1, 1, args -> sum("sum", args.get(0), false), "sum"));
        registry.register(simple("sumif", 2, 2, args -> {
            requireBool("sumif", args.get(1));
            return sum("sumif", args.get(0), true);
        }, "sumif"));
        registry.register(simple("avg", 1, 1, args -> avg("avg", args.get(0), false), "avg"));
        registry.register(simple("avgif", 2, 2, args -> {
            requireBool("avgif", args.get(1));
            return avg("avgif", args.get(0), true);
        }, "avgif"));
        registry.register(simple("min", 1, 1, args -> extreme("min", args.get(0), -1), "min"));
        registry.register(simple("max", 1, 1, args -> extreme("max", args.get(0), 1), "max"));
        registry.register(simple("dcount", 1, 2, args -> AggregateBinding.of(LONG, ObjectAggregators.DistinctCount::new),
                "dcount"));
        registry.register(simple("count_distinct", 1, 1, args -> AggregateBinding.of(LONG,
                ObjectAggregators.DistinctCount::new), "count_distinct"));
        registry.register(simple("take_any", 1, 1, args -> AggregateBinding.of(args.get(0).type(),
                () -> new ObjectAggregators.TakeAny(args.get(0).type())), "any"));
        registry.register(simple("any", 1, 1, args -> AggregateBinding.of(args.get(0).type(),
                () -> new ObjectAggregators.TakeAny(args.get(0).type())), "any"));
        registry.register(simple("make_list", 1, 2, args -> AggregateBinding.of(DYNAMIC,
                () -> new ObjectAggregators.MakeList(false, maxSize(args))), "list"));
        registry.register(simple("make_set", 1, 2, args -> AggregateBinding.of(DYNAMIC,
                () -> new ObjectAggregators.MakeList(true, maxSize(args))), "set"));
        registry.register(new ArgExtreme("arg_max", 1));
        registry.register(new ArgExtreme("arg_min", -1));
    }

    private static AggregateFunction simple(String name, int minArgs, int maxArgs,
            AggregateFunction.ArgumentsBinder binder, String prefix) {
        return AggregateFunction.of(name, minArgs, maxArgs, prefix, binder);
    }

    private static void requireBool(String name, Argument predicate) {
        if (predicate.type() != BOOL) {
            throw new BindException(name + " expects a bool predicate, not " + predicate.type().kustoName());
        }
    }

    private static int maxSize(List<Argument> args) {
        if (args.size() < 2) {
            return 1_048_576;
        }
        if (!args.get(1).isConstant() || !(args.get(1).constantValue() instanceof Number n)) {
            throw new BindException("the maximum size must be a constant integer");
        }
        return n.intValue();
    }

    private static AggregateBinding sum(String name, Argument arg, boolean conditional) {
        KqlType t = arg.type();
        Supplier<GroupedAggregator> state = switch (t) {
            case INT, LONG -> () -> new NumericAggregators.LongSum(LONG, conditional);
            case TIMESPAN -> () -> new NumericAggregators.LongSum(TIMESPAN, conditional);
            case REAL -> () -> new NumericAggregators.DoubleSum(conditional);
            case DECIMAL -> () -> new ObjectAggregators.DecimalSum(conditional);
            default -> throw new BindException(name + " expects a number or timespan, not " + t.kustoName());
        };
        KqlType result = t == INT ? LONG : t;
        return new AggregateBinding(List.of(result), null, state);
    }

    private static AggregateBinding avg(String name, Argument arg, boolean conditional) {
        KqlType t = arg.type();
        if (t != INT && t != LONG && t != REAL && t != DECIMAL) {
            throw new BindException(name + " expects a number, not " + t.kustoName());
        }
        boolean integral = t == INT || t == LONG;
        return AggregateBinding.of(REAL, () -> new NumericAggregators.Average(conditional, integral));
    }

    private static AggregateBinding extreme(String name, Argument arg, int sign) {
        KqlType t = arg.type();
        if (t == DYNAMIC || t == KqlType.GUID) {
            throw new BindException(name + " cannot compare " + t.kustoName() + " values");
        }
        Supplier<GroupedAggregator> state = switch (VectorBuilder.storage(t)) {
            case LONG -> () -> new NumericAggregators.LongExtreme(t, sign);
            case DOUBLE -> () -> new NumericAggregators.DoubleExtreme(sign);
            case OBJECT -> () -> new ObjectAggregators.ObjectExtreme(t, sign);
        };
        return AggregateBinding.of(t, state);
    }

    /** arg_max(x, cols...) / arg_min: the columns of the row where x is greatest (smallest) in each group. */
    private record ArgExtreme(String name, int sign) implements AggregateFunction {
        @Override
        public AggregateBinding bind(List<Argument> args) {
            if (args.isEmpty()) {
                throw new BindException(name + " expects the expression to maximize and the columns to return");
            }
            KqlType key = args.get(0).type();
            if (key == DYNAMIC) {
                throw new BindException(name + " cannot compare dynamic values");
            }
            List<KqlType> types = args.stream().map(Argument::type).toList();
            return new AggregateBinding(types, null, () -> new ObjectAggregators.ArgExtreme(types, sign));
        }

        @Override
        public List<String> outputNames(List<String> argNames) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < argNames.size(); i++) {
                String n = argNames.get(i);
                names.add(n != null ? n : i == 0 ? name + "_" : "Column" + i);
            }
            return names;
        }

        @Override
        public boolean acceptsStar() {
            return true;
        }
    }
}

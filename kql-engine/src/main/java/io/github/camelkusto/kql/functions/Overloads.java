package io.github.camelkusto.kql.functions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.github.camelkusto.kql.types.KqlType;

/**
 * A scalar function given as a table of signatures ({@code (long, long) -> long}, ...), each with its kernel.
 * A call takes the signature its argument types match exactly, else the one reached with the fewest implicit
 * widenings (int to long, int/long to real, int/long to decimal), as Kusto promotes numbers.
 */
public final class Overloads implements ScalarFunction {
    private final String name;
    private final List<Signature> signatures = new ArrayList<>();

    /** {@code params} -> {@code result}, computed by {@code kernel}. */
    public record Signature(List<KqlType> params, KqlType result, ScalarKernel kernel) {
    }

    private Overloads(String name) {
        this.name = name;
    }

    public static Overloads of(String name) {
        return new Overloads(name);
    }

    /** Adds the form {@code name(params...) -> result}. */
    public Overloads add(KqlType result, ScalarKernel kernel, KqlType... params) {
        signatures.add(new Signature(List.of(params), result, kernel));
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ScalarBinding bind(List<Argument> args) {
        Signature best = null;
        int bestCost = Integer.MAX_VALUE;
        for (Signature s : signatures) {
            int cost = cost(s.params(), args);
            if (cost < bestCost) {
                best = s;
                bestCost = cost;
            }
        }
        if (best == null) {
            throw new BindException(describeMismatch(args));
        }
        return new ScalarBinding(best.result(), best.kernel(), best.params());
    }

    private static int cost(List<KqlType> params, List<Argument> args) {
        if (params.size() != args.size()) {
            return Integer.MAX_VALUE;
        }
        int total = 0;
        for (int i = 0; i < params.size(); i++) {
            int c = Conversions.wideningCost(args.get(i).type(), params.get(i));
            if (c == Integer.MAX_VALUE) {
                return c;
            }
            total += c;
        }
        return total;
    }

    private String describeMismatch(List<Argument> args) {
        String given = args.stream().map(a -> a.type().kustoName()).collect(Collectors.joining(", "));
        String forms = signatures.stream()
                .map(s -> name + "(" + s.params().stream().map(KqlType::kustoName).collect(Collectors.joining(", "))
                        + ")")
                .distinct().collect(Collectors.joining(", "));
        return isOperator() ? "operator '" + name + "' cannot be applied to (" + given + ")" + " (valid: " + forms + ")"
                : name + "(" + given + ") does not exist (valid: " + forms + ")";
    }

    private boolean isOperator() {
        return !Character.isLetter(name.charAt(0)) || Arrays.asList("and", "or").contains(name)
                || name.contains(" ");
    }
}

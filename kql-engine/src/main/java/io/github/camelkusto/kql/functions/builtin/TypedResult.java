package io.github.camelkusto.kql.functions.builtin;

import static io.github.camelkusto.kql.types.KqlType.STRING;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.github.camelkusto.kql.data.Vector;
import io.github.camelkusto.kql.functions.Argument;
import io.github.camelkusto.kql.functions.BindException;
import io.github.camelkusto.kql.functions.RowWise;
import io.github.camelkusto.kql.functions.ScalarBinding;
import io.github.camelkusto.kql.functions.ScalarFunction;
import io.github.camelkusto.kql.functions.ScalarKernel;
import io.github.camelkusto.kql.types.KqlType;

/**
 * A string function with an optional last argument {@code typeof(T)} (extract, extract_json): the string result
 * converted to T as {@code toT()} converts it. The parser reads {@code typeof(T)} as the constant text
 * {@value #PREFIX}T{@code )}.
 */
record TypedResult(String name, int typeArgument, ScalarFunction function) implements ScalarFunction {
    static final String PREFIX = "typeof(";

    /** The type a constant {@code typeof(T)} argument names, if it is one. */
    static Optional<KqlType> typeOf(Argument arg) {
        if (arg.isConstant() && arg.constantValue() instanceof String text && text.startsWith(PREFIX)
                && text.endsWith(")")) {
            return KqlType.byName(text.substring(PREFIX.length(), text.length() - 1).toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    @Override
    public ScalarBinding bind(List<Argument> args) {
        if (args.size() != typeArgument + 1) {
            return function.bind(args);
        }
        KqlType to = typeOf(args.get(typeArgument)).orElseThrow(() -> new BindException(name
                + " expects typeof(T) as argument " + (typeArgument + 1)));
        ScalarBinding text = function.bind(args.subList(0, typeArgument));
        if (text.type() != STRING) {
            throw new BindException(name + " returns " + text.type().kustoName() + ", which typeof() cannot convert");
        }
        ScalarKernel convert = RowWise.of(to, v -> ConversionFunctions.convert(v, STRING, to));
        ScalarKernel kernel = (vectors, ctx) -> convert.apply(new Vector[] {text.kernel().apply(
                Arrays.copyOf(vectors, typeArgument), ctx)}, ctx);
        List<KqlType> types = null;
        if (text.argumentTypes() != null) {
            types = new ArrayList<>(text.argumentTypes());
            types.add(STRING);
        }
        return new ScalarBinding(to, kernel, types, text.deterministic());
    }
}

package io.github.camelkusto.kql.functions.builtin;

import static io.github.camelkusto.kql.types.KqlType.DYNAMIC;
import static io.github.camelkusto.kql.types.KqlType.LONG;
import static io.github.camelkusto.kql.types.KqlType.REAL;

import java.util.function.DoubleUnaryOperator;
import java.util.function.LongUnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.camelkusto.kql.functions.FunctionLibrary;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.Overloads;
import io.github.camelkusto.kql.functions.RowWise;
import io.github.camelkusto.kql.types.KqlValues;

/**
 * The element-wise math of a series (series_abs, series_sign, series_ceiling, series_floor, series_exp, series_log,
 * the trigonometric ones, series_pow) and its reductions (series_sum, series_product, series_magnitude,
 * series_dot_product, series_cosine_similarity). A missing (non-numeric) element stays null; abs and sign keep
 * an integer element an integer, as Kusto does.
 */
public final class SeriesElementFunctions implements FunctionLibrary {

    @Override
    public void registerInto(FunctionRegistry registry) {
        unary(registry, "series_abs", Math::abs, Math::abs);
        unary(registry, "series_sign", Long::signum, Math::signum);
        unary(registry, "series_ceiling", null, Math::ceil);
        unary(registry, "series_floor", null, Math::floor);
        unary(registry, "series_exp", null, Math::exp);
        unary(registry, "series_log", null, Math::log);
        unary(registry, "series_sin", null, Math::sin);
        unary(registry, "series_cos", null, Math::cos);
        unary(registry, "series_tan", null, Math::tan);
        unary(registry, "series_asin", null, Math::asin);
        unary(registry, "series_acos", null, Math::acos);
        unary(registry, "series_atan", null, Math::atan);
        registry.register(SeriesFunctions.elementWise(Overloads.of("series_pow"),
                (x, y) -> KqlValues.NODES.numberNode(Math.pow(x.asDouble(), y.asDouble()))));
        registry.register(Overloads.of("series_sum")
                .add(REAL, RowWise.of(REAL, s -> reduce((JsonNode) s, 0, Double::sum)), DYNAMIC));
        registry.register(Overloads.of("series_product")
                .add(REAL, RowWise.of(REAL, s -> reduce((JsonNode) s, 1, (a, b) -> a * b)), DYNAMIC));
        registry.register(Overloads.of("series_magnitude")
                .add(REAL, RowWise.of(REAL, s -> magnitude((JsonNode) s)), DYNAMIC));
        registry.register(Overloads.of("series_dot_product")
                .add(REAL, RowWise.of(REAL, (a, b) -> dot((JsonNode) a, (JsonNode) b)), DYNAMIC, DYNAMIC)
                .add(REAL, RowWise.of(REAL, (a, b) -> dot((JsonNode) a, KqlValues.toJson(b))), DYNAMIC, REAL));
        registry.register(Overloads.of("series_cosine_similarity")
                .add(REAL, RowWise.of(REAL, (a, b) -> cosine((JsonNode) a, (JsonNode) b)), DYNAMIC, DYNAMIC));
    }

    private static void unary(FunctionRegistry registry, String name, LongUnaryOperator longs, DoubleUnaryOperator reals) {
        registry.register(Overloads.of(name).add(DYNAMIC, RowWise.of(DYNAMIC, s -> map((JsonNode) s, longs, reals)),
                DYNAMIC));
    }

    private static JsonNode map(JsonNode s, LongUnaryOperator longs, DoubleUnaryOperator reals) {
        if (!s.isArray()) {
            return null;
        }
        ArrayNode out = KqlValues.NODES.arrayNode(s.size());
        for (JsonNode e : s) {
            if (!e.isNumber()) {
                out.addNull();
            } else if (longs != null && e.isIntegralNumber()) {
                out.add(longs.applyAsLong(e.asLong()));
            } else {
                out.add(reals.applyAsDouble(e.asDouble()));
            }
        }
        return out;
    }

    private static Double reduce(JsonNode s, double identity, java.util.function.DoubleBinaryOperator op) {
        if (!s.isArray()) {
            return null;
        }
        double acc = identity;
        for (JsonNode e : s) {
            if (e.isNumber()) {
                acc = op.applyAsDouble(acc, e.asDouble());
            }
        }
        return acc;
    }

    private static Double magnitude(JsonNode s) {
        Double squares = dot(s, s);
        return squares == null ? null : Math.sqrt(squares);
    }

    /** The sum of the products of the elements at the same index (a scalar b multiplies every element). */
    private static Double dot(JsonNode a, JsonNode b) {
        if (!a.isArray() || b.isContainerNode() && !b.isArray()) {
            return null;
        }
        int n = b.isArray() ? Math.min(a.size(), b.size()) : a.size();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            JsonNode x = a.get(i);
            JsonNode y = b.isArray() ? b.get(i) : b;
            if (x.isNumber() && y.isNumber()) {
                sum += x.asDouble() * y.asDouble();
            }
        }
        return sum;
    }

    private static Double cosine(JsonNode a, JsonNode b) {
        Double ab = dot(a, b);
        Double aa = dot(a, a);
        Double bb = dot(b, b);
        return ab == null || aa == null || bb == null ? null : ab / Math.sqrt(aa * bb);
    }
}

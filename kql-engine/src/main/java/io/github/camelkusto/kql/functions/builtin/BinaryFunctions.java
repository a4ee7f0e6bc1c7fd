package io.github.camelkusto.kql.functions.builtin;

import static io.github.camelkusto.kql.types.KqlType.INT;
import static io.github.camelkusto.kql.types.KqlType.LONG;
import static io.github.camelkusto.kql.types.KqlType.STRING;

import java.util.function.LongBinaryOperator;

import io.github.camelkusto.kql.functions.FunctionLibrary;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.Overloads;
import io.github.camelkusto.kql.functions.RowWise;

/**
 * The bitwise functions of longs (binary_and, binary_or, binary_xor, binary_not, binary_shift_left/right,
 * bitset_count_ones) and tohex, which writes an int as 32 bits and a long as 64 (two's complement), padded
 * with zeros to an optional minimum length.
 */
public final class BinaryFunctions implements FunctionLibrary {

    @Override
    public void registerInto(FunctionRegistry registry) {
        binary(registry, "binary_and", (a, b) -> a & b);
        binary(registry, "binary_or", (a, b) -> a | b);
        binary(registry, "binary_xor", (a, b) -> a ^ b);
        // Kusto shifts by the count modulo 64, as the processor does
        binary(registry, "binary_shift_left", (a, n) -> a << n);
        binary(registry, "binary_shift_right", (a, n) -> a >> n);
        registry.register(Overloads.of("binary_not").add(LONG, RowWise.longToLong(LONG, a -> ~a), LONG));
        registry.register(Overloads.of("bitset_count_ones")
                .add(LONG, RowWise.longToLong(LONG, Long::bitCount), LONG));
        registry.register(Overloads.of("tohex")
                .add(STRING, RowWise.of(STRING, v -> hex(v, true, 0)), INT)
                .add(STRING, RowWise.of(STRING, v -> hex(v, false, 0)), LONG)
                .add(STRING, RowWise.of(STRING, (v, n) -> hex(v, true, ((Number) n).intValue())), INT, LONG)
                .add(STRING, RowWise.of(STRING, (v, n) -> hex(v, false, ((Number) n).intValue())), LONG, LONG));
    }

    private static void binary(FunctionRegistry registry, String name, LongBinaryOperator op) {
        registry.register(Overloads.of(name).add(LONG, RowWise.of(LONG, (a, b) -> op.applyAsLong(((Number) a).longValue(),
                ((Number) b).longValue())), LONG, LONG));
    }

    private static String hex(Object value, boolean int32, int minLength) {
        long v = ((Number) value).longValue();
        String digits = int32 ? Integer.toHexString((int) v) : Long.toHexString(v);
        return digits.length() >= minLength ? digits : "0".repeat(minLength - digits.length()) + digits;
    }
}

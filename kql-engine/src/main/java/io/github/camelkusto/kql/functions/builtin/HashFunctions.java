package io.github.camelkusto.kql.functions.builtin;

import static io.github.camelkusto.kql.types.KqlType.LONG;
import static io.github.camelkusto.kql.types.KqlType.STRING;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelkusto.kql.functions.FunctionLibrary;
import io.github.camelkusto.kql.functions.FunctionRegistry;
import io.github.camelkusto.kql.functions.Overloads;
import io.github.camelkusto.kql.functions.RowWise;
import io.github.camelkusto.kql.types.KqlType;
import io.github.camelkusto.kql.types.KqlValues;
import io.github.camelkusto.kql.types.Ticks;
import net.openhft.hashing.LongHashFunction;

/**
 * {@code hash(x [, mod])} and {@code hash_xxhash64(x [, mod])}: xxHash64 (seed 0, by OpenHFT's
 * zero-allocation-hashing) of a value, as ADX computes it: a string hashes its UTF-8 bytes and a datetime its .NET
 * ticks (counted from 0001-01-01), which reproduces ADX's documented examples ({@code hash_xxhash64("World")} is
 * 1846988464401551951, {@code hash_xxhash64(datetime(2015-01-01))} 1380966698541616202). Other types hash their
 * 64-bit value (ints and longs as such, a real's IEEE bits, a timespan's ticks, a bool as 0/1), guids their 16
 * bytes, decimals and dynamic values their text: ADX documents no example for those. With {@code mod}, the
 * result is the hash modulo {@code mod}, between 0 and mod - 1.
 */
public final class HashFunctions implements FunctionLibrary {
    private static final LongHashFunction XX = LongHashFunction.xx();

    @Override
    public void registerInto(FunctionRegistry registry) {
        for (String name : new String[] {"hash", "hash_xxhash64"}) {
            Overloads overloads = Overloads.of(name);
            for (KqlType type : KqlType.values()) {
                overloads.add(LONG, RowWise.of(LONG, HashFunctions::hash), type);
                overloads.add(LONG, RowWise.of(LONG, (value, mod) -> Math.floorMod(hash(value), (Long) mod)), type,
                        LONG);
            }
            registry.register(overloads);
        }
        digest(registry, "hash_md5", "MD5");
        digest(registry, "hash_sha1", "SHA-1");
        digest(registry, "hash_sha256", "SHA-256");
    }

    /** A cryptographic hash of the value's text (UTF-8), as lower-case hex: the hash_md5() page's examples. */
    private static void digest(FunctionRegistry registry, String name, String algorithm) {
        Overloads overloads = Overloads.of(name);
        for (KqlType type : KqlType.values()) {
            overloads.add(STRING, RowWise.of(STRING, value -> {
                try {
                    byte[] bytes = KqlValues.toKustoString(value).getBytes(StandardCharsets.UTF_8);
                    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance(algorithm)
                            .digest(bytes));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(algorithm + " is not available in this JVM", e);
                }
            }), type);
        }
        registry.register(overloads);
    }

    static long hash(Object value) {
        if (value instanceof String text) {
            return XX.hashBytes(text.getBytes(StandardCharsets.UTF_8));
        }
        if (value instanceof Instant instant) {
            return XX.hashLong(Ticks.of(instant) + ConversionFunctions.TICKS_BEFORE_UNIX_EPOCH);
        }
        if (value instanceof Duration duration) {
            return XX.hashLong(Ticks.of(duration));
        }
        if (value instanceof Long || value instanceof Integer) {
            return XX.hashLong(((Number) value).longValue());
        }
        if (value instanceof Double real) {
            return XX.hashLong(Double.doubleToLongBits(real));
        }
        if (value instanceof Boolean bool) {
            return XX.hashLong(bool ? 1 : 0);
        }
        if (value instanceof UUID guid) {
            return XX.hashLongs(new long[] {guid.getMostSignificantBits(), guid.getLeastSignificantBits()});
        }
        if (value instanceof BigDecimal decimal) {
            return XX.hashBytes(decimal.toPlainString().getBytes(StandardCharsets.UTF_8));
        }
        if (value instanceof JsonNode json) {
            return XX.hashBytes(json.toString().getBytes(StandardCharsets.UTF_8));
        }
        throw new IllegalArgumentException("hash of a " + value.getClass().getName());
    }
}

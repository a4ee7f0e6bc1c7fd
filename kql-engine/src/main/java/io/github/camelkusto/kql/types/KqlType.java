package io.github.camelkusto.kql.types;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The scalar types of Kusto, with the names (and aliases) a query may use for them. */
public enum KqlType {
    BOOL("bool", "boolean"),
    INT("int", "int32"),
    LONG("long", "int64"),
    REAL("real", "double"),
    DECIMAL("decimal"),
    STRING("string"),
    DATETIME("datetime", "date"),
    TIMESPAN("timespan", "time"),
    GUID("guid", "uniqueid"),
    DYNAMIC("dynamic");

    private static final Map<String, KqlType> BY_NAME = Arrays.stream(values())
            .flatMap(t -> Stream.concat(Stream.of(t.kustoName), Arrays.stream(t.aliases)).map(n -> Map.entry(n, t)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private final String kustoName;
    private final String[] aliases;

    KqlType(String kustoName, String... aliases) {
        this.kustoName = kustoName;
        this.aliases = aliases;
    }

    /** The name Kusto uses for this type in schemas and {@code .show} output. */
    public String kustoName() {
        return kustoName;
    }

    /** The type a name such as {@code long}, {@code int64} or {@code Date} stands for. */
    public static Optional<KqlType> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    public static String validNames() {
        return Arrays.stream(values()).map(KqlType::kustoName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return kustoName;
    }
}

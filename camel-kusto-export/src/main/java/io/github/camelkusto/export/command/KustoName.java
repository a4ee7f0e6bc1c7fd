package io.github.camelkusto.export.command;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** An enum whose constants have a spelling in the Kusto language ({@code firstFile}, {@code per_shard}, ...). */
public interface KustoName {

    String kustoName();

    /** The constant spelled {@code name}, case-insensitively. */
    static <E extends Enum<E> & KustoName> Optional<E> lookup(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.kustoName().equalsIgnoreCase(name.trim()))
                .findFirst();
    }

    static <E extends Enum<E> & KustoName> List<String> spellings(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(KustoName::kustoName).toList();
    }
}

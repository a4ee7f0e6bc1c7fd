package io.github.camelkusto.kql.plan;

import java.util.HashSet;
import java.util.Set;

/**
 * Kusto's column names for outputs: a name already taken gets the first free numeric suffix ({@code sum_v1},
 * {@code v2}); unnamed expressions get the first free {@code Column1}, {@code Column2}, ...
 */
final class NameAllocator {
    private final Set<String> used = new HashSet<>();

    void reserve(String name) {
        used.add(name);
    }

    boolean isUsed(String name) {
        return used.contains(name);
    }

    String unique(String base) {
        if (used.add(base)) {
            return base;
        }
        for (int i = 1; ; i++) {
            if (used.add(base + i)) {
                return base + i;
            }
        }
    }

    String nextColumn() {
        for (int i = 1; ; i++) {
            if (used.add("Column" + i)) {
                return "Column" + i;
            }
        }
    }
}

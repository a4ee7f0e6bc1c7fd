package io.github.camelkusto.kql;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

/** "Did you mean" hints: the closest valid name by edit distance, when it is close enough to help. */
public final class Suggestions {
    private Suggestions() {
    }

    /** {@code " (did you mean 'X'?)"}, or empty when no candidate is close. */
    public static String didYouMean(String wrong, Collection<String> candidates) {
        return candidates.stream()
                .min(Comparator.comparingInt(c -> distance(wrong, c)))
                .filter(best -> distance(wrong, best) <= Math.max(2, wrong.length() / 3))
                .map(best -> " (did you mean '" + best + "'?)")
                .orElse("");
    }

    static int distance(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int[] prev = new int[y.length() + 1];
        int[] cur = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length()];
    }
}

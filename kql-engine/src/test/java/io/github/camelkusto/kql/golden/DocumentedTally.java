package io.github.camelkusto.kql.golden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.opentest4j.AssertionFailedError;

/**
 * The documented examples' results per family (one {@code documented/<family>.kql-cases} file each): printed
 * after the run with the pass rate (a skipped case is not judged; a pending case counts as failing), and, when
 * every documented case ran, checked against the ratchet in {@value #RATCHET}: no family may pass fewer cases
 * than it lists (raise it when more pass; never lower it).
 */
final class DocumentedTally {
    static final String RATCHET = "kql-documented-ratchet.properties";

    enum Verdict { PASSED, FAILED, SKIPPED }

    /** Counts of one family. */
    private record Count(int passed, int failed, int skipped) {
        static final Count NONE = new Count(0, 0, 0);

        Count plus(Verdict v) {
            return new Count(passed + (v == Verdict.PASSED ? 1 : 0), failed + (v == Verdict.FAILED ? 1 : 0),
                    skipped + (v == Verdict.SKIPPED ? 1 : 0));
        }

        Count plus(Count c) {
            return new Count(passed + c.passed, failed + c.failed, skipped + c.skipped);
        }

        double rate() {
            return passed + failed == 0 ? 1.0 : (double) passed / (passed + failed);
        }

        String row(String family) {
            return String.format(Locale.ROOT, "| %-28s | %6d | %6d | %6.1f%% | %7d |", family, passed, passed + failed,
                    100 * rate(), skipped);
        }
    }

    private final Map<String, Count> byFamily = new TreeMap<>();
    private final AtomicLong expected = new AtomicLong();

    void expect(long documentedCases) {
        expected.set(documentedCases);
    }

    synchronized void add(GoldenCase c, Verdict verdict) {
        if (KqlCasesTest.documented(c)) {
            byFamily.merge(family(c), Count.NONE.plus(verdict), Count::plus);
        }
    }

    synchronized void printAndCheck() {
        if (byFamily.isEmpty()) {
            return;
        }
        Count overall = byFamily.values().stream().reduce(Count.NONE, Count::plus);
        StringBuilder table = new StringBuilder("Documented examples (kql/documented), pass rate per family:\n")
                .append("| family                       | passed | judged |   rate  | skipped |\n")
                .append("|------------------------------|--------|--------|---------|---------|\n");
        byFamily.forEach((family, count) -> table.append(count.row(family)).append('\n'));
        table.append(overall.row("overall")).append('\n');
        table.append(String.format(Locale.ROOT, "(pending cases count as failing; targets: 97%% overall, 90%% per family)%n"));
        System.out.print(table);
        if (overall.passed + overall.failed + overall.skipped < expected.get()) {
            return; // a filtered run: the rates say nothing about the whole set
        }
        Properties ratchet = new Properties();
        try (InputStream in = DocumentedTally.class.getClassLoader().getResourceAsStream(RATCHET)) {
            if (in == null) {
                throw new AssertionFailedError(RATCHET + " is not on the test class path");
            }
            ratchet.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder below = new StringBuilder();
        Map<String, Count> all = new TreeMap<>(byFamily);
        all.put("overall", overall);
        for (String key : ratchet.stringPropertyNames()) {
            int minimum = Integer.parseInt(ratchet.getProperty(key).strip());
            Count count = all.getOrDefault(key, Count.NONE);
            if (count.passed < minimum) {
                below.append(String.format(Locale.ROOT, "%n  %s: %d passed < %d", key, count.passed, minimum));
            }
        }
        if (!below.isEmpty()) {
            throw new AssertionFailedError("documented examples below the ratchet (" + RATCHET + "):" + below + "\n"
                    + table);
        }
    }

    private static String family(GoldenCase c) {
        String file = c.file().substring(c.file().lastIndexOf('/') + 1);
        return file.endsWith(".kql-cases") ? file.substring(0, file.length() - ".kql-cases".length()) : file;
    }
}

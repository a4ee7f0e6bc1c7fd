package io.github.camelkusto.kql.golden;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.opentest4j.AssertionFailedError;

/**
 * The documented examples' results per family (one {@code documented/<family>.kql-cases} file each): printed
 * after the run, and checked against the targets (97 % overall, 90 % in every family) when every documented case
 * ran. A skipped case is not judged; a pending case that fails counts as failing.
 */
final class DocumentedTally {
    static final double OVERALL_TARGET = 0.97;
    static final double FAMILY_TARGET = 0.90;

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
        System.out.print(table);
        if (overall.passed + overall.failed + overall.skipped < expected.get()) {
            return; // a filtered run: the rates say nothing about the whole set
        }
        StringBuilder below = new StringBuilder();
        byFamily.forEach((family, count) -> {
            if (count.rate() < FAMILY_TARGET) {
                below.append(String.format(Locale.ROOT, "%n  %s: %.1f%% < %.0f%%", family, 100 * count.rate(),
                        100 * FAMILY_TARGET));
            }
        });
        if (overall.rate() < OVERALL_TARGET) {
            below.append(String.format(Locale.ROOT, "%n  overall: %.1f%% < %.0f%%", 100 * overall.rate(),
                    100 * OVERALL_TARGET));
        }
        if (!below.isEmpty()) {
            throw new AssertionFailedError("documented examples below their pass-rate targets:" + below + "\n" + table);
        }
    }

    private static String family(GoldenCase c) {
        String file = c.file().substring(c.file().lastIndexOf('/') + 1);
        return file.endsWith(".kql-cases") ? file.substring(0, file.length() - ".kql-cases".length()) : file;
    }
}

package io.github.camelkusto.kql.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.exec.QueryEngine;
import io.github.camelkusto.kql.testing.QueryRun;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs every query of the Kusto conformance file ({@code shared/kql-conformance/kusto-results.jsonl}, next to
 * the project, never copied into it) through the embedded engine and compares with what Kusto returned:
 * column names and collapsed types, row count, values, row order only where {@link RowOrder} says the query
 * fixes it, and rejection of the queries Kusto rejected. Cases marked {@code nondeterministic} (take_any,
 * sample-distinct, top-hitters: Kusto's rows are one valid answer among several) are run but not judged.
 *
 * <p>Prints the pass rate per family and the first failures of each, writes every verdict to
 * {@code target/kql-conformance-report.txt}, and fails when a pass count drops below the ratchet in
 * {@value #RATCHET}. Run it alone with {@code -Dtest=KustoConformanceTest} (see the README).
 */
class KustoConformanceTest {
    static final String FILE_IN_SHARED = "shared/kql-conformance/kusto-results.jsonl";
    static final String RATCHET = "kql-conformance-ratchet.properties";
    static final Path REPORT = Path.of("target", "kql-conformance-report.txt");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_ROWS = 10_000;
    private static final int FAILURES_SHOWN = 5;
    private static final int REASON_WIDTH = 150;

    record Verdict(ConformanceCase testCase, Optional<String> failure) {
        boolean judged() {
            return !testCase.nondeterministic();
        }

        boolean passed() {
            return judged() && failure.isEmpty();
        }
    }

    /** Passed and judged cases; {@code rejections} of the passed ones are queries Kusto rejects. */
    record Tally(int passed, int total, int rejections) {
        static final Tally NONE = new Tally(0, 0, 0);

        Tally plus(Verdict v) {
            return new Tally(passed + (v.passed() ? 1 : 0), total + 1,
                    rejections + (v.passed() && v.testCase().rejectedByKusto() ? 1 : 0));
        }

        Tally plus(Tally t) {
            return new Tally(passed + t.passed, total + t.total, rejections + t.rejections);
        }

        String percent() {
            return String.format(Locale.ROOT, "%5.1f%%", total == 0 ? 0.0 : 100.0 * passed / total);
        }
    }

    @Test
    void theEngineAgreesWithKustoAtLeastAsOftenAsTheRatchetSays() throws IOException {
        Optional<Path> file = conformanceFile();
        assumeTrue(file.isPresent(), () -> "Kusto conformance file not found: looked for " + FILE_IN_SHARED
                + " in " + Path.of("").toAbsolutePath() + " and every folder above it, and for -Dkql.conformance.file");

        long start = System.nanoTime();
        List<Verdict> verdicts = new ArrayList<>();
        try (QueryRun run = new QueryRun(TIMEOUT, MAX_ROWS)) {
            for (ConformanceCase c : ConformanceCase.load(file.get())) {
                QueryEngine engine = new QueryEngine(new KustoDatabase("conformance"));
                verdicts.add(new Verdict(c, c.mismatch(run.run(engine, c.kql()))));
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        Map<String, Tally> byFamily = new TreeMap<>();
        Tally overall = Tally.NONE;
        for (Verdict v : verdicts) {
            if (v.judged()) {
                byFamily.merge(v.testCase().family(), Tally.NONE.plus(v), Tally::plus);
                overall = overall.plus(v);
            }
        }
        System.out.println(summary(file.get(), verdicts, byFamily, overall, took));
        writeReport(verdicts, overall);

        assertThat(ratchetBreaches(ratchet(), byFamily, overall))
                .as("KQL conformance fell below the ratchet in src/test/resources/" + RATCHET + " (report: "
                        + REPORT.toAbsolutePath() + "). The ratchet only goes up: raise it when the rate rises,"
                        + " never lower it; fix the regression instead")
                .isEmpty();
    }

    /** {@code -Dkql.conformance.file}, else the first folder from here upwards with the shared file in it. */
    static Optional<Path> conformanceFile() {
        String configured = System.getProperty("kql.conformance.file");
        if (configured != null) {
            return Optional.of(Path.of(configured)).filter(Files::isRegularFile);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_IN_SHARED);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String summary(Path file, List<Verdict> verdicts, Map<String, Tally> byFamily, Tally overall,
            Duration took) {
        StringBuilder out = new StringBuilder();
        long unjudged = verdicts.stream().filter(v -> !v.judged()).count();
        out.append(String.format(Locale.ROOT, "%nKQL conformance against Kusto: %s%n%d cases in %.1f s, %d nondeterministic"
                + " ones run but not judged%n%n", file, verdicts.size(), took.toMillis() / 1000.0, unjudged));
        out.append(String.format(Locale.ROOT, "%-28s %6s / %-6s %7s   %s%n", "family", "passed", "total", "rate",
                "passed by rejecting what Kusto rejects"));
        byFamily.forEach((family, t) -> out.append(row(family, t)));
        out.append(row("overall", overall)).append('\n');
        out.append("First failures per family (all in ").append(REPORT).append("):\n");
        Map<String, List<Verdict>> failures = new LinkedHashMap<>();
        verdicts.stream().filter(v -> v.judged() && !v.passed())
                .forEach(v -> failures.computeIfAbsent(v.testCase().family(), f -> new ArrayList<>()).add(v));
        new TreeMap<>(failures).forEach((family, list) -> {
            out.append(family).append(" (").append(list.size()).append(" failing)\n");
            list.stream().limit(FAILURES_SHOWN).forEach(v -> out.append("  ").append(String.format(Locale.ROOT, "%-34s ",
                    v.testCase().id())).append(truncate(oneLine(v.failure().orElseThrow()))).append('\n'));
        });
        return out.toString();
    }

    private static String row(String name, Tally t) {
        return String.format(Locale.ROOT, "%-28s %6d / %-6d %7s   %d%n", name, t.passed(), t.total(), t.percent(),
                t.rejections());
    }

    private static void writeReport(List<Verdict> verdicts, Tally overall) throws IOException {
        StringBuilder report = new StringBuilder();
        report.append("# KQL conformance: ").append(overall.passed()).append(" / ").append(overall.total())
                .append(" judged cases pass (").append(overall.percent().strip()).append(")\n");
        report.append("# id\tfamily\tresult\treason\n");
        for (Verdict v : verdicts) {
            String result = !v.judged() ? "NOT-JUDGED" : v.passed() ? "PASS" : "FAIL";
            String reason = !v.judged() ? "nondeterministic; engine: " + v.failure().map(f -> "differs: " + f)
                    .orElse("same rows as Kusto") : v.failure().orElse("");
            report.append(v.testCase().id()).append('\t').append(v.testCase().family()).append('\t').append(result)
                    .append('\t').append(oneLine(reason)).append('\n');
        }
        Files.createDirectories(REPORT.toAbsolutePath().getParent());
        Files.writeString(REPORT, report, StandardCharsets.UTF_8);
    }

    private static Properties ratchet() {
        Properties ratchet = new Properties();
        try (InputStream in = KustoConformanceTest.class.getClassLoader().getResourceAsStream(RATCHET)) {
            assertThat(in).as("ratchet " + RATCHET + " on the test class path").isNotNull();
            ratchet.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ratchet;
    }

    /** Every pass count below its minimum, and a reminder to raise the ratchet when counts exceed it. */
    private static List<String> ratchetBreaches(Properties ratchet, Map<String, Tally> byFamily, Tally overall) {
        List<String> breaches = new ArrayList<>();
        List<String> raises = new ArrayList<>();
        Map<String, Tally> counts = new TreeMap<>(byFamily);
        counts.put("overall", overall);
        counts.forEach((name, tally) -> {
            String key = name.equals("overall") ? "overall" : "family." + name;
            int minimum = Integer.parseInt(ratchet.getProperty(key, "0").strip());
            if (tally.passed() < minimum) {
                breaches.add(key + ": " + tally.passed() + " pass, the ratchet requires " + minimum);
            } else if (tally.passed() > minimum) {
                raises.add(key + "=" + tally.passed());
            }
        });
        if (!raises.isEmpty()) {
            System.out.println("Conformance rose above the ratchet: raise these in src/test/resources/" + RATCHET
                    + ":\n  " + String.join("\n  ", raises));
        }
        return breaches;
    }

    private static String oneLine(String text) {
        return text.replace("\r", "").replace("\n", "\\n").replace("\t", " ");
    }

    private static String truncate(String text) {
        return text.length() <= REASON_WIDTH ? text : text.substring(0, REASON_WIDTH - 3) + "...";
    }
}

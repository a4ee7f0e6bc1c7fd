package io.github.camelkusto.kql.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.catalog.DataFolderLoader;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.exec.QueryEngine;
import io.github.camelkusto.kql.syntax.KustoSyntaxException;
import io.github.camelkusto.kql.testing.QueryRun;
import io.github.camelkusto.kql.testing.QueryRun.Crashed;
import io.github.camelkusto.kql.testing.QueryRun.Outcome;
import io.github.camelkusto.kql.testing.QueryRun.Rejected;
import io.github.camelkusto.kql.testing.QueryRun.Rows;
import io.github.camelkusto.kql.testing.QueryRun.TimedOut;
import io.github.camelkusto.kql.testing.RowsMatch;
import io.github.camelkusto.kql.types.KqlType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The engine's golden tests: every case of {@code kql/cases/*.kql-cases} (format in the README there) as one
 * test named {@code <file> :: <title>}, and every documented example of {@code kql/documented/*.kql-cases} (each
 * citing its documentation page, one file per family) as {@code documented/<file> :: <title>}. A case's tables are loaded as a data folder is, its query run with a
 * time limit; the result must equal the expected table (column names and exact types, values, order when the
 * case says {@code expect ordered}) or the error must contain the expected text (and point where it says).
 * A {@code pending} case that fails is reported as skipped with its reason; one that passes fails, asking for
 * its marker to be removed, so that no pending case passes unnoticed; a {@code skip} case is reported as skipped
 * without running. The documented examples' pass rate per family is printed at the end ({@link DocumentedTally}).
 */
class KqlCasesTest {
    static final String CASES = "kql/cases";
    static final String DOCUMENTED = "documented";
    static final String DATABASE = "TestDb";
    private static final QueryRun RUN = new QueryRun(Duration.ofSeconds(10), 10_000);
    private static final int STACK_FRAMES = 12;
    private static final DocumentedTally DOCUMENTED_TALLY = new DocumentedTally();

    @TestFactory
    Stream<DynamicTest> everyCaseOfEveryCaseFile() {
        List<GoldenCase> cases = loadAll();
        DOCUMENTED_TALLY.expect(cases.stream().filter(KqlCasesTest::documented).count());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(),
                caseFile(c.file()).toUri().resolve("?line=" + c.line()), () -> checkAndTally(c)));
    }

    @AfterAll
    static void stopRunnerAndReportTheDocumentedExamples() {
        RUN.close();
        DOCUMENTED_TALLY.printAndCheck();
    }

    static List<GoldenCase> loadAll() {
        List<GoldenCase> cases = new ArrayList<>(load(casesFolder(), ""));
        for (GoldenCase c : load(casesFolder().resolveSibling(DOCUMENTED), DOCUMENTED + "/")) {
            if (c.source() == null) {
                throw new IllegalArgumentException(c.file() + " line " + c.line() + ": documented case '" + c.title()
                        + "' cites no page: add a '// source: <url>' line");
            }
            cases.add(c);
        }
        return cases;
    }

    private static List<GoldenCase> load(Path folder, String prefix) {
        List<GoldenCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".kql-cases")).sorted().toList()) {
                cases.addAll(CaseFile.parse(prefix + file.getFileName(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    static boolean documented(GoldenCase c) {
        return c.file().startsWith(DOCUMENTED + "/");
    }

    private static Path casesFolder() {
        URL folder = KqlCasesTest.class.getClassLoader().getResource(CASES);
        if (folder == null) {
            throw new IllegalStateException(CASES + " is not on the test class path");
        }
        try {
            return Path.of(folder.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path caseFile(String name) {
        return name.startsWith(DOCUMENTED + "/") ? casesFolder().resolveSibling(name) : casesFolder().resolve(name);
    }

    private static void checkAndTally(GoldenCase c) throws IOException {
        if (c.skip() != null) {
            DOCUMENTED_TALLY.add(c, DocumentedTally.Verdict.SKIPPED);
            throw new TestAbortedException("skipped: " + c.skip());
        }
        boolean passed = false;
        try {
            check(c);
            passed = true;
        } catch (TestAbortedException pendingAndFailing) {
            throw pendingAndFailing;
        } finally {
            if (documented(c)) {
                DOCUMENTED_TALLY.add(c, passed ? DocumentedTally.Verdict.PASSED : DocumentedTally.Verdict.FAILED);
            }
        }
    }

    private static void check(GoldenCase c) throws IOException {
        Optional<String> failure = failure(c, RUN.run(new QueryEngine(database(c)), c.query()));
        if (c.pending() != null) {
            if (failure.isPresent()) {
                throw new TestAbortedException("pending (" + c.pending() + "): " + firstLine(failure.get()));
            }
            throw new AssertionFailedError(c.name() + " passes now: remove its 'pending: " + c.pending() + "' marker");
        }
        if (failure.isPresent()) {
            throw new AssertionFailedError(c.name() + "\nquery:\n    " + c.query().replace("\n", "\n    ") + "\n"
                    + failure.get());
        }
    }

    /** A fresh database holding the case's tables, loaded by the data folder loader from their CSV text. */
    private static KustoDatabase database(GoldenCase c) throws IOException {
        KustoDatabase database = new KustoDatabase(DATABASE);
        if (c.tables().isEmpty()) {
            return database;
        }
        Path folder = Files.createTempDirectory("kql-case");
        try {
            for (Map.Entry<String, TableText> table : c.tables().entrySet()) {
                Files.writeString(folder.resolve(table.getKey() + ".csv"), table.getValue().csv(), StandardCharsets.UTF_8);
            }
            DataFolderLoader.load(folder, database);
        } catch (KustoException e) {
            throw new IllegalArgumentException(c.file() + ": a table of case '" + c.title() + "' does not load: "
                    + e.getMessage(), e);
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return database;
    }

    /** What is wrong with the outcome, as a message with the expected and actual tables; empty when right. */
    static Optional<String> failure(GoldenCase c, Outcome outcome) {
        if (outcome instanceof TimedOut timedOut) {
            return Optional.of("timed out after " + timedOut.limit().toSeconds() + " s");
        }
        if (outcome instanceof Crashed crashed) {
            return Optional.of("crashed (not a KustoException): " + stackTrace(crashed.error()));
        }
        return c.expectsError() ? errorFailure(c, outcome) : tableFailure(c, outcome);
    }

    private static Optional<String> errorFailure(GoldenCase c, Outcome outcome) {
        String wanted = "an error containing " + c.errors().stream().map(e -> '"' + e + '"')
                .collect(Collectors.joining(" and "))
                + (c.errorLine() > 0 ? " at line " + c.errorLine() + ", column " + c.errorColumn() : "");
        if (outcome instanceof Rows rows) {
            return Optional.of("expected " + wanted + ", got a table:\n" + TableRender.render(rows.schema(), rows.rows()));
        }
        Rejected rejected = (Rejected) outcome;
        String message = rejected.error().getMessage();
        boolean placed = c.errorLine() == 0 || rejected.error() instanceof KustoSyntaxException s
                && s.line() == c.errorLine() && s.column() == c.errorColumn();
        if (c.errors().stream().allMatch(message::contains) && placed) {
            return Optional.empty();
        }
        String where = rejected.error() instanceof KustoSyntaxException s ? "(at line " + s.line() + ", column "
                + s.column() + ")" : "(" + rejected.error().getClass().getSimpleName() + ", no position)";
        return Optional.of("expected " + wanted + ", got:\n    " + message.replace("\n", "\n    ") + "\n    " + where);
    }

    /** The first line says what differs; the tables follow. */
    private static Optional<String> tableFailure(GoldenCase c, Outcome outcome) {
        String expected = "expected" + (c.ordered() ? " (in this order)" : " (in any order)") + ":\n"
                + TableRender.render(c.expected().schema(), c.expected().values());
        if (outcome instanceof Rejected rejected) {
            return Optional.of("got an error instead of a table: " + rejected.error().getMessage().replace("\n", "\n    ")
                    + "\n" + expected);
        }
        Rows rows = (Rows) outcome;
        String tables = expected + "actual:\n" + TableRender.render(rows.schema(), rows.rows());
        if (!rows.schema().equals(c.expected().schema())) {
            return Optional.of("differs: columns " + c.expected().schema() + " expected, " + rows.schema() + " returned\n"
                    + tables);
        }
        List<KqlType> types = c.expected().schema().columns().stream().map(col -> col.type()).toList();
        return RowsMatch.mismatch(types, c.expected().values(), rows.rows(), c.ordered())
                .map(why -> "differs: " + why + "\n" + tables);
    }

    private static String stackTrace(Throwable t) {
        return t + Arrays.stream(t.getStackTrace()).limit(STACK_FRAMES).map(f -> "\n    at " + f)
                .collect(Collectors.joining());
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }
}

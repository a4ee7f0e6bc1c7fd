package io.github.camelkusto.kql.differential;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.camelkusto.kql.Kql;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.control.TableCommandParser;
import io.github.camelkusto.kql.control.TableCommandRunner;
import io.github.camelkusto.kql.exec.QueryEngine;
import io.github.camelkusto.kql.syntax.SourceText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The embedded KQL engine and DuckDB answer the same questions over the same generated data
 * (kql/differential/kql-vs-sql.txt): an independent engine checks ours on thousands of rows, nulls included.
 */
class DuckDbDifferentialTest {
    private static final String CASES = "/kql/differential/kql-vs-sql.txt";
    private static final double RELATIVE_TOLERANCE = 1e-9;

    @TempDir
    static Path data;

    private static QueryEngine engine;
    private static Connection duckDb;

    /** One question in both languages. */
    record Case(String title, String kql, String sql, boolean ordered, String pending) {
    }

    @BeforeAll
    static void loadTheSameDataIntoBothEngines() throws Exception {
        Path events = data.resolve("events.csv");
        Path services = data.resolve("services.csv");
        GeneratedTables.writeEvents(events);
        GeneratedTables.writeServices(services);

        KustoDatabase database = new KustoDatabase("differential");
        engine = new QueryEngine(database);
        TableCommandRunner tables = new TableCommandRunner(database, engine);
        for (String command : List.of(
                ".create table Events (" + GeneratedTables.EVENTS_KQL_SCHEMA + ")",
                ".ingest into table Events (@'" + events + "') with (format='csv')",
                ".create table Services (" + GeneratedTables.SERVICES_KQL_SCHEMA + ")",
                ".ingest into table Services (@'" + services + "') with (format='csv')")) {
            tables.run(TableCommandParser.parse(new SourceText(command)));
        }

        duckDb = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement sql = duckDb.createStatement()) {
            sql.execute("CREATE TABLE Events AS SELECT * FROM read_csv('" + events + "', header=false, columns="
                    + GeneratedTables.EVENTS_SQL_COLUMNS + ", timestampformat='%Y-%m-%dT%H:%M:%S.%gZ')");
            sql.execute("CREATE TABLE Services AS SELECT * FROM read_csv('" + services + "', header=false, columns="
                    + GeneratedTables.SERVICES_SQL_COLUMNS + ")");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        if (duckDb != null) {
            duckDb.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> bothEnginesGiveTheSameRows() throws IOException {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.title(), () -> {
            if (c.pending() == null) {
                compareBothEngines(c);
                return;
            }
            // A pending case is skipped while it fails and fails once it passes, so its marker cannot go stale.
            try {
                compareBothEngines(c);
            } catch (AssertionError | RuntimeException stillFailing) {
                Assumptions.abort("pending (" + c.pending() + "): " + stillFailing.getMessage().lines().findFirst()
                        .orElse(""));
            }
            fail("%s: passes now: remove its 'pending: %s' line from %s", c.title(), c.pending(), CASES);
        }));
    }

    private static void compareBothEngines(Case c) throws SQLException {
        compare(c, normalise(kustoRows(c.kql())), normalise(duckDbRows(c.sql())));
    }

    /** Keeps the case file honest on its own: a SQL typo must not pass for an engine difference. */
    @TestFactory
    Stream<DynamicTest> everySqlQueryRunsInDuckDb() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.title(), () -> duckDbRows(c.sql())));
    }

    private static void compare(Case c, List<List<Object>> ours, List<List<Object>> theirs) {
        if (!c.ordered()) {
            ours.sort(ROW_ORDER);
            theirs.sort(ROW_ORDER);
        }
        if (ours.size() != theirs.size()) {
            fail("%s: %d rows from KQL, %d from DuckDB%n  KQL: %s%n  SQL: %s%n  first KQL rows: %s%n  first SQL rows: %s",
                    c.title(), ours.size(), theirs.size(), c.kql(), c.sql(), head(ours), head(theirs));
        }
        for (int r = 0; r < ours.size(); r++) {
            if (!sameRow(ours.get(r), theirs.get(r))) {
                fail("%s: row %d differs%n  KQL:    %s%n  DuckDB: %s%n  query: %s", c.title(), r, ours.get(r),
                        theirs.get(r), c.kql());
            }
        }
    }

    private static List<List<Object>> head(List<List<Object>> rows) {
        return rows.subList(0, Math.min(3, rows.size()));
    }

    private static boolean sameRow(List<Object> a, List<Object> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!sameValue(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof Double || b instanceof Double) {
            if (!(a instanceof Number x) || !(b instanceof Number y)) {
                return false;
            }
            double p = x.doubleValue();
            double q = y.doubleValue();
            return p == q || Math.abs(p - q) <= RELATIVE_TOLERANCE * Math.max(Math.abs(p), Math.abs(q))
                    || Double.isNaN(p) && Double.isNaN(q);
        }
        return Objects.equals(a, b);
    }

    /** Sorts rows by their values' text, numbers rounded so that tolerance does not change the order. */
    private static final Comparator<List<Object>> ROW_ORDER = Comparator.comparing(row -> row.stream()
            .map(v -> v instanceof Double d ? String.format(Locale.ROOT, "%.6e", d) : String.valueOf(v))
            .collect(Collectors.joining("\u0001")));

    /** Values of both engines in one vocabulary: Long, Double, Boolean, String, Instant (microseconds), null. */
    private static List<List<Object>> normalise(List<List<Object>> rows) {
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            List<Object> values = new ArrayList<>(row.size());
            for (Object v : row) {
                values.add(normalise(v));
            }
            out.add(values);
        }
        return out;
    }

    private static Object normalise(Object v) {
        if (v == null || v instanceof Boolean || v instanceof String) {
            return v;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger big) {
            return big.longValueExact();
        }
        if (v instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().scale() <= 0 ? (Object) decimal.longValueExact()
                    : (Object) decimal.doubleValue();
        }
        if (v instanceof Float || v instanceof Double) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof Instant instant) {
            return instant.truncatedTo(ChronoUnit.MICROS);
        }
        if (v instanceof Timestamp ts) {
            return ts.toLocalDateTime().toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        }
        if (v instanceof LocalDate day) {
            return day.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (v instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        }
        if (v instanceof OffsetDateTime offset) {
            return offset.toInstant().truncatedTo(ChronoUnit.MICROS);
        }
        return v.toString();
    }

    private static List<List<Object>> kustoRows(String kql) {
        return Kql.values(engine.prepare(kql));
    }

    private static List<List<Object>> duckDbRows(String sql) throws SQLException {
        try (Statement statement = duckDb.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(columns);
                for (int c = 1; c <= columns; c++) {
                    row.add(rs.getObject(c));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    static List<Case> cases() throws IOException {
        String text;
        try (InputStream in = DuckDbDifferentialTest.class.getResourceAsStream(CASES)) {
            text = new String(Objects.requireNonNull(in, CASES).readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> cases = new ArrayList<>();
        for (String block : text.split("(?m)^=== ")) {
            if (block.isBlank() || block.startsWith("#")) {
                continue;
            }
            String title = block.substring(0, block.indexOf('\n')).strip();
            String[] parts = block.substring(block.indexOf('\n') + 1).split("(?m)^---\\s*$", 2);
            if (parts.length != 2) {
                throw new IllegalStateException(CASES + ": case '" + title + "' has no '---' line");
            }
            boolean ordered = title.endsWith("[ordered]");
            String kql = parts[0].strip();
            String pending = null;
            if (kql.startsWith("pending:")) {
                pending = kql.substring("pending:".length(), kql.indexOf('\n')).strip();
                kql = kql.substring(kql.indexOf('\n') + 1).strip();
            }
            cases.add(new Case(ordered ? title.substring(0, title.length() - "[ordered]".length()).strip() : title,
                    kql, parts[1].strip(), ordered, pending));
        }
        return cases;
    }
}

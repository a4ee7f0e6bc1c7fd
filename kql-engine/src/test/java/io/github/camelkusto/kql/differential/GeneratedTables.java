package io.github.camelkusto.kql.differential;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The differential test's data: seeded, so every run sees the same rows; written as CSV files that both engines
 * ingest (this component with {@code .ingest into table}, DuckDB with {@code read_csv}), so neither reads the
 * other's values. Nullable numeric columns have nulls; string columns are never empty (Kusto has no null
 * strings, SQL does, so empty strings would not compare).
 */
final class GeneratedTables {
    static final int EVENTS = 5_000;
    static final String EVENTS_KQL_SCHEMA = "Id:long, Ts:datetime, Level:string, Service:string, DurationMs:long,"
            + " Score:real, Ok:bool, Message:string, Code:int";
    static final String EVENTS_SQL_COLUMNS = "{'Id': 'BIGINT', 'Ts': 'TIMESTAMP', 'Level': 'VARCHAR',"
            + " 'Service': 'VARCHAR', 'DurationMs': 'BIGINT', 'Score': 'DOUBLE', 'Ok': 'BOOLEAN', 'Message': 'VARCHAR',"
            + " 'Code': 'INTEGER'}";
    static final String SERVICES_KQL_SCHEMA = "Service:string, Owner:string, Tier:long";
    static final String SERVICES_SQL_COLUMNS = "{'Service': 'VARCHAR', 'Owner': 'VARCHAR', 'Tier': 'BIGINT'}";

    private static final String[] LEVELS = {"Information", "Warning", "Error", "Critical"};
    private static final String[] WORDS = {"request", "served", "timeout", "retry", "cache", "miss", "Hit", "disk",
        "full", "user", "login", "FAILED", "ok"};
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    /** Always three fraction digits, the form DuckDB's read_csv is told to expect. */
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private GeneratedTables() {
    }

    static void writeEvents(Path file) throws IOException {
        Random random = new Random(20261124);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            for (int id = 1; id <= EVENTS; id++) {
                Instant ts = START.plus(random.nextInt(30 * 24 * 3600), ChronoUnit.SECONDS)
                        .plusMillis(random.nextInt(1000));
                String level = LEVELS[weighted(random)];
                String service = "svc-" + random.nextInt(12);
                String duration = random.nextInt(20) == 0 ? "" : Long.toString(random.nextInt(10_000));
                String score = random.nextInt(15) == 0 ? "" : Double.toString(Math.round(random.nextGaussian()
                        * 1000) / 100.0);
                String ok = Boolean.toString(random.nextInt(4) != 0);
                StringBuilder message = new StringBuilder();
                int words = 1 + random.nextInt(5);
                for (int w = 0; w < words; w++) {
                    message.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
                }
                String code = random.nextInt(10) == 0 ? "" : Integer.toString(100 + random.nextInt(5) * 100);
                csv.printRecord(id, MILLIS.format(ts), level, service, duration, score, ok, message, code);
            }
        }
    }

    /** Services 0..9 (so svc-10 and svc-11 of the events have no match, for outer and anti joins) and two unused. */
    static void writeServices(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            for (int s = 0; s < 10; s++) {
                csv.printRecord("svc-" + s, "team-" + (s % 3), s % 4);
            }
            csv.printRecord("svc-90", "team-x", 1);
            csv.printRecord("svc-91", "team-y", 2);
        }
    }

    private static int weighted(Random random) {
        int r = random.nextInt(100);
        return r < 70 ? 0 : r < 88 ? 1 : r < 98 ? 2 : 3;
    }
}

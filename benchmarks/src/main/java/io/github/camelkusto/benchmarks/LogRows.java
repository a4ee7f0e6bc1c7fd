package io.github.camelkusto.benchmarks;

/**
 * The benchmark's rows: log-like records generated from a range, written once in KQL and once in DuckDB's SQL
 * so that both engines make the same values (timestamps 10 ms apart, three levels, 16 services, a duration and
 * a message).
 */
record LogRows(long count) {

    /** The rows as a KQL query for this component's embedded engine. */
    String kql() {
        return "range i from 0 to " + (count - 1) + " step 1"
                + " | extend Timestamp = datetime(2026-01-01) + i * 10ms,"
                + " Level = case(i % 100 == 0, 'Error', i % 10 == 0, 'Warning', 'Information'),"
                + " Service = strcat('svc-', i % 16),"
                + " DurationMs = (i * 7919) % 5000,"
                + " Message = strcat('request ', i, ' served')";
    }

    /** The same rows as a DuckDB SELECT. */
    String sql() {
        return "SELECT i, TIMESTAMP '2026-01-01' + to_milliseconds(i * 10) AS Timestamp,"
                + " CASE WHEN i % 100 = 0 THEN 'Error' WHEN i % 10 = 0 THEN 'Warning' ELSE 'Information' END AS Level,"
                + " 'svc-' || (i % 16) AS Service,"
                + " (i * 7919) % 5000 AS DurationMs,"
                + " 'request ' || i || ' served' AS Message"
                + " FROM range(0, " + count + ") t(i)";
    }
}

package io.github.camelkusto.testkit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** DuckDB (in memory, through JDBC) as a third-party reader of exported artifacts. */
public final class DuckDb {
    private DuckDb() {
    }

    /** Rows of a query; each row a list of JDBC values (Long for BIGINT, String for VARCHAR, null for NULL). */
    public static List<List<Object>> query(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int c = 0; c < columns; c++) {
                    row[c] = rs.getObject(c + 1);
                }
                rows.add(Arrays.asList(row));
            }
            return rows;
        }
    }

    /** Runs a statement that returns no rows, e.g. {@code COPY (SELECT ...) TO 'x.parquet' (FORMAT parquet)}. */
    public static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The single number a query such as {@code SELECT count(*) ...} returns. */
    public static long count(String sql) throws SQLException {
        return ((Number) query(sql).get(0).get(0)).longValue();
    }

    /** A CSV file's rows as DuckDB reads them, every column as text. */
    public static List<List<Object>> readCsv(Path file, boolean header) throws SQLException {
        return query("SELECT * FROM read_csv('" + file.toString().replace("'", "''") + "', header=" + header
                + ", all_varchar=true)");
    }
}

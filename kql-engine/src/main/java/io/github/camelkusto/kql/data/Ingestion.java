package io.github.camelkusto.kql.data;

import java.time.Instant;

/**
 * When rows entered the database: the ingestion's database cursor (one per ingestion, increasing) and its time.
 * A table's extents carry it; {@code ingestion_time()} and {@code cursor_after()} read it, and a continuous export
 * exports the extents between two cursors.
 *
 * @param cursor the database cursor the ingestion made; ingestions later in time have higher cursors
 * @param time   the ingestion's time, never before that of a lower cursor
 */
public record Ingestion(long cursor, Instant time) {
    public Ingestion {
        if (cursor < 1 || time == null) {
            throw new IllegalArgumentException("an ingestion has a cursor of at least 1 and a time");
        }
    }

    /** The cursor as Kusto shows it: an opaque string ({@code cursor_current()}, {@code cursor_after(...)}). */
    public String cursorText() {
        return Long.toString(cursor);
    }

    /** Reads a cursor string; the empty string is the cursor before any ingestion (0). */
    public static long parseCursor(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            long cursor = Long.parseLong(text.strip());
            if (cursor >= 0) {
                return cursor;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "' is not a database cursor (a cursor is what"
                + " cursor_current() returns, or '' for the start)");
    }
}

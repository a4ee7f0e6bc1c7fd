package io.github.camelkusto.export;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.github.camelkusto.kql.data.ResultTable;
import org.apache.camel.Converter;

/**
 * What a result table (the body after a kusto-export step) converts to: rows as maps from column name to value
 * (camel-sql's body shape, for {@code convertBodyTo(List.class)} and {@code split(...)}), or the table as RFC 4180
 * csv with a header line (String, InputStream). Result tables are small (one row per artifact or operation), so
 * each conversion builds its whole value.
 */
@Converter(generateLoader = true)
public final class ResultTableConverters {

    private ResultTableConverters() {
    }

    @Converter
    public static List<Map<String, Object>> toList(ResultTable table) {
        return table.toMaps();
    }

    @Converter
    public static Iterator<Map<String, Object>> toIterator(ResultTable table) {
        return table.iterator();
    }

    @Converter
    public static String toString(ResultTable table) {
        return table.toCsv();
    }

    @Converter
    public static InputStream toInputStream(ResultTable table) {
        return new ByteArrayInputStream(table.toCsv().getBytes(StandardCharsets.UTF_8));
    }
}

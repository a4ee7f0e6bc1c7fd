package io.github.camelkusto.kql.format;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The data formats {@code .ingest} reads. */
public enum IngestFormat {
    CSV, TSV, JSON, PARQUET;

    public String kustoName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IngestFormat> byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        // ADX accepts multijson and the JSON-lines name for the same reader
        if (n.equals("multijson") || n.equals("jsonl")) {
            return Optional.of(JSON);
        }
        return Arrays.stream(values()).filter(f -> f.kustoName().equals(n)).findFirst();
    }

    public static String validNames() {
        return Arrays.stream(values()).map(IngestFormat::kustoName).collect(Collectors.joining(", "));
    }
}

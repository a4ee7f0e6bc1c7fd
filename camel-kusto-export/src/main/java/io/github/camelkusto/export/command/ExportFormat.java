package io.github.camelkusto.export.command;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The artifact formats of {@code .export ... to <format>}. */
public enum ExportFormat {
    CSV("csv"),
    TSV("tsv"),
    JSON("json"),
    PARQUET("parquet");

    private final String kustoName;

    ExportFormat(String kustoName) {
        this.kustoName = kustoName;
    }

    public String kustoName() {
        return kustoName;
    }

    /** The file extension ADX gives artifacts of this format, without the dot. */
    public String defaultExtension() {
        return kustoName;
    }

    public boolean isText() {
        return this != PARQUET;
    }

    public static Optional<ExportFormat> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.kustoName.equals(name.toLowerCase(Locale.ROOT))).findFirst();
    }

    public static String validNames() {
        return Arrays.stream(values()).map(ExportFormat::kustoName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return kustoName;
    }
}

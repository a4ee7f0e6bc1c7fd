package io.github.camelkusto.export.command;

import java.util.Optional;

/** The artifact formats of {@code .export ... to <format>}. */
public enum ExportFormat implements KustoName {
    CSV("csv"),
    TSV("tsv"),
    JSON("json"),
    PARQUET("parquet");

    private final String kustoName;

    ExportFormat(String kustoName) {
        this.kustoName = kustoName;
    }

    @Override
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
        return KustoName.lookup(ExportFormat.class, name);
    }

    public static String validNames() {
        return String.join(", ", KustoName.spellings(ExportFormat.class));
    }

    @Override
    public String toString() {
        return kustoName;
    }
}

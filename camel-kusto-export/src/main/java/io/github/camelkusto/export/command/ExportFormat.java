package io.github.camelkusto.export.command;

import java.util.Optional;

/** The artifact formats of {@code .export ... to <format>}. */
public enum ExportFormat implements KustoName {
    CSV("csv"),
    TSV("tsv"),
    JSON("json"),
    PARQUET("parquet"),
    /** Avro object container files: not an ADX export format (ADX ingests Avro but cannot export it). */
    AVRO("avro");

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

    /** csv, tsv and json: record-by-record text, compressed as a whole with gzip. */
    public boolean isText() {
        return this == CSV || this == TSV || this == JSON;
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

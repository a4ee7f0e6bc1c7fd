package io.github.camelkusto.export.command;

/** The unit of parquet datetime columns. */
public enum DatetimePrecision implements KustoName {
    MILLISECOND("millisecond"),
    MICROSECOND("microsecond");

    private final String kustoName;

    DatetimePrecision(String kustoName) {
        this.kustoName = kustoName;
    }

    @Override
    public String kustoName() {
        return kustoName;
    }

    @Override
    public String toString() {
        return kustoName;
    }
}

package io.github.camelkusto.export.command;

/** The encoding of text artifacts: UTF-8, with or without a byte order mark. */
public enum TextEncoding implements KustoName {
    UTF8_NO_BOM("UTF8NoBOM"),
    UTF8_BOM("UTF8BOM");

    private final String kustoName;

    TextEncoding(String kustoName) {
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

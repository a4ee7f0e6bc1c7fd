package io.github.camelkusto.export.command;

/** Which csv/tsv artifacts start with a header line: {@code none}, {@code all}, or {@code firstFile} only. */
public enum IncludeHeaders implements KustoName {
    NONE("none"),
    ALL("all"),
    FIRST_FILE("firstFile");

    private final String kustoName;

    IncludeHeaders(String kustoName) {
        this.kustoName = kustoName;
    }

    @Override
    public String kustoName() {
        return kustoName;
    }

    /** Whether the artifact with this 0-based sequence number gets a header line. */
    public boolean appliesTo(int artifactIndex) {
        return this == ALL || (this == FIRST_FILE && artifactIndex == 0);
    }

    @Override
    public String toString() {
        return kustoName;
    }
}

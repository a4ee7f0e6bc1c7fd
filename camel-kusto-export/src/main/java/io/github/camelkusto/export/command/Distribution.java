package io.github.camelkusto.export.command;

/** How many writers an export uses: one (single), one per node, or one per shard (query partition). */
public enum Distribution implements KustoName {
    SINGLE("single"),
    PER_NODE("per_node"),
    PER_SHARD("per_shard");

    private final String kustoName;

    Distribution(String kustoName) {
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

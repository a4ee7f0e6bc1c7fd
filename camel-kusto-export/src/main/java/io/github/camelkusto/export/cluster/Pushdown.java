package io.github.camelkusto.export.cluster;

import io.github.camelkusto.export.command.KustoName;

/**
 * Where an export runs when a cluster is configured: pushed down ({@code .export} sent to the cluster, which writes
 * the artifacts itself) or client-side (the cluster runs the query, its rows stream back through the component's
 * writers).
 */
public enum Pushdown implements KustoName {
    /** Push down when every target is cloud storage the cluster can reach; else export client-side. */
    AUTO("auto"),
    /** Always push down; a target the cluster cannot reach (a local folder, a Camel endpoint) is an error. */
    ALWAYS("always"),
    /** Never push down: the rows always stream back to the component. */
    NEVER("never");

    private final String kustoName;

    Pushdown(String kustoName) {
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

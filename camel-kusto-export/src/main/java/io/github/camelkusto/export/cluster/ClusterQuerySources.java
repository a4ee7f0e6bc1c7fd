package io.github.camelkusto.export.cluster;

import io.github.camelkusto.export.source.QuerySource;
import io.github.camelkusto.kql.KustoException;

/**
 * The seam of client-side exports from a cluster: a {@link QuerySource} whose query runs on the cluster and whose
 * rows stream back over the Kusto REST protocol into the component's writers. The component asks for one when an
 * export is not pushed down (pushdown=never, or auto with a target the cluster cannot reach).
 */
@FunctionalInterface
public interface ClusterQuerySources {

    /** Until a streaming source is plugged in: a client-side export from a cluster fails, saying so. */
    ClusterQuerySources NOT_AVAILABLE = cluster -> {
        throw new KustoException("client-side export from a cluster is not available in this build: " + cluster
                + " cannot stream a query's rows here; export to cloud storage (Azure Blob, ADLS Gen2) so that the"
                + " cluster writes the artifacts itself (pushdown=auto or always)");
    };

    /** The query source of {@code cluster}; its {@code prepare} checks the query on the cluster. */
    QuerySource open(ClusterConnection cluster);
}

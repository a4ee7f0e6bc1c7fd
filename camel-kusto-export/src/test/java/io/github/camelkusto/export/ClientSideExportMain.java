package io.github.camelkusto.export;

import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import io.github.camelkusto.export.artifact.MemoryBoundExportMain;
import io.github.camelkusto.export.source.ClusterQuerySource;
import io.github.camelkusto.kql.data.ResultTable;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Run by {@link ClientSideMemoryTest} in a JVM with a small heap: exports {@code rows} log-like rows of a query run
 * on the cluster at {@code clusterUri} (database {@code default}) to {@code folder} as csv, client-side, and prints
 * {@code ARTIFACT path,records,bytes} per artifact and {@code SUMMARY peakHeap=<bytes> seconds=<s>}.
 */
public final class ClientSideExportMain {
    private ClientSideExportMain() {
    }

    public static void main(String[] args) throws Exception {
        String folder = args[0];
        String clusterUri = args[1];
        long rows = Long.parseLong(args[2]);
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            ClusterQuerySource cluster = new ClusterQuerySource(
                    ClusterQuerySource.streamingClient(new ConnectionStringBuilder("Data Source=" + clusterUri)),
                    "default", clusterUri);
            long start = System.nanoTime();
            ResultTable artifacts = new SourceExports(camel, cluster).export(".export to csv (@'" + folder
                    + "') with (distribution=single) <| " + MemoryBoundExportMain.query(rows));
            MemoryBoundExportMain.report(artifacts, (System.nanoTime() - start) / 1e9);
        }
    }
}

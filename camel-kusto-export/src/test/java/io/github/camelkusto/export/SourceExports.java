package io.github.camelkusto.export;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import io.github.camelkusto.export.command.CommandParser;
import io.github.camelkusto.export.command.ExportFormat;
import io.github.camelkusto.export.command.ExportOptions;
import io.github.camelkusto.export.lake.ExternalTableCatalog;
import io.github.camelkusto.export.operation.OperationOrigin;
import io.github.camelkusto.export.operation.OperationRegistry;
import io.github.camelkusto.export.source.QuerySource;
import io.github.camelkusto.export.storage.StorageRetry;
import io.github.camelkusto.export.storage.StorageTargets;
import io.github.camelkusto.kql.catalog.KustoDatabase;
import io.github.camelkusto.kql.data.ResultTable;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;

/**
 * Runs {@code .export} commands through the component's command runner (validation, artifact writers, operations)
 * with the query source a test chooses, on a real CamelContext's thread pools: the export path of the component
 * with its rows from a cluster or from the embedded engine. (Choosing the source from endpoint options is the
 * routing's job, not this kit's.)
 */
final class SourceExports {
    private static final ExportOptions NO_ENDPOINT_OPTIONS =
            new ExportOptions(ExportFormat.CSV, false, false, List.of(), Map.of());

    private final KustoCommandRunner runner;

    SourceExports(CamelContext camel, QuerySource source) {
        ExecutorServiceManager pools = camel.getExecutorServiceManager();
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService writers = pools.newFixedThreadPool(this, "SourceExportsWriter", cores);
        ExecutorService compressors = pools.newFixedThreadPool(this, "SourceExportsCompressor", cores);
        ExecutorService queryWorkers = pools.newFixedThreadPool(this, "SourceExportsQuery", cores);
        ExecutorService exports = pools.newFixedThreadPool(this, "SourceExportsExport", 2);
        ExecutorService stagers = pools.newCachedThreadPool(this, "SourceExportsStager");
        ScheduledExecutorService progress = pools.newSingleThreadScheduledExecutor(this, "SourceExportsProgress");
        OperationRegistry operations = new OperationRegistry(exports, progress,
                new OperationRegistry.Limits(2, 10, Duration.ofHours(1)), null, Clock.systemUTC());
        StorageTargets storage = new StorageTargets(camel, StorageTargets.DEFAULT_BLOCK_SIZE, StorageRetry.DEFAULT,
                stagers, pools.newCachedThreadPool(this, "SourceExportsHttp"));
        runner = new KustoCommandRunner(new KustoDatabase("unused"), source, storage, operations, writers, cores,
                compressors, queryWorkers, ExternalTableCatalog.inMemory());
    }

    /** Runs a sync {@code .export} command: its artifact table (Path, NumRecords, SizeInBytes). */
    ResultTable export(String command) {
        ExportRequest request = new ExportRequest(new OperationOrigin("test", "test", "test", "test", "test"), false,
                operation -> { }, Optional.empty(), Duration.ZERO, Optional.empty());
        return runner.run(CommandParser.parse(command, NO_ENDPOINT_OPTIONS), request).table();
    }
}

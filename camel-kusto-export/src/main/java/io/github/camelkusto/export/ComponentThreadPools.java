package io.github.camelkusto.export;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import io.github.camelkusto.export.server.ServerSettings;
import io.github.camelkusto.export.storage.StorageTargets;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

import static io.github.camelkusto.export.KustoExportComponent.BLOCK_STAGER_POOL;
import static io.github.camelkusto.export.KustoExportComponent.CLUSTER_POLL_POOL;
import static io.github.camelkusto.export.KustoExportComponent.COMPRESSOR_POOL;
import static io.github.camelkusto.export.KustoExportComponent.EXPORT_POOL;
import static io.github.camelkusto.export.KustoExportComponent.HTTP_POOL;
import static io.github.camelkusto.export.KustoExportComponent.PROGRESS_POOL;
import static io.github.camelkusto.export.KustoExportComponent.QUERY_POOL_PROFILE;
import static io.github.camelkusto.export.KustoExportComponent.SERVER_POOL;
import static io.github.camelkusto.export.KustoExportComponent.WRITER_POOL;

/**
 * Every thread the component runs, from Camel's ExecutorServiceManager (named threads, shown in JMX, shut down
 * with the context), each pool sized by the thread-pool profile a user registered with its id, else by the
 * defaults here. Made while the context starts: Camel shows in JMX only the pools made then.
 */
final class ComponentThreadPools {
    private final ExecutorServiceManager manager;
    /** The embedded engine's helpers (per-partition work of top, sort and summarize). */
    final ExecutorService queryWorkers;
    /** Artifact writers of distributed exports. */
    final ExecutorService writers;
    /** gzip members of compressed text artifacts, from every writer. */
    final ExecutorService compressors;
    /** Blocks staged on Azure Blob storage. */
    final ExecutorService blockStagers;
    /** The JDK HTTP client's work for storage requests. */
    final ExecutorService httpWorkers;
    /** Requests of the Kusto REST servers the component starts. */
    final ExecutorService serverWorkers;
    /** Async exports: a full queue rejects, and the export is Throttled. */
    final ExecutorService exports;
    /** The progress lines of running exports. */
    final ScheduledExecutorService progressTimer;
    /** Polls the operations of async exports pushed down to a cluster: made at first use. */
    private ScheduledExecutorService clusterPollTimer;

    ComponentThreadPools(CamelContext context, int maxConcurrentExports, int maxQueuedExports) {
        this.manager = context.getExecutorServiceManager();
        int cores = Runtime.getRuntime().availableProcessors();
        // One thread per core, idle threads end; a full queue only costs parallelism, the thread reading the
        // query does the rest.
        ThreadPoolProfile query = new ThreadPoolProfile(QUERY_POOL_PROFILE);
        query.setPoolSize(cores);
        query.setMaxPoolSize(cores);
        query.setMaxQueueSize(cores * 4);
        query.setAllowCoreThreadTimeOut(true);
        query.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        queryWorkers = pool("KustoExportQuery", query);
        writers = pool("KustoExportWriter", fixed(WRITER_POOL, cores)); // per_node's default writer count
        compressors = pool("KustoExportCompressor", fixed(COMPRESSOR_POOL, cores));
        // Each artifact bounds its own blocks in flight, so no bound here.
        ThreadPoolProfile stager = new ThreadPoolProfile(BLOCK_STAGER_POOL);
        stager.setPoolSize(0);
        stager.setMaxPoolSize(Integer.MAX_VALUE);
        stager.setMaxQueueSize(0);
        blockStagers = pool(StorageTargets.BLOCK_STAGER, stager);
        httpWorkers = pool(StorageTargets.HTTP_WORKER, StorageTargets.httpProfile(HTTP_POOL));
        // Its threads start with the first request and end when idle.
        ThreadPoolProfile requests = fixed(SERVER_POOL, ServerSettings.DEFAULT_THREADS);
        requests.setAllowCoreThreadTimeOut(true);
        serverWorkers = pool("KustoRestServer", requests);
        ThreadPoolProfile asyncExports = new ThreadPoolProfile(EXPORT_POOL);
        asyncExports.setPoolSize(maxConcurrentExports);
        asyncExports.setMaxPoolSize(maxConcurrentExports);
        asyncExports.setMaxQueueSize(maxQueuedExports);
        asyncExports.setRejectedPolicy(ThreadPoolRejectedPolicy.Abort);
        exports = pool("KustoExport", asyncExports);
        progressTimer = manager.newScheduledThreadPool(PROGRESS_POOL, "KustoExportProgress",
                profile(fixed(PROGRESS_POOL, 1)));
    }

    synchronized ScheduledExecutorService clusterPollTimer() {
        if (clusterPollTimer == null) {
            clusterPollTimer = manager.newScheduledThreadPool(CLUSTER_POLL_POOL, "KustoExportClusterPoll",
                    profile(fixed(CLUSTER_POLL_POOL, 1)));
        }
        return clusterPollTimer;
    }

    /** Stops the servers' request threads at once: the first step of a stop. */
    void stopServing() {
        manager.shutdownNow(serverWorkers);
    }

    /** Lets running async exports end (they were told to), waiting at most {@code timeoutMs}. */
    void awaitExports(long timeoutMs) throws InterruptedException {
        manager.shutdown(exports);
        manager.awaitTermination(exports, timeoutMs);
    }

    /** The rest, once exports, operations and storage are closed: timers at once, workers when idle. */
    void close() {
        manager.shutdownNow(progressTimer);
        synchronized (this) {
            if (clusterPollTimer != null) {
                manager.shutdownNow(clusterPollTimer);
                clusterPollTimer = null;
            }
        }
        manager.shutdown(compressors);
        manager.shutdown(writers);
        manager.shutdown(queryWorkers);
        manager.shutdownNow(blockStagers);
        manager.shutdownNow(httpWorkers);
    }

    /**
     * A pool by its thread-pool profile: the user's, when one with that id is registered, else {@code defaults}.
     */
    private ExecutorService pool(String threadName, ThreadPoolProfile defaults) {
        // The profile id as the source: Camel names a pool's MBean by its source, and one source per pool keeps
        // each pool's MBean (the component as source would give them all one name, and only the first would show).
        return manager.newThreadPool(defaults.getId(), threadName, profile(defaults));
    }

    /** The profile registered with the id of {@code defaults} (with Camel's defaults for what it leaves unset), else those. */
    private ThreadPoolProfile profile(ThreadPoolProfile defaults) {
        ThreadPoolProfile given = manager.getThreadPoolProfile(defaults.getId());
        if (given == null) {
            return defaults;
        }
        given.addDefaults(manager.getDefaultThreadPoolProfile());
        return given;
    }

    /** {@code size} threads and an unbounded queue: each task waits its turn. */
    private static ThreadPoolProfile fixed(String profileId, int size) {
        ThreadPoolProfile profile = new ThreadPoolProfile(profileId);
        profile.setPoolSize(size);
        profile.setMaxPoolSize(size);
        profile.setMaxQueueSize(-1);
        return profile;
    }
}

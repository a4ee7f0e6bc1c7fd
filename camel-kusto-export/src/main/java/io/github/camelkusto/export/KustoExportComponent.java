package io.github.camelkusto.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import io.github.camelkusto.export.kql.catalog.DataFolderLoader;
import io.github.camelkusto.export.kql.catalog.KustoDatabase;
import io.github.camelkusto.export.source.EmbeddedQuerySource;
import io.github.camelkusto.export.storage.ConnectionStrings;
import io.github.camelkusto.export.storage.StorageTargets;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code kusto-export:} component: Azure Data Explorer's {@code .export} command as a Camel producer. */
@Component("kusto-export")
public class KustoExportComponent extends DefaultComponent {
    private static final Logger LOG = LoggerFactory.getLogger(KustoExportComponent.class);

    @Metadata(description = "The component configuration: defaults for every endpoint's options.")
    private KustoExportConfiguration configuration = new KustoExportConfiguration();

    @Metadata(autowired = true, description = "The embedded database queries run on. Register a KustoDatabase"
            + " bean to share tables with the rest of the application; by default the component has its own.")
    private KustoDatabase database;

    @Metadata(description = "A data folder loaded into the database when the component starts: every"
            + " <Table>.csv file becomes a table, its first line naming the columns as name:type.")
    private String dataDir;

    @Metadata(label = "advanced", defaultValue = "" + StorageTargets.DEFAULT_BLOCK_SIZE, description = "The size"
            + " in bytes of the blocks artifacts are staged in on Azure Blob storage; one block per artifact being"
            + " written is held in memory.")
    private int blockSize = StorageTargets.DEFAULT_BLOCK_SIZE;

    private StorageTargets storageTargets;
    private ExecutorService writers;
    private KustoCommandRunner runner;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        KustoExportConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setFormat(remaining);
        KustoExportEndpoint endpoint = new KustoExportEndpoint(maskSecrets(uri), this, endpointConfiguration);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }

    /** The URI Camel shows (logs, JMX, route dumps) with the storage option's key or SAS masked. */
    static String maskSecrets(String uri) {
        int at = uri.indexOf("storage=");
        if (at < 0) {
            return uri;
        }
        int start = at + "storage=".length();
        int end;
        if (uri.startsWith("RAW(", start)) {
            end = uri.indexOf(')', start);
            end = end < 0 ? uri.length() : end + 1;
        } else {
            end = uri.indexOf('&', start);
            end = end < 0 ? uri.length() : end;
        }
        return uri.substring(0, start) + ConnectionStrings.mask(uri.substring(start, end)) + uri.substring(end);
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        // Camel masks options with these names wherever it prints a URI (message history, errors, JMX).
        URISupport.addSanitizeKeywords("storage");
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (database == null) {
            database = new KustoDatabase("default");
        }
        if (dataDir != null) {
            List<String> tables = DataFolderLoader.load(Path.of(dataDir), database);
            LOG.info("Loaded tables {} from data folder {}", tables, Path.of(dataDir).toAbsolutePath());
        }
        storageTargets = new StorageTargets(getCamelContext(), blockSize);
        // Artifact writers of distributed exports: one thread per core (per_node's default writer count).
        int cores = Runtime.getRuntime().availableProcessors();
        writers = getCamelContext().getExecutorServiceManager().newFixedThreadPool(this, "KustoExportWriter", cores);
        runner = new KustoCommandRunner(database, new EmbeddedQuerySource(database), storageTargets, writers, cores);
    }

    @Override
    protected void doStop() throws Exception {
        if (writers != null) {
            getCamelContext().getExecutorServiceManager().shutdown(writers);
            writers = null;
        }
        if (storageTargets != null) {
            storageTargets.close();
        }
        super.doStop();
    }

    KustoCommandRunner runner() {
        return runner;
    }

    public KustoExportConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(KustoExportConfiguration configuration) {
        this.configuration = configuration;
    }

    public KustoDatabase getDatabase() {
        return database;
    }

    public void setDatabase(KustoDatabase database) {
        this.database = database;
    }

    public String getDataDir() {
        return dataDir;
    }

    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
    }

    public int getBlockSize() {
        return blockSize;
    }

    public void setBlockSize(int blockSize) {
        this.blockSize = blockSize;
    }
}

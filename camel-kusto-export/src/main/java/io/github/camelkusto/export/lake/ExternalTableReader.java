package io.github.camelkusto.export.lake;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import io.github.camelkusto.export.command.ExportFormat;
import io.github.camelkusto.export.command.ExternalTableDefinition;
import io.github.camelkusto.export.command.ExternalTablePartition;
import io.github.camelkusto.export.command.IncludeHeaders;
import io.github.camelkusto.export.command.StorageLiteral;
import io.github.camelkusto.export.storage.StorageTargets;
import io.github.camelkusto.export.storage.StoredFiles;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.catalog.ExtentBuilder;
import io.github.camelkusto.kql.catalog.ExternalTableResolver;
import io.github.camelkusto.kql.catalog.PartitionFilter;
import io.github.camelkusto.kql.catalog.Table;
import io.github.camelkusto.kql.format.IngestFormat;
import io.github.camelkusto.kql.format.RecordReaders;

/**
 * Reads an external table back for {@code external_table('T')}: the artifacts under its locations (local folders,
 * or blob containers through the Azure SDK) with the table's file extension, in any partition folder, read by the
 * engine's csv/tsv/json/parquet readers. A file whose folder holds partition values the query's {@code where}
 * rules out is not opened (partition pruning: the folder is read as the table's layout writes it). What is read
 * is held in memory for the query: a way to check an export, not to query a lake.
 */
public final class ExternalTableReader implements ExternalTableResolver {
    /** Artifact number 1, the one firstFile gives a header: {@code [prefix_]1_<32 hex>.ext}. */
    private static final Pattern FIRST_ARTIFACT = Pattern.compile("(?:.*_)?1_[0-9a-f]{32}\\..*");

    private final ExternalTableCatalog catalog;
    private final StorageTargets storage;

    public ExternalTableReader(ExternalTableCatalog catalog, StorageTargets storage) {
        this.catalog = catalog;
        this.storage = storage;
    }

    @Override
    public Optional<Table> resolve(String name) {
        return resolve(name, PartitionFilter.NONE);
    }

    @Override
    public Optional<Table> resolve(String name, PartitionFilter filter) {
        return catalog.table(name).map(table -> read(table, filter));
    }

    private Table read(ExternalTableDefinition table, PartitionFilter filter) {
        ExportFormat format = table.format();
        boolean gzip = table.properties().compressed() && format.isText();
        String extension = "." + table.properties().fileExtension().orElse(format.defaultExtension())
                + (gzip ? ".gz" : "");
        PartitionLayout layout = new PartitionLayout(table);
        ExtentBuilder extents = new ExtentBuilder(table.schema());
        for (StorageLiteral location : table.storage()) {
            try {
                StoredFiles files = storage.files(location);
                for (String file : files.list(extension)) {
                    int slash = file.lastIndexOf('/');
                    if (mayMatch(table.partitions(), layout, slash < 0 ? "" : file.substring(0, slash), filter)) {
                        read(table, files, file, gzip, extents);
                    }
                }
            } catch (IOException e) {
                throw new KustoException("external_table('" + table.name() + "'): cannot read " + location.where()
                        + ": " + KustoException.reason(e), e);
            }
        }
        return new Table(table.name(), table.schema(), List.copyOf(extents.extents()));
    }

    /** Whether the rows of a folder may pass the filter: false when one of its partition values cannot. */
    private static boolean mayMatch(List<ExternalTablePartition> partitions, PartitionLayout layout, String folder,
            PartitionFilter filter) {
        if (filter == PartitionFilter.NONE) {
            return true;
        }
        Object[][] values = layout.values(folder).orElse(null);
        if (values == null) {
            return true; // not a folder of the table's layout: read, the where decides
        }
        for (int i = 0; i < values.length; i++) {
            if (!filter.mayMatch(partitions.get(i).expression(), values[i][0], values[i][1])) {
                return false;
            }
        }
        return true;
    }

    private static void read(ExternalTableDefinition table, StoredFiles files, String file, boolean gzip,
            ExtentBuilder extents) throws IOException {
        IngestFormat ingest = IngestFormat.byName(table.format().kustoName()).orElseThrow();
        if (ingest == IngestFormat.PARQUET) {
            Optional<Path> local = files.localPath(file);
            if (local.isPresent()) {
                RecordReaders.readFile(ingest, local.get(), table.schema(), false, extents::add);
                return;
            }
            // A parquet reader needs random access: a blob is copied to a temporary file, one at a time.
            Path copy = Files.createTempFile("external-table", ".parquet");
            try (InputStream in = files.open(file)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                RecordReaders.readFile(ingest, copy, table.schema(), false, extents::add);
            } catch (RuntimeException e) {
                throw new KustoException(file + ": " + KustoException.reason(e), e);
            } finally {
                Files.deleteIfExists(copy);
            }
            return;
        }
        String name = file.substring(file.lastIndexOf('/') + 1);
        try (InputStream raw = files.open(file);
                Reader in = new InputStreamReader(gzip ? new GZIPInputStream(raw) : raw, StandardCharsets.UTF_8)) {
            RecordReaders.read(ingest, in, table.schema(), hasHeader(table.properties().includeHeaders(), name), name,
                    extents::add);
        }
    }

    private static boolean hasHeader(IncludeHeaders headers, String fileName) {
        return headers == IncludeHeaders.ALL
                || headers == IncludeHeaders.FIRST_FILE && FIRST_ARTIFACT.matcher(fileName).matches();
    }
}

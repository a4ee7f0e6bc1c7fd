package io.github.camelkusto.export.lake;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import io.github.camelkusto.export.command.ExportFormat;
import io.github.camelkusto.export.command.ExternalTableDefinition;
import io.github.camelkusto.export.command.IncludeHeaders;
import io.github.camelkusto.export.command.StorageLiteral;
import io.github.camelkusto.export.storage.ConnectionStrings;
import io.github.camelkusto.export.storage.LocalFolderLocation;
import io.github.camelkusto.export.storage.StorageLocation;
import io.github.camelkusto.kql.KustoException;
import io.github.camelkusto.kql.catalog.ExtentBuilder;
import io.github.camelkusto.kql.catalog.ExternalTableResolver;
import io.github.camelkusto.kql.catalog.Table;
import io.github.camelkusto.kql.format.IngestFormat;
import io.github.camelkusto.kql.format.RecordReaders;

/**
 * Reads an external table back for {@code external_table('T')}: every artifact under its local folders (those
 * with the table's file extension, in any partition folder), with the engine's csv/tsv/json/parquet readers. It
 * reads the whole table into memory at each query: a way to check an export, not to query a lake. Tables in
 * Azure Blob storage are not read here.
 */
public final class ExternalTableReader implements ExternalTableResolver {
    /** Artifact number 1, the one firstFile gives a header: {@code [prefix_]1_<32 hex>.ext}. */
    private static final Pattern FIRST_ARTIFACT = Pattern.compile("(?:.*_)?1_[0-9a-f]{32}\\..*");

    private final ExternalTableCatalog catalog;

    public ExternalTableReader(ExternalTableCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Optional<Table> resolve(String name) {
        return catalog.table(name).map(this::read);
    }

    private Table read(ExternalTableDefinition table) {
        ExportFormat format = table.format();
        IngestFormat ingest = IngestFormat.byName(format.kustoName()).orElseThrow();
        boolean gzip = table.properties().compressed() && format.isText();
        String extension = "." + table.properties().fileExtension().orElse(format.defaultExtension())
                + (gzip ? ".gz" : "");
        ExtentBuilder extents = new ExtentBuilder(table.schema());
        for (StorageLiteral storage : table.storage()) {
            StorageLocation location = ConnectionStrings.parse(storage);
            if (!(location instanceof LocalFolderLocation local)) {
                throw new KustoException("external_table('" + table.name() + "'): only tables in a local folder"
                        + " are read back here; " + storage.where() + " is not one");
            }
            if (!Files.isDirectory(local.folder())) {
                continue; // nothing exported there yet
            }
            try (Stream<Path> files = Files.walk(local.folder())) {
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(f -> f.getFileName().toString().endsWith(extension)).sorted().toList()) {
                    boolean header = hasHeader(table.properties().includeHeaders(), file);
                    if (ingest == IngestFormat.PARQUET) {
                        RecordReaders.readFile(ingest, file, table.schema(), false, extents::add);
                    } else {
                        try (InputStream raw = Files.newInputStream(file);
                                Reader in = new InputStreamReader(gzip ? new GZIPInputStream(raw) : raw,
                                        StandardCharsets.UTF_8)) {
                            RecordReaders.read(ingest, in, table.schema(), header, file.getFileName().toString(),
                                    extents::add);
                        }
                    }
                }
            } catch (IOException e) {
                throw new KustoException("external_table('" + table.name() + "'): cannot read " + storage.where()
                        + ": " + KustoException.reason(e), e);
            }
        }
        return new Table(table.name(), table.schema(), List.copyOf(extents.extents()));
    }

    private static boolean hasHeader(IncludeHeaders headers, Path file) {
        return headers == IncludeHeaders.ALL
                || headers == IncludeHeaders.FIRST_FILE && FIRST_ARTIFACT.matcher(file.getFileName().toString())
                        .matches();
    }
}

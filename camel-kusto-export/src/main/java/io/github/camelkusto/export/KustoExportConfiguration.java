package io.github.camelkusto.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelkusto.export.command.ExportFormat;
import io.github.camelkusto.export.command.ExportOptions;
import io.github.camelkusto.export.command.StorageLiteral;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/**
 * The options of a kusto-export endpoint. Export properties left unset here (null) do not override a
 * {@code .export} command's own {@code with (...)} clause; they only fill in what it leaves unset.
 */
@UriParams
public class KustoExportConfiguration implements Cloneable {

    @UriPath(enums = "csv,tsv,json,parquet")
    @Metadata(required = true, description = "The artifact format for a bare query; a .export command names its"
            + " own.")
    private String format;

    @UriParam(description = "The KQL query (or a complete .export/.show command) to run. When unset, the message"
            + " body is run. The header CamelKustoExportCommand overrides both.")
    private String query;

    @UriParam(secret = true, description = "Where a bare query is exported to: a storage connection string, e.g."
            + " https://<account>.blob.core.windows.net/<container>;<account key>, ...?<SAS>, an emulator endpoint"
            + " http://127.0.0.1:10000/<account>/<container>;<key>, file:///folder or a local folder path.",
            defaultValue = "exports")
    private String storage = "exports";

    @UriParam(description = "Compress text artifacts with gzip ('.gz' is appended to the extension).")
    private boolean compressed;

    @UriParam(label = "properties", description = "The size limit in bytes of one artifact before compression,"
            + " 104857600 (100 MB, the default) to 4294967296 (4 GB). A record is never split across artifacts.")
    private Long sizeLimit;

    @UriParam(label = "properties", enums = "none,all,firstFile", description = "csv/tsv only: which artifacts start"
            + " with a header line. Default none.")
    private String includeHeaders;

    @UriParam(label = "properties", description = "The artifacts' file extension; default the format's name."
            + " '.gz' is appended when compressed.")
    private String fileExtension;

    @UriParam(label = "properties", description = "A prefix for artifact names; may contain '/' to write under a"
            + " folder. Default: a random prefix.")
    private String namePrefix;

    @UriParam(label = "properties", enums = "UTF8NoBOM,UTF8BOM", description = "The encoding of text artifacts."
            + " Default UTF8NoBOM.")
    private String encoding;

    /** The options in command terms; the query text is not part of them. */
    public ExportOptions toExportOptions() {
        Map<String, Object> properties = new LinkedHashMap<>();
        putIfSet(properties, "sizeLimit", sizeLimit);
        putIfSet(properties, "includeHeaders", includeHeaders);
        putIfSet(properties, "fileExtension", fileExtension);
        putIfSet(properties, "namePrefix", namePrefix);
        putIfSet(properties, "encoding", encoding);
        ExportFormat exportFormat = ExportFormat.byName(format).orElseThrow();
        List<StorageLiteral> storageLiterals = storage == null || storage.isBlank() ? List.of()
                : List.of(new StorageLiteral(storage, false, "endpoint option 'storage'"));
        return new ExportOptions(exportFormat, compressed, storageLiterals, properties);
    }

    private static void putIfSet(Map<String, Object> properties, String name, Object value) {
        if (value != null) {
            properties.put(name, value);
        }
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getStorage() {
        return storage;
    }

    public void setStorage(String storage) {
        this.storage = storage;
    }

    public boolean isCompressed() {
        return compressed;
    }

    public void setCompressed(boolean compressed) {
        this.compressed = compressed;
    }

    public Long getSizeLimit() {
        return sizeLimit;
    }

    public void setSizeLimit(Long sizeLimit) {
        this.sizeLimit = sizeLimit;
    }

    public String getIncludeHeaders() {
        return includeHeaders;
    }

    public void setIncludeHeaders(String includeHeaders) {
        this.includeHeaders = includeHeaders;
    }

    public String getFileExtension() {
        return fileExtension;
    }

    public void setFileExtension(String fileExtension) {
        this.fileExtension = fileExtension;
    }

    public String getNamePrefix() {
        return namePrefix;
    }

    public void setNamePrefix(String namePrefix) {
        this.namePrefix = namePrefix;
    }

    public String getEncoding() {
        return encoding;
    }

    public void setEncoding(String encoding) {
        this.encoding = encoding;
    }

    public KustoExportConfiguration copy() {
        try {
            return (KustoExportConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}

package io.github.camelkusto.export.command;

import java.util.List;
import java.util.Map;

/**
 * What an endpoint's options say about exports, in command terms. A bare query is exported entirely with
 * these; a {@code .export} text is complete in itself and takes from {@link #properties()} only what its
 * {@code with (...)} clause leaves unset.
 *
 * @param format     the format of a bare query's export
 * @param compressed whether a bare query's export is compressed
 * @param storage    where a bare query is exported to
 * @param properties property values set as options, by property name (String, Long or Boolean values)
 */
public record ExportOptions(ExportFormat format, boolean compressed, List<StorageLiteral> storage,
        Map<String, Object> properties) {

    public ExportOptions {
        storage = List.copyOf(storage);
        properties = Map.copyOf(properties);
    }
}

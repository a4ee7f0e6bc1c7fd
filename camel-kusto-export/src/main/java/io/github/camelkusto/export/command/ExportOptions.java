package io.github.camelkusto.export.command;

import java.util.List;
import java.util.Map;

/**
 * What an endpoint's options say about exports, in command terms. A bare query is exported entirely with
 * these; a {@code .export} text is complete in itself (its format, {@code async}, {@code compressed} and
 * connection strings) and takes from {@link #properties()} only what its {@code with (...)} clause leaves unset
 * and what applies to its format.
 *
 * @param properties property values set as options, by property name (String, Long, Integer, Boolean or, for
 *                   the enum-typed properties, their constants)
 */
public record ExportOptions(ExportFormat format, boolean async, boolean compressed, List<StorageLiteral> storage,
        Map<String, Object> properties) {

    public ExportOptions {
        storage = List.copyOf(storage);
        properties = Map.copyOf(properties);
    }
}

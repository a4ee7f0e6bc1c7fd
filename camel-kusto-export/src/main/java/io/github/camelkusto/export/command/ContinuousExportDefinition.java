package io.github.camelkusto.export.command;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.camelkusto.kql.syntax.SourceText;

/**
 * A continuous export as {@code .create-or-alter continuous-export} defines it: every {@code intervalBetweenRuns},
 * the records ingested into the {@code over} tables since the last run (and at least {@code forcedLatency} ago)
 * go through {@code query} to external table {@code externalTable}. Tables the query reads that are not in
 * {@code over} are read whole.
 *
 * @param exportProperties the properties passed on to each run's {@code .export to table} (sizeLimit,
 *                         distributed, distribution, parquetRowGroupSize, useNativeParquetWriter), by canonical name
 * @param text             the whole command, kept to define the export again after a restart
 */
public record ContinuousExportDefinition(String name, List<String> overTables, String externalTable,
        Duration intervalBetweenRuns, Optional<Duration> forcedLatency, boolean disabled,
        Map<String, Object> exportProperties, String query, String text) {

    /** ADX's shortest interval between runs. */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    public ContinuousExportDefinition {
        overTables = List.copyOf(overTables);
        exportProperties = Map.copyOf(exportProperties);
    }

    /** The same export, enabled or disabled. */
    public ContinuousExportDefinition withDisabled(boolean isDisabled) {
        return new ContinuousExportDefinition(name, overTables, externalTable, intervalBetweenRuns, forcedLatency,
                isDisabled, exportProperties, query, text);
    }

    /** The query with any obfuscated literal masked, as it may be shown. */
    public String maskedQuery() {
        return SourceText.maskObfuscatedLiterals(query);
    }
}

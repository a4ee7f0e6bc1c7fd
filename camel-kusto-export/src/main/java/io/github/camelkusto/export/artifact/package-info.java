/**
 * Steps 4 to 6 of the data flow, distribute, chunk and compress: the encoders (csv/tsv by Commons CSV rules, json
 * lines by Jackson streaming, parquet by parquet-java), size accounting and rollover ({@code RollingArtifactWriter}),
 * gzip members compressed in parallel, and artifact naming. Uses the command part (what to write) and the storage
 * part (where to commit); not the operation part, which it reports to through {@code ExportMonitor}. No Camel.
 */
package io.github.camelkusto.export.artifact;
